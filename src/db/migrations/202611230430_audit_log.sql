-- The audit trail: one row per change, written in the same transaction as the change, never altered.
-- PostgreSQL 15 SQL (the oldest server we support); PGlite (PostgreSQL 18) runs it unchanged.

create table audit_log (
  id          bigserial   primary key,
  occurred_at timestamptz not null default now(),
  actor       text        not null check (actor <> ''),
  address     text,
  action      text        not null check (action <> ''),
  entity      text        not null check (entity <> ''),
  entity_key  text,
  old_value   jsonb,
  new_value   jsonb,
  reason      text
);

comment on table audit_log is
  'Append-only trail of changes: who (actor, address), what (action, entity, entity_key, old_value, new_value), when, why.';

-- The question an audit trail answers most: the history of one record, in order
-- (where entity = $1 and entity_key = $2 order by id).
create index audit_log_entity_key_idx on audit_log (entity, entity_key, id);

-- Browsing by time. Rows arrive in occurred_at order and are never updated, which is exactly what a
-- BRIN index summarises: a few pages for millions of rows instead of a B-tree as large as the table.
create index audit_log_occurred_at_brin on audit_log using brin (occurred_at);

-- Nothing may alter or remove the trail. A statement-level trigger also refuses an UPDATE or DELETE that
-- matches no row, so a mistaken statement fails loudly instead of succeeding by luck.
create function audit_log_reject_change() returns trigger
  language plpgsql
as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using hint = 'Record a correction as a new audit_log row.';
end;
$$;

create trigger audit_log_append_only
  before update or delete or truncate on audit_log
  for each statement
  execute function audit_log_reject_change();
