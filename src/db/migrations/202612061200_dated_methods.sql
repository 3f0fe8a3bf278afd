-- Dated methods (docs/scorecard-format.md, "Dated versions"). Two kinds of time:
-- - the effective-from period of a method: the first period it holds for (a month, quarter or year id; null:
--   since the beginning). Evaluating period P uses, of the versions recorded, the latest recorded one whose
--   effective-from period starts at or before P's first month;
-- - the recorded-at time (created_at, recorded_at): what was known on a date, for `asOf`.
-- PostgreSQL 15 SQL (PGlite, PostgreSQL 18, runs it unchanged).

alter table scorecard_version add column effective_from text
  check (effective_from ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4])?$');
alter table weight_version add column effective_from text
  check (effective_from ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4])?$');

-- The org units a scorecard applies to, as each replacement recorded them: `scorecard_org_unit` keeps the
-- current assignment (what lists and pickers read); this keeps every one, with the period it holds from.
create table scorecard_org_unit_version (
  id              bigint generated always as identity primary key,
  scorecard_id    bigint not null references scorecard (id) on delete cascade,
  version         integer not null check (version > 0),
  effective_from  text check (effective_from ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4])?$'),
  -- [{"orgUnitId": 1, "includeDescendants": true}, …]
  org_units       jsonb not null,
  created_by      text not null,
  created_at      timestamptz not null default now(),
  unique (scorecard_id, version)
);
insert into scorecard_org_unit_version (scorecard_id, version, effective_from, org_units, created_by, created_at)
select s.id, 1, null,
       jsonb_agg(jsonb_build_object('orgUnitId', a.org_unit_id, 'includeDescendants', a.include_descendants)
                 order by a.org_unit_id),
       'migration', s.updated_at
from scorecard s join scorecard_org_unit a on a.scorecard_id = s.id
group by s.id, s.updated_at;

-- Targets are set per period already; this records every change of them (a row's state after each insert,
-- update or delete, and when it was recorded), so `asOf` shows the targets as they were. A trigger keeps it,
-- so every writer (the targets API, imports and their undo) is recorded alike. The writer may name the time and
-- actor of its change for the transaction (`set_config('healthbsc.recorded_at', …, true)`, the application's
-- clock); otherwise the transaction's time is used. A restore (`healthbsc.restoring` on) copies the history
-- as it is instead.
create table target_history (
  id                bigint generated always as identity primary key,
  target_id         bigint not null,
  scorecard_id      bigint not null,
  indicator_code    text not null,
  org_unit_id       bigint,
  org_unit_group_id bigint,
  level             integer,
  period_id         text not null,
  target            double precision,
  lower             double precision,
  upper             double precision,
  reference         double precision,
  source            text,
  -- The row no longer exists from this change on.
  deleted           boolean not null default false,
  recorded_by       text not null,
  recorded_at       timestamptz not null
);
create index target_history_scorecard_idx on target_history (scorecard_id, target_id, recorded_at);

insert into target_history (target_id, scorecard_id, indicator_code, org_unit_id, org_unit_group_id, level,
  period_id, target, lower, upper, reference, source, recorded_by, recorded_at)
select id, scorecard_id, indicator_code, org_unit_id, org_unit_group_id, level, period_id, target, lower, upper,
  reference, source, set_by, set_at
from target order by id;

create function target_record_history() returns trigger
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
    insert into target_history (target_id, scorecard_id, indicator_code, org_unit_id, org_unit_group_id, level,
      period_id, target, lower, upper, reference, source, deleted, recorded_by, recorded_at)
    values (old.id, old.scorecard_id, old.indicator_code, old.org_unit_id, old.org_unit_group_id, old.level,
      old.period_id, old.target, old.lower, old.upper, old.reference, old.source, true,
      coalesce(who, old.set_by), at);
  else
    insert into target_history (target_id, scorecard_id, indicator_code, org_unit_id, org_unit_group_id, level,
      period_id, target, lower, upper, reference, source, deleted, recorded_by, recorded_at)
    values (new.id, new.scorecard_id, new.indicator_code, new.org_unit_id, new.org_unit_group_id, new.level,
      new.period_id, new.target, new.lower, new.upper, new.reference, new.source, false,
      coalesce(who, new.set_by), at);
  end if;
  return null;
end;
$$;

create trigger target_history_record
  after insert or update or delete on target
  for each row
  execute function target_record_history();
