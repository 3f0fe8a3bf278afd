-- Scheduled reports by e-mail (src/server/reports/report-subscriptions.ts): who receives which unit's
-- evaluation report of a scorecard, in which language and format. The monthly job mails the report of the
-- scorecard's latest published period once (last_period remembers the period last sent). PostgreSQL 15 SQL
-- (PGlite runs it unchanged).

create table report_subscription (
  id           bigint generated always as identity primary key,
  scorecard_id bigint not null references scorecard (id),
  org_unit_id  bigint not null references org_unit (id),
  recipient    text not null,
  language     text not null check (language in ('zh-CN', 'en')),
  format       text not null check (format in ('pdf', 'xlsx')),
  last_period  text,
  created_by   text not null,
  created_at   timestamptz not null,
  unique (scorecard_id, org_unit_id, recipient)
);
