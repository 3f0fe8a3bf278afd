-- A published score decides pay: once written, a publication and the target history it points to are never
-- changed or removed. Republishing adds a new publication (`replaces_id`); a changed target adds a history
-- row. The same statement-level guard as audit_log: an UPDATE, DELETE or TRUNCATE fails loudly, even one that
-- matches no row. A restore writes into empty tables with INSERT only, so it is not affected.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create function reject_published_change() returns trigger
  language plpgsql
as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
    using hint = 'Publish again with a reason; the earlier publication is kept.';
end;
$$;

create trigger publication_append_only
  before update or delete or truncate on publication
  for each statement execute function reject_published_change();
create trigger publication_result_append_only
  before update or delete or truncate on publication_result
  for each statement execute function reject_published_change();
create trigger publication_input_append_only
  before update or delete or truncate on publication_input
  for each statement execute function reject_published_change();
create trigger target_history_append_only
  before update or delete or truncate on target_history
  for each statement execute function reject_published_change();
