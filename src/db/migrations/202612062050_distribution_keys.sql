-- Every large table carries `root_id` (the organisation: a medical group or a stand-alone hospital) in its
-- primary key and in each of its unique keys, so it can be distributed by `root_id` with Citus, or partitioned
-- `by hash (root_id)`: both refuse a unique key that lacks the distribution column, because uniqueness is only
-- checked within one shard (docs/deployment.md "Citus"). The earlier migrations gave it to data_value,
-- reported_value, assessment, publication_result and publication_input; this one gives it to the rest:
--   target          (a unit's target belongs to the unit's organisation; a target for every unit, a group or
--                    a tree level is shared by all organisations and has root_id 0)
--   target_history  (the same root_id as its target)
--   data_approval   (had root_id, but its keys were id and (scorecard, unit, period))
--   publication     (had root_id, but its key was id; its results now reference (root_id, id))
-- The writers name root_id themselves (no trigger fills it): Citus routes a row by the distribution column
-- before any trigger runs, so a row without it cannot be placed.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

-- Targets: root_id from the unit; 0 for the shared scopes.
alter table target add column root_id bigint not null default 0;
update target t set root_id = o.root_id from org_unit o where o.id = t.org_unit_id;
alter table target alter column root_id drop default;
drop index target_scope_idx;
create unique index target_scope_idx on target (root_id, scorecard_id, indicator_code, period_id,
  coalesce(org_unit_id, 0), coalesce(org_unit_group_id, 0), coalesce(level, 0));
-- An import's recorded changes name a target by its key, which now starts with root_id: undo finds it so.
update import_change c set key = c.key || jsonb_build_object('root_id', coalesce(o.root_id, 0))
from (select ch.batch_id, ch.seq, u.root_id
      from import_change ch left join org_unit u on u.id = (ch.key ->> 'org_unit_id')::bigint
      where ch.table_name = 'target') o
where c.table_name = 'target' and c.batch_id = o.batch_id and c.seq = o.seq;
alter table target drop constraint target_pkey;
alter table target add primary key (root_id, id);

-- The history of targets: the history is append-only (202612061202); its guard stands aside for this one
-- backfill of the new column, inside this migration's transaction.
alter table target_history add column root_id bigint not null default 0;
alter table target_history disable trigger target_history_append_only;
update target_history h set root_id = o.root_id from org_unit o where o.id = h.org_unit_id;
alter table target_history enable trigger target_history_append_only;
alter table target_history alter column root_id drop default;
alter table target_history drop constraint target_history_pkey;
alter table target_history add primary key (root_id, id);
drop index target_history_scorecard_idx;
create index target_history_scorecard_idx on target_history (root_id, scorecard_id, target_id, recorded_at);

create or replace function target_record_history() returns trigger
  language plpgsql
as $$
declare
  at timestamptz := coalesce(nullif(current_setting('healthbsc.recorded_at', true), '')::timestamptz, now());
  who text := nullif(current_setting('healthbsc.recorded_by', true), '');
begin
  if current_setting('healthbsc.restoring', true) = 'on' then
    return null;
  end if;
  if tg_op = 'DELETE' then
    insert into target_history (root_id, target_id, scorecard_id, indicator_code, org_unit_id, org_unit_group_id,
      level, period_id, target, lower, upper, reference, source, deleted, recorded_by, recorded_at)
    values (old.root_id, old.id, old.scorecard_id, old.indicator_code, old.org_unit_id, old.org_unit_group_id,
      old.level, old.period_id, old.target, old.lower, old.upper, old.reference, old.source, true,
      coalesce(who, old.set_by), at);
  else
    insert into target_history (root_id, target_id, scorecard_id, indicator_code, org_unit_id, org_unit_group_id,
      level, period_id, target, lower, upper, reference, source, deleted, recorded_by, recorded_at)
    values (new.root_id, new.id, new.scorecard_id, new.indicator_code, new.org_unit_id, new.org_unit_group_id,
      new.level, new.period_id, new.target, new.lower, new.upper, new.reference, new.source, false,
      coalesce(who, new.set_by), at);
  end if;
  return null;
end;
$$;

-- Approvals: one per organisation, scorecard, unit and period.
alter table data_approval drop constraint data_approval_pkey;
alter table data_approval add primary key (root_id, id);
alter table data_approval drop constraint data_approval_scorecard_id_org_unit_id_period_id_key;
alter table data_approval add constraint data_approval_key unique (root_id, scorecard_id, org_unit_id, period_id);

-- Publications: keyed by organisation; a result and a replaced publication are found within it.
alter table publication_result drop constraint publication_result_publication_id_fkey;
alter table publication drop constraint publication_replaces_id_fkey;
alter table publication drop constraint publication_pkey;
alter table publication add primary key (root_id, id);
alter table publication add constraint publication_replaces_fkey
  foreign key (root_id, replaces_id) references publication (root_id, id);
alter table publication_result add constraint publication_result_publication_fkey
  foreign key (root_id, publication_id) references publication (root_id, id);
