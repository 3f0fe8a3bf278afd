-- The outbox of e-mails (src/server/mail): a message is queued in the transaction of the change that causes it
-- (a survey reminder, an alert, a report), so it exists if and only if that change committed; the mail job
-- sends queued rows, retrying with backoff, and records the outcome. The words are the caller's, already in the
-- recipient's language. `root_id` is the organisation a mail is about (null: installation mail, a test mail).
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create table mail_outbox (
  id               bigint generated always as identity primary key,
  root_id          bigint references org_unit (id),
  recipient        text not null check (recipient <> ''),
  language         text not null check (language in ('zh-CN', 'en')),
  subject          text not null check (subject <> ''),
  body_text        text not null,
  body_html        text,
  kind             text not null check (kind ~ '^[a-z][a-z0-9-]*$'),
  -- queued: waiting or being retried; sent; failed: gave up after the last attempt; not-configured: no SMTP
  -- host was set when its turn came, so it was never sent (a clear no-op, not an error).
  status           text not null default 'queued'
                   check (status in ('queued', 'sent', 'failed', 'not-configured')),
  attempts         integer not null default 0 check (attempts >= 0),
  last_error       text,
  next_attempt_at  timestamptz not null,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz,
  -- The SMTP server's message id, when it was accepted.
  message_id       text
);
-- The mail job's question: what is due now.
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'queued';
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);

-- A mail's attachments (a report's PDF), in order.
create table mail_attachment (
  mail_id       bigint not null references mail_outbox (id) on delete cascade,
  position      integer not null check (position >= 0),
  filename      text not null check (filename <> ''),
  content_type  text not null,
  content       bytea not null,
  primary key (mail_id, position)
);
