-- The sign-in throttle, stored so that it survives a restart and is shared by every server on this database
-- (issue 11, part 3). One row per account (the email tried, lowercased, cut to 254 characters, control
-- characters removed) and per client address: failed sign-ins in the current window, when the window began
-- and the last one came, sign-ins refused while blocked, and until when the next attempt waits (a delay that
-- grows with the failures; a success clears the account's row).
--
-- Failed sign-ins are no longer one audit row each: when a window ends (or the account signs in), its counts
-- become ONE audit row (`login-failed`, with count, first and last) per account or address. The table holds at
-- most one row per key; rows whose window has ended are removed by the session clean-up job.
--
-- A small table shared by the whole installation (no root_id): with Citus it is a reference table.
create table sign_in_failure (
  kind text not null check (kind in ('account', 'address')),
  key text not null check (length(key) between 1 and 254),
  failures integer not null check (failures >= 0),
  refused integer not null default 0 check (refused >= 0),
  first_at timestamptz not null,
  last_at timestamptz not null,
  blocked_until timestamptz,
  primary key (kind, key)
);

create index sign_in_failure_first_at on sign_in_failure (first_at);
