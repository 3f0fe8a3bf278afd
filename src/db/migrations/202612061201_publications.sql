-- Published scores. A strategist publishes a scorecard × period × org-unit subtree: each unit's evaluation, the
-- aggregated inputs it used and the ids of every version are frozen here, and served as published from then on.
-- Republishing keeps the earlier publication (it is replaced, never changed: `replaces_id`) and needs a reason.
-- What later features read: the reports and the incentive allocation read `publication_result` (totals,
-- ratings) and `publication_input` (per indicator); the weighting survey reads the weight version a
-- publication used (`weight_version_id`). `current_publication_result` is each unit's latest publication.
-- PostgreSQL 15 SQL (PGlite, PostgreSQL 18, runs it unchanged).

create table publication (
  id                     bigint generated always as identity primary key,
  root_id                bigint not null,
  scorecard_id           bigint not null references scorecard (id),
  -- The top of the published subtree.
  org_unit_id            bigint not null references org_unit (id),
  period_id              text not null references period (id),
  -- The versions the subtree was evaluated with: one scorecard and one period, so the same for every unit.
  structure_version_id   bigint not null references scorecard_version (id),
  weight_version_id      bigint not null references weight_version (id),
  assignment_version_id  bigint references scorecard_org_unit_version (id),
  -- The latest earlier publication of the same scorecard and period that covered this unit.
  replaces_id            bigint references publication (id),
  reason                 text check (reason is null or reason <> ''),
  -- The periods with unapproved data that the publisher named to publish anyway: ["2023-01", …].
  unapproved_periods     jsonb not null default '[]',
  published_by           text not null,
  published_at           timestamptz not null default now(),
  check (replaces_id is null or reason is not null)
);
create index publication_lookup_idx on publication (scorecard_id, period_id, published_at);

-- One row per unit of the published subtree.
create table publication_result (
  root_id         bigint not null,
  publication_id  bigint not null references publication (id),
  org_unit_id     bigint not null references org_unit (id),
  -- The unit's evaluation as GET /api/evaluations returned it (core/contracts/evaluation.ts), with `versions`:
  -- the ids and dates of every version it used.
  evaluation      jsonb not null,
  total           double precision,
  rating_code     text,
  coverage        double precision not null,
  primary key (root_id, publication_id, org_unit_id)
);
create index publication_result_unit_idx on publication_result (root_id, org_unit_id, publication_id);

-- The aggregated inputs of each indicator of each unit (not the raw months): a ratio's numerator and
-- denominator (an expression's value as the numerator), the actual, target and reference, and what they gave.
create table publication_input (
  root_id           bigint not null,
  publication_id    bigint not null,
  org_unit_id       bigint not null,
  indicator_code    text not null,
  numerator         double precision,
  denominator       double precision,
  actual            double precision,
  actual_source     text not null check (actual_source in ('formula', 'reported', 'ratings', 'none')),
  target            double precision,
  reference         double precision,
  quantified        double precision,
  score             double precision,
  weight            double precision not null,
  global_weight     double precision not null,
  -- The dated version of the indicator's method used (0: its definition) and the recorded target
  -- (target_history.id; null without a target).
  method_version    integer not null,
  target_record_id  bigint,
  primary key (root_id, publication_id, org_unit_id, indicator_code),
  foreign key (root_id, publication_id, org_unit_id)
    references publication_result (root_id, publication_id, org_unit_id)
);

-- Each unit's latest publication per scorecard and period (what "as published" means today).
create view current_publication_result as
select distinct on (p.scorecard_id, p.period_id, r.org_unit_id)
  p.id as publication_id, p.scorecard_id, p.period_id, r.root_id, r.org_unit_id, r.total, r.rating_code,
  r.coverage, p.published_by, p.published_at
from publication_result r join publication p on p.id = r.publication_id
order by p.scorecard_id, p.period_id, r.org_unit_id, p.published_at desc, p.id desc;
