-- Alerts, deadlines, delivery and action plans (core/contracts/alerts.ts, core/contracts/actions.ts).
--   entry_deadline      when a scorecard's data of a period type is due (day N of the month after the period)
--   alert_rule          a rule (kind, severity, scope) of a scorecard
--   alert               one episode of a condition, keyed rule × indicator × unit × period: raised once, closed
--                       when the condition ends; a condition that comes back raises a new row (the rows of a key
--                       are its history). At most one open row per key (a partial unique index).
--   alert_receipt       an alert delivered to a user's inbox: read or not, e-mailed or not
--   alert_subscription  who hears what: a user's unit scope × rule kind, e-mail on/off, daily digest
--   webhook             a signed POST to a messaging system (generic, WeCom, DingTalk, Feishu)
--   webhook_delivery    each alert sent to a webhook: attempts, the last answer, the next try (backoff)
--   action_plan         what is done about an indicator × unit × period: owner, due date, status, progress
--   action_collaborator, action_comment, action_attachment (the evidence, bytea, size-limited by the server)
-- app_user gains preferred_language (e-mails and digests use it).
-- Distributed tables carry root_id (the organisation) in every key and in their foreign keys to each other
-- (202612062050_distribution_keys); the small configuration tables are reference tables.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

alter table app_user add column preferred_language text not null default 'zh-CN'
  check (preferred_language in ('zh-CN', 'en'));

create table entry_deadline (
  scorecard_id  bigint not null references scorecard (id),
  period_type   text not null check (period_type in ('month', 'quarter', 'year')),
  due_day       integer not null check (due_day between 1 and 28),
  updated_by    text not null,
  updated_at    timestamptz not null default now(),
  primary key (scorecard_id, period_type)
);

create table alert_rule (
  id             bigint generated always as identity primary key,
  scorecard_id   bigint not null references scorecard (id),
  kind           text not null check (kind in ('off-target', 'adverse-trend', 'forecast-miss', 'data-late',
                   'data-quality', 'approval-waiting', 'action-overdue')),
  severity       text not null check (severity in ('info', 'warning', 'critical')),
  -- [unit id, …]: the subtrees watched; [] every unit of the scorecard.
  org_unit_ids   jsonb not null default '[]',
  -- [indicator id, …]; [] every indicator.
  indicators     jsonb not null default '[]',
  include_watch  boolean not null default false,
  enabled        boolean not null default true,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index alert_rule_scorecard_idx on alert_rule (scorecard_id);

create table alert (
  id            bigint generated always as identity,
  root_id       bigint not null,
  rule_id       bigint not null references alert_rule (id),
  scorecard_id  bigint not null references scorecard (id),
  kind          text not null,
  severity      text not null check (severity in ('info', 'warning', 'critical')),
  -- '' for the per-unit rules (data late, approval waiting), so the key has no nulls.
  indicator     text not null,
  org_unit_id   bigint not null references org_unit (id),
  period_id     text not null,
  action_id     bigint,
  code          text not null,
  params        jsonb not null default '{}',
  opened_at     timestamptz not null,
  closed_at     timestamptz,
  primary key (root_id, id)
);
create unique index alert_open_key_idx on alert (root_id, rule_id, indicator, org_unit_id, period_id)
  where closed_at is null;
create index alert_unit_idx on alert (root_id, org_unit_id, opened_at);

create table alert_receipt (
  root_id     bigint not null,
  alert_id    bigint not null,
  user_id     bigint not null references app_user (id),
  read_at     timestamptz,
  -- Handed to the mail outbox (or to the daily digest, when it went out).
  emailed_at  timestamptz,
  created_at  timestamptz not null default now(),
  primary key (root_id, alert_id, user_id),
  foreign key (root_id, alert_id) references alert (root_id, id)
);
create index alert_receipt_user_idx on alert_receipt (user_id, read_at);

create table alert_subscription (
  id           bigint generated always as identity primary key,
  user_id      bigint not null references app_user (id),
  org_unit_id  bigint references org_unit (id),
  kind         text check (kind in ('off-target', 'adverse-trend', 'forecast-miss', 'data-late',
                 'data-quality', 'approval-waiting', 'action-overdue')),
  email        boolean not null default true,
  digest       text not null default 'none' check (digest in ('none', 'daily')),
  created_at   timestamptz not null default now()
);
create index alert_subscription_user_idx on alert_subscription (user_id);

create table webhook (
  id            bigint generated always as identity primary key,
  name          text not null check (name <> ''),
  kind          text not null check (kind in ('generic', 'wecom', 'dingtalk', 'feishu')),
  url           text not null,
  secret        text,
  scorecard_id  bigint references scorecard (id),
  kinds         jsonb not null default '[]',
  min_severity  text not null check (min_severity in ('info', 'warning', 'critical')),
  enabled       boolean not null default true,
  created_by    text not null,
  created_at    timestamptz not null default now()
);

create table webhook_delivery (
  id                bigint generated always as identity primary key,
  webhook_id        bigint not null references webhook (id),
  root_id           bigint not null,
  alert_id          bigint not null,
  status            text not null check (status in ('pending', 'delivered', 'failed')),
  attempts          integer not null default 0,
  last_status_code  integer,
  last_error        text,
  next_attempt_at   timestamptz,
  delivered_at      timestamptz,
  created_at        timestamptz not null default now()
);
create index webhook_delivery_due_idx on webhook_delivery (status, next_attempt_at);

create table action_plan (
  id                bigint generated always as identity,
  root_id           bigint not null,
  title             text not null check (title <> ''),
  description       text,
  scorecard_id      bigint not null references scorecard (id),
  indicator         text not null,
  org_unit_id       bigint not null references org_unit (id),
  period_id         text not null,
  owner_id          bigint not null references app_user (id),
  due_date          date not null,
  status            text not null check (status in ('planned', 'in-progress', 'done', 'dropped')),
  progress          integer not null default 0 check (progress between 0 and 100),
  origin            text not null check (origin in ('cell', 'alert', 'objective')),
  alert_id          bigint,
  objective         text,
  value_at_opening  double precision,
  created_by        text not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  closed_at         timestamptz,
  primary key (root_id, id)
);
create index action_plan_owner_idx on action_plan (owner_id, status);
create index action_plan_cell_idx on action_plan (root_id, scorecard_id, indicator, org_unit_id);

create table action_collaborator (
  root_id    bigint not null,
  action_id  bigint not null,
  user_id    bigint not null references app_user (id),
  primary key (root_id, action_id, user_id),
  foreign key (root_id, action_id) references action_plan (root_id, id)
);
create index action_collaborator_user_idx on action_collaborator (user_id);

create table action_comment (
  id          bigint generated always as identity,
  root_id     bigint not null,
  action_id   bigint not null,
  author_id   bigint references app_user (id),
  text        text not null,
  created_at  timestamptz not null default now(),
  primary key (root_id, id),
  foreign key (root_id, action_id) references action_plan (root_id, id)
);
create index action_comment_action_idx on action_comment (root_id, action_id, id);

create table action_attachment (
  id          bigint generated always as identity,
  root_id     bigint not null,
  comment_id  bigint not null,
  name        text not null check (name <> ''),
  media_type  text not null,
  size        integer not null check (size >= 0),
  content     bytea not null,
  created_at  timestamptz not null default now(),
  primary key (root_id, id),
  foreign key (root_id, comment_id) references action_comment (root_id, id)
);
create index action_attachment_comment_idx on action_attachment (root_id, comment_id);
