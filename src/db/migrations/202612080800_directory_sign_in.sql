-- Sign-in with the hospital's accounts (issue 17 §4, src/server/sso): OpenID Connect and LDAP / Active
-- Directory besides local accounts. PostgreSQL 15 SQL (PGlite runs it unchanged).

-- A user who signs in through the directory or the identity provider has no password here: the hash is
-- checked only for local accounts (a null hash never matches).
alter table app_user alter column password_hash drop not null;

-- Who a user is at each provider: the OIDC issuer's `sub` or the directory entry's DN. A first sign-in links
-- an existing account with the same e-mail or creates one (with no role unless the group mapping gives one).
create table user_identity (
  id           bigint generated always as identity primary key,
  user_id      bigint not null references app_user (id) on delete cascade,
  provider     text not null check (provider in ('oidc', 'ldap')),
  subject      text not null check (length(subject) between 1 and 1000),
  created_at   timestamptz not null,
  last_seen_at timestamptz not null,
  unique (provider, subject)
);
create index user_identity_user_idx on user_identity (user_id);

-- Roles given by the directory-group mapping are re-derived at every sign-in (a user who left a group loses
-- its role); roles an administrator gives are theirs to change.
alter table role_assignment add column source text not null default 'admin'
  check (source in ('admin', 'directory'));

-- An OIDC sign-in under way: the state's hash (the browser holds the state in a cookie), the PKCE verifier and
-- the nonce, used once by the callback within ten minutes. In the database so any server can take the callback.
create table oidc_login (
  state_hash    text primary key,
  code_verifier text not null,
  nonce         text not null,
  next          text not null,
  created_at    timestamptz not null
);
