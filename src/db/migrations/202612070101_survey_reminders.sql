-- Survey reminders by e-mail (src/server/surveys/survey-reminders.service.ts): a survey's answering deadline
-- and how many days before it the experts who have not submitted are reminded automatically; the web origin
-- the strategist set it from (the reminder job has no request to take the questionnaire's address from); each
-- expert's language (default: the survey's); and one row per expert reminded per round, so that no round
-- reminds anyone twice. PostgreSQL 15 SQL (PGlite runs it unchanged).

alter table survey add column deadline timestamptz;
alter table survey add column remind_days_before integer check (remind_days_before between 1 and 60);
alter table survey add column public_origin text;

alter table survey_expert add column language text check (language in ('zh-CN', 'en'));

create table survey_reminder (
  survey_id   bigint not null references survey (id),
  -- `deadline`: the automatic reminder before the deadline; `manual-1`, `manual-2`, …: on demand.
  round       text not null check (round ~ '^(deadline|manual-[0-9]+)$'),
  expert_id   bigint not null references survey_expert (id),
  recipient   text not null,
  -- The outbox row of the mail (mail_outbox.id; no foreign key: the outbox stays on the Citus coordinator).
  mail_id     bigint not null,
  sent_by     text not null,
  created_at  timestamptz not null,
  primary key (survey_id, round, expert_id)
);
