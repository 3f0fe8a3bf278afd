-- The daily alert digest (src/server/alerts/alert-digest.ts).
--   alert_receipt.digest  the receipt's e-mail waits for the recipient's daily digest instead of going at once
--   alert_digest          one row per user and day (the installation's time zone) a digest went out: a second
--                         run of the same day finds it and sends nothing (idempotent per user × day); the last
--                         row's sent_at is where the next digest's "closed since" starts.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

alter table alert_receipt add column digest boolean not null default false;

create table alert_digest (
  user_id  bigint not null references app_user (id),
  day      date not null,
  alerts   integer not null check (alerts >= 0),
  sent_at  timestamptz not null,
  primary key (user_id, day)
);
