-- Accounts, roles over org-unit subtrees, sessions, API tokens, and data approval (issue 4).
-- PostgreSQL 15 SQL (PGlite, PostgreSQL 18, runs it unchanged).

-- People who sign in. The password is an argon2id hash in PHC form ($argon2id$v=19$m=…); never the password.
create table app_user (
  id             bigint generated always as identity primary key,
  email          text not null unique check (email = lower(email) and email like '%_@_%' and length(email) <= 254),
  name           text,
  password_hash  text not null check (password_hash like '$argon2id$%'),
  disabled       boolean not null default false,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  last_login_at  timestamptz
);

-- Integration tokens: `Authorization: Bearer hbsc_…`. Only the SHA-256 of the token is kept (a token is 256
-- random bits, so a fast hash is enough; passwords need argon2 because people choose them).
create table api_token (
  id            bigint generated always as identity primary key,
  name          text not null unique check (name ~ '^[A-Za-z0-9_.-]+$'),
  token_hash    text not null unique,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  revoked_by    text,
  last_used_at  timestamptz
);

-- A role over an org unit's subtree (org_unit_id null: the whole installation), held by a user or a token.
-- A later kind of principal (survey experts invited by a link) adds its own column here.
create table role_assignment (
  id           bigint generated always as identity primary key,
  user_id      bigint references app_user (id) on delete cascade,
  token_id     bigint references api_token (id) on delete cascade,
  role         text not null check (role in ('admin', 'strategist', 'steward', 'entry', 'approver', 'viewer')),
  org_unit_id  bigint references org_unit (id) on delete cascade,
  check (num_nonnulls(user_id, token_id) = 1)
);
create unique index role_assignment_user_idx on role_assignment (user_id, role, coalesce(org_unit_id, 0))
  where user_id is not null;
create unique index role_assignment_token_idx on role_assignment (token_id, role, coalesce(org_unit_id, 0))
  where token_id is not null;
-- "Is there an administrator yet?" (production mode refuses to serve data until there is one).
create index role_assignment_admin_idx on role_assignment (role) where role = 'admin' and org_unit_id is null;

-- Signed-in sessions. The cookie holds a random token; only its SHA-256 is kept, so a copy of the database
-- opens no session. A session ends at expires_at, or after a spell of inactivity past last_seen_at.
create table user_session (
  token_hash    text primary key,
  user_id       bigint not null references app_user (id) on delete cascade,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  address       text,
  user_agent    text
);
create index user_session_user_idx on user_session (user_id);

-- Data approval per scorecard × org unit × period: submitted → approved (the data of the unit's subtree in
-- that period is locked) → reopened (with a reason) → submitted … The history is in the audit trail.
create table data_approval (
  id            bigint generated always as identity primary key,
  root_id       bigint not null,
  scorecard_id  bigint not null references scorecard (id) on delete cascade,
  org_unit_id   bigint not null references org_unit (id) on delete cascade,
  period_id     text not null references period (id),
  status        text not null check (status in ('submitted', 'approved', 'reopened')),
  submitted_by  text,
  submitted_at  timestamptz,
  decided_by    text,
  decided_at    timestamptz,
  reason        text,
  updated_at    timestamptz not null default now(),
  version       integer not null default 1,
  unique (scorecard_id, org_unit_id, period_id)
);
-- Writers look up the approvals of their organisation before every change of values.
create index data_approval_root_idx on data_approval (root_id, status);
