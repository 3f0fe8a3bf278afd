-- The platform's domain: org units, periods, data elements, scorecards with versioned weights, targets,
-- data values, reported indicator values, qualitative assessments, imports, and change counters for caches.
-- PostgreSQL 15 SQL (PGlite, PostgreSQL 18, runs it unchanged).
--
-- Scale-out with Citus: the small, shared tables (org_unit, org_unit_group*, period, data_element, scorecard*)
-- become reference tables; the large ones carry `root_id`, the id of the top-level org unit (a medical group or
-- a stand-alone hospital), as the first column of their primary key, so they can be distributed by it and every
-- query for one organisation stays on one node.

-- Org units: a tree (medical group → hospital, head or branch → department).
create table org_unit (
  id          bigint generated always as identity primary key,
  parent_id   bigint references org_unit (id),
  -- Set by the trigger below: the top-level ancestor's id, the depth (1 for a root) and the path of ids.
  root_id     bigint not null,
  level       integer not null,
  path        text not null,
  code        text not null unique check (code ~ '^[[:alpha:]_][[:alnum:]_.-]*$' and length(code) <= 64),
  name_en     text not null check (name_en <> ''),
  name_zh     text,
  type        text not null check (type in ('group', 'hospital', 'department', 'unit')),
  role        text check (role in ('head', 'branch')),
  sort_order  integer not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index org_unit_parent_idx on org_unit (parent_id);
-- Subtree queries are `path like '/1/5/%'`.
create index org_unit_path_idx on org_unit (path text_pattern_ops);

create function org_unit_set_tree() returns trigger
  language plpgsql
as $$
declare
  parent org_unit%rowtype;
begin
  if tg_op = 'UPDATE' and new.parent_id is distinct from old.parent_id then
    raise exception 'moving org unit % to another parent is not supported', old.code
      using hint = 'Create the unit under its new parent and move its data with an import.';
  end if;
  if new.parent_id is null then
    new.root_id := new.id;
    new.level := 1;
    new.path := '/' || new.id || '/';
  else
    select * into parent from org_unit where id = new.parent_id;
    if not found then
      raise exception 'parent org unit % does not exist', new.parent_id;
    end if;
    new.root_id := parent.root_id;
    new.level := parent.level + 1;
    new.path := parent.path || new.id || '/';
  end if;
  return new;
end;
$$;

create trigger org_unit_tree
  before insert or update on org_unit
  for each row
  execute function org_unit_set_tree();

-- Named sets of org units, such as "branch hospitals", for targets and comparisons.
create table org_unit_group (
  id          bigint generated always as identity primary key,
  code        text not null unique,
  name_en     text not null,
  name_zh     text,
  created_at  timestamptz not null default now()
);

create table org_unit_group_member (
  group_id    bigint not null references org_unit_group (id) on delete cascade,
  org_unit_id bigint not null references org_unit (id) on delete cascade,
  primary key (group_id, org_unit_id)
);

-- Periods: '2024-03' (month), '2024Q1' (quarter), '2024' (year). Rows are added as data arrives.
create table period (
  id          text primary key,
  type        text not null check (type in ('month', 'quarter', 'year')),
  start_date  date not null,
  end_date    date not null,
  check (start_date <= end_date)
);

-- Data elements: the raw measures formulas use.
create table data_element (
  id               bigint generated always as identity primary key,
  code             text not null unique,
  name_en          text not null,
  name_zh          text,
  value_type       text not null default 'number' check (value_type in ('number', 'integer', 'percentage', 'money')),
  unit             text,
  aggregation      text not null default 'sum' check (aggregation in ('sum', 'average')),
  time_aggregation text not null default 'sum' check (time_aggregation in ('sum', 'average', 'last')),
  min_value        double precision,
  max_value        double precision,
  description      text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (min_value is null or max_value is null or min_value <= max_value)
);

-- Scorecards. The structure (perspectives, objectives, indicators, scoring) and the weights are versioned
-- separately: a new AHP survey changes the weights without touching the indicators.
create table scorecard (
  id          bigint generated always as identity primary key,
  code        text not null unique,
  name_en     text not null,
  name_zh     text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table scorecard_version (
  id            bigint generated always as identity primary key,
  scorecard_id  bigint not null references scorecard (id),
  version       integer not null check (version > 0),
  -- The scorecard file (healthbsc/scorecard@1) without its `weights` block.
  definition    jsonb not null,
  note          text,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  unique (scorecard_id, version)
);

create table weight_version (
  id            bigint generated always as identity primary key,
  scorecard_id  bigint not null references scorecard (id),
  version       integer not null check (version > 0),
  -- The `weights` block of the scorecard file: manual weights or AHP matrices.
  weights       jsonb not null,
  source        text not null check (source in ('manual', 'ahp', 'survey', 'import')),
  source_ref    text,
  note          text,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  unique (scorecard_id, version)
);

-- The org units a scorecard applies to (with their subtrees unless include_descendants is false).
create table scorecard_org_unit (
  scorecard_id        bigint not null references scorecard (id) on delete cascade,
  org_unit_id         bigint not null references org_unit (id) on delete cascade,
  include_descendants boolean not null default true,
  primary key (scorecard_id, org_unit_id)
);

-- Targets and reference values per indicator × scope × period. The scope is one org unit, an org-unit
-- group, a level of the tree, or (all three null) every unit the scorecard applies to.
create table target (
  id                bigint generated always as identity primary key,
  scorecard_id      bigint not null references scorecard (id) on delete cascade,
  indicator_code    text not null,
  org_unit_id       bigint references org_unit (id) on delete cascade,
  org_unit_group_id bigint references org_unit_group (id) on delete cascade,
  level             integer,
  period_id         text not null references period (id),
  target            double precision,
  lower             double precision,
  upper             double precision,
  reference         double precision,
  source            text,
  set_by            text not null,
  set_at            timestamptz not null default now(),
  check (num_nonnulls(org_unit_id, org_unit_group_id, level) <= 1),
  check (lower is null or upper is null or lower <= upper)
);
create unique index target_scope_idx on target (scorecard_id, indicator_code, period_id,
  coalesce(org_unit_id, 0), coalesce(org_unit_group_id, 0), coalesce(level, 0));

-- Data values: one number per org unit × data element × period.
--
-- No foreign keys here, on purpose: PostgreSQL checks a foreign key with a trigger per row, and the three of
-- them cut bulk loading from ~230,000 to ~50,000 values/s (bench/platform.bench.ts). Every writer resolves the
-- ids from codes it has checked, and the parents refuse to be deleted while values use them (triggers below).
-- For the same reason the only index is the primary key: evaluation reads by organisation and org unit.
create table data_value (
  root_id          bigint not null,
  org_unit_id      bigint not null,
  data_element_id  bigint not null,
  period_id        text not null,
  value            double precision not null,
  comment          text,
  import_batch_id  bigint,
  updated_by       text not null,
  updated_at       timestamptz not null default now(),
  -- Incremented on every change, so a save can say which version it edited and detect a concurrent edit.
  version          integer not null default 1,
  primary key (root_id, org_unit_id, data_element_id, period_id)
);

-- What the foreign keys would have guarded: a unit, data element or period that values use cannot be deleted.
create function refuse_delete_while_values() returns trigger
  language plpgsql
as $$
declare
  used boolean;
begin
  -- One branch per table: plpgsql plans only the branch it runs, and the three ids have different types.
  if tg_table_name = 'org_unit' then
    select exists (select 1 from data_value where org_unit_id = old.id) into used;
  elsif tg_table_name = 'data_element' then
    select exists (select 1 from data_value where data_element_id = old.id) into used;
  else
    select exists (select 1 from data_value where period_id = old.id) into used;
  end if;
  if used then
    raise exception '% % has data values; delete them first', tg_table_name, old.id
      using errcode = 'foreign_key_violation';
  end if;
  return old;
end;
$$;

create trigger org_unit_keep_values before delete on org_unit
  for each row execute function refuse_delete_while_values();
create trigger data_element_keep_values before delete on data_element
  for each row execute function refuse_delete_while_values();
create trigger period_keep_values before delete on period
  for each row execute function refuse_delete_while_values();

-- Indicator values reported directly by a source that publishes the rate and not its parts (a national
-- reporting platform, seed 002's Table 4.9). A reported value takes precedence over the formula.
create table reported_value (
  root_id          bigint not null,
  scorecard_id     bigint not null references scorecard (id) on delete cascade,
  indicator_code   text not null,
  org_unit_id      bigint not null references org_unit (id),
  period_id        text not null references period (id),
  value            double precision not null,
  comment          text,
  import_batch_id  bigint,
  updated_by       text not null,
  updated_at       timestamptz not null default now(),
  version          integer not null default 1,
  primary key (root_id, scorecard_id, indicator_code, org_unit_id, period_id)
);

-- Qualitative assessments: one rater's 0–100 score of an indicator for an org unit and period.
create table assessment (
  root_id          bigint not null,
  scorecard_id     bigint not null references scorecard (id) on delete cascade,
  indicator_code   text not null,
  org_unit_id      bigint not null references org_unit (id),
  period_id        text not null references period (id),
  rater            text not null check (rater <> ''),
  score            double precision not null check (score >= 0 and score <= 100),
  evidence         text,
  import_batch_id  bigint,
  updated_by       text not null,
  updated_at       timestamptz not null default now(),
  version          integer not null default 1,
  primary key (root_id, scorecard_id, indicator_code, org_unit_id, period_id, rater)
);

-- Imports: each committed file, and every row it changed with the value before and after, so it can be
-- undone exactly.
create table import_batch (
  id            bigint generated always as identity primary key,
  kind          text not null check (kind in ('data', 'targets', 'assessments', 'reported', 'metadata')),
  file_name     text not null,
  format        text not null check (format in ('csv', 'xlsx', 'yaml', 'json')),
  encoding      text,
  checksum      text not null,
  status        text not null check (status in ('committed', 'undone')),
  rows_read     integer not null,
  created       integer not null,
  updated       integer not null,
  unchanged     integer not null,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  undone_by     text,
  undone_at     timestamptz
);
create index import_batch_checksum_idx on import_batch (checksum);

create table import_change (
  batch_id    bigint not null references import_batch (id),
  seq         integer not null,
  table_name  text not null,
  key         jsonb not null,
  old_value   jsonb,
  new_value   jsonb,
  primary key (batch_id, seq)
);

-- Change counters: bumped in the same transaction as a write, so every server process can tell when its cached
-- evaluations and value cubes are stale. Scope 'meta' covers metadata; 'root:<id>' one organisation's values.
create table change_counter (
  scope     text primary key,
  revision  bigint not null default 0
);
insert into change_counter (scope, revision) values ('meta', 0);

-- Audit rows name the org unit they concern, so lists can be filtered by a user's scope.
alter table audit_log add column org_unit_id bigint;
create index audit_log_org_unit_idx on audit_log (org_unit_id, id);
