-- The audit trail's text search (GET /api/audit?q=…) looks for a text anywhere in the actor, the record's key,
-- the reason and the old and new values, case-insensitively (ILIKE '%…%'). Without an index that reads every
-- row; a trigram index answers such a pattern (three characters or more) from the index. One index over the
-- five fields joined, rather than five indexes: a row is written once and never changed, and one index is
-- one write. The query (../repositories/audit-query.repository.ts, AUDIT_SEARCH_TEXT) must use this very
-- expression for the planner to match it; it keeps the per-field conditions too, so results are exactly the
-- per-field search's. pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
-- PostgreSQL 15 SQL (PGlite loads pg_trgm from @electric-sql/pglite/contrib, ../pglite-client.ts).

create extension if not exists pg_trgm;

create index audit_log_text_trgm on audit_log using gin (
  (coalesce(actor, '') || ' ' || coalesce(entity_key, '') || ' ' || coalesce(reason, '') || ' '
    || coalesce(old_value::text, '') || ' ' || coalesce(new_value::text, '')) gin_trgm_ops
);
