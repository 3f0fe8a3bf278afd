-- Incentive allocations: a pool for a scorecard × period shared among the units under an org unit (departments of
-- a hospital, hospitals of a group) by their published totals (core/incentives/allocate.ts). An allocation names
-- the publication it used and keeps its rule and every unit's figures whole (`units`), so that what was approved
-- can be shown and exported as it was. A second person approves it (`incentive_approval`); approved, it is frozen:
-- both tables are append-only (the publications' guard), and a restatement is a new allocation that replaces the
-- earlier one (`replaces_id`) with a reason.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create table incentive_allocation (
  id              bigint generated always as identity,
  root_id         bigint not null,
  scorecard_id    bigint not null references scorecard (id),
  -- The unit whose children share the pool.
  org_unit_id     bigint not null references org_unit (id),
  period_id       text not null references period (id),
  publication_id  bigint not null,
  -- The pool in minor units of the currency (fen for CNY).
  pool_minor      bigint not null check (pool_minor >= 0),
  currency        text not null check (currency ~ '^[A-Z]{3}$'),
  -- The rule as the contract states it (core/contracts/incentives.ts) and each unit's score, base, share, amount.
  rule            jsonb not null,
  units           jsonb not null,
  replaces_id     bigint,
  reason          text check (reason is null or reason <> ''),
  created_by      text not null,
  created_at      timestamptz not null default now(),
  primary key (root_id, id),
  foreign key (root_id, publication_id) references publication (root_id, id),
  foreign key (root_id, replaces_id) references incentive_allocation (root_id, id),
  check (replaces_id is null or reason is not null)
);
create index incentive_allocation_lookup_idx on incentive_allocation (scorecard_id, period_id, org_unit_id, created_at);

-- The approval of an allocation by someone other than its creator: at most one per allocation.
create table incentive_approval (
  root_id        bigint not null,
  allocation_id  bigint not null,
  approved_by    text not null,
  approved_at    timestamptz not null default now(),
  primary key (root_id, allocation_id),
  foreign key (root_id, allocation_id) references incentive_allocation (root_id, id)
);

create trigger incentive_allocation_append_only
  before update or delete or truncate on incentive_allocation
  for each statement execute function reject_published_change();
create trigger incentive_approval_append_only
  before update or delete or truncate on incentive_approval
  for each statement execute function reject_published_change();
