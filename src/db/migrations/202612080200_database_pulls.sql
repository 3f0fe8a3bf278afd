-- Scheduled pulls from hospital databases (src/server/pulls/README.md). A connection holds where and as whom to
-- read (the password encrypted with AES-256-GCM under HEALTHBSC_PULL_KEY, never in clear); a pull holds the query
-- (with :period_start / :period_end), the mapping profile (healthbsc/profile@1, inline), the schedule and which
-- period a run pulls; a run records what happened. Connections and pulls belong to an org unit (its data stewards
-- and admins manage them); root_id is that unit's organisation (the distribution key), written with it.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create table pull_connection (
  id            bigint generated always as identity primary key,
  org_unit_id   bigint not null references org_unit (id),
  root_id       bigint not null references org_unit (id),
  code          text not null check (code ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$'),
  kind          text not null check (kind in ('postgres', 'mysql', 'sqlserver', 'oracle')),
  host          text not null,
  port          integer not null check (port between 1 and 65535),
  database_name text not null,
  user_name     text not null,
  password_encrypted text not null,
  options       jsonb not null default '{}',
  created_by    text not null,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  unique (org_unit_id, code)
);

create table pull_definition (
  id            bigint generated always as identity primary key,
  org_unit_id   bigint not null references org_unit (id),
  root_id       bigint not null references org_unit (id),
  code          text not null check (code ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$'),
  connection_id bigint not null references pull_connection (id),
  query         text not null,
  profile       jsonb not null,
  -- A cron expression read in time_zone; null: the pull runs only by hand.
  schedule      text,
  time_zone     text not null,
  period_type   text not null check (period_type in ('month', 'quarter', 'year')),
  -- Which period a run pulls, counted from the period holding the run's due time: -1 the one before it.
  period_offset integer not null default -1 check (period_offset between -24 and 0),
  timeout_seconds integer not null default 60 check (timeout_seconds between 1 and 3600),
  enabled       boolean not null default true,
  -- The latest schedule occurrence already run (or skipped): the job runs each occurrence once.
  last_due_at   timestamptz,
  created_by    text not null,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  unique (org_unit_id, code)
);

create table pull_run (
  id            bigint generated always as identity primary key,
  pull_id       bigint not null references pull_definition (id) on delete cascade,
  root_id       bigint not null,
  trigger       text not null check (trigger in ('schedule', 'user')),
  dry_run       boolean not null,
  period        text not null,
  due_at        timestamptz,
  status        text not null check (status in ('running', 'succeeded', 'failed')),
  -- While running: connecting, querying, importing (the page shows it).
  phase         text,
  rows_read     integer,
  values_imported integer,
  -- What the run would write or wrote, and its errors by code (profile import report).
  report        jsonb,
  problems      jsonb not null default '[]',
  started_by    text not null,
  started_at    timestamptz not null,
  finished_at   timestamptz,
  unique (pull_id, due_at)
);

create index pull_run_pull_started on pull_run (pull_id, started_at desc);

-- A failed pull raises an alert (core/alerts/rules/pull-failed.ts): the alert kinds gain `pull-failed`.
alter table alert_rule drop constraint alert_rule_kind_check;
alter table alert_rule add constraint alert_rule_kind_check check (kind in ('off-target', 'adverse-trend',
  'forecast-miss', 'data-late', 'data-quality', 'approval-waiting', 'action-overdue', 'pull-failed'));
alter table alert_subscription drop constraint alert_subscription_kind_check;
alter table alert_subscription add constraint alert_subscription_kind_check check (kind in ('off-target',
  'adverse-trend', 'forecast-miss', 'data-late', 'data-quality', 'approval-waiting', 'action-overdue',
  'pull-failed'));
