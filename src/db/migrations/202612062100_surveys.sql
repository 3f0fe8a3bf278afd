-- AHP surveys of an expert panel (seed 002 §4.1): a survey of a scorecard's hierarchy, its comparison nodes, its
-- experts, their personal links (the token's SHA-256 only), their judgments saved one by one, and the
-- applications of a result as a weight version with its provenance. Applications and provenance are
-- append-only: a weight version that decides scores must keep saying where it came from.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create table survey (
  id                  bigint generated always as identity primary key,
  scorecard_id        bigint not null references scorecard (id),
  -- The weight version the experts were asked about (the scorecard's current one at creation).
  weight_version_id   bigint not null references weight_version (id),
  title               text not null check (title <> ''),
  description         text,
  scale               text not null check (scale in ('saaty', 'five-point')),
  ri_table            text not null check (ri_table in ('seed002', 'saaty1980', 'alonso-lamata')),
  threshold           double precision not null check (threshold > 0 and threshold <= 1),
  allow_partial       boolean not null,
  include_objectives  boolean not null,
  language            text not null check (language in ('zh-CN', 'en')),
  status              text not null default 'open' check (status in ('open', 'closed', 'applied')),
  created_by          text not null,
  created_at          timestamptz not null default now(),
  closed_at           timestamptz,
  closed_by           text
);
create index survey_scorecard_idx on survey (scorecard_id, created_at);

-- The comparison nodes, as the hierarchy was when the survey was created (the scorecard may change later).
create table survey_node (
  survey_id       bigint not null references survey (id),
  key             text not null,
  position        integer not null,
  parent_key      text,
  parent_element  text,
  level           text not null check (level in ('perspectives', 'objectives', 'indicators')),
  -- {"en": …, "zh": …}
  title           jsonb not null,
  -- [{"id": …, "name": {"en": …, "zh": …}}, …] in comparison order
  elements        jsonb not null,
  primary key (survey_id, key)
);

create table survey_expert (
  id            bigint generated always as identity primary key,
  survey_id     bigint not null references survey (id),
  position      integer not null,
  name          text not null check (name <> ''),
  email         text,
  weight        double precision not null check (weight > 0),
  submitted_at  timestamptz,
  created_at    timestamptz not null default now()
);
create index survey_expert_survey_idx on survey_expert (survey_id, position);

-- An expert's personal link: the token is the credential, kept as its SHA-256. A new link revokes the earlier
-- one; the answers belong to the expert, so a new link resumes where the old one stopped.
create table survey_link (
  id            bigint generated always as identity primary key,
  expert_id     bigint not null references survey_expert (id),
  token_hash    text not null unique,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  revoked_by    text,
  last_used_at  timestamptz
);
create index survey_link_expert_idx on survey_link (expert_id, created_at);

-- One judgment a_ij (i < j) of one pair of one node by one expert, saved as it is given.
create table survey_answer (
  expert_id    bigint not null references survey_expert (id),
  node_key     text not null,
  i            integer not null check (i >= 0),
  j            integer not null check (j > i),
  value        double precision not null check (value > 0),
  -- Through the expert's link, or imported from the paper questionnaire.
  source       text not null check (source in ('link', 'paper')),
  answered_at  timestamptz not null,
  primary key (expert_id, node_key, i, j)
);

-- A result applied as a weight version: the choice made, who counted, and the node results it applied.
create table survey_application (
  id                 bigint generated always as identity primary key,
  survey_id          bigint not null references survey (id),
  weight_version_id  bigint not null unique references weight_version (id),
  aggregation        text not null check (aggregation in ('aij', 'aip')),
  inconsistent       text not null check (inconsistent in ('include', 'exclude')),
  experts_counted    integer not null,
  experts_total      integer not null,
  -- The node results applied (core/contracts/surveys.ts nodeResultSchema), matrices included.
  result             jsonb not null,
  applied_by         text not null,
  applied_at         timestamptz not null default now()
);
create index survey_application_survey_idx on survey_application (survey_id, id);

-- Where a weight version's weights came from: a survey's application, or (overridden) a manual edit of
-- weights that came from one.
create table weight_version_provenance (
  weight_version_id  bigint primary key references weight_version (id),
  application_id     bigint not null references survey_application (id),
  overridden         boolean not null
);

create function reject_applied_survey_change() returns trigger
  language plpgsql
as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
    using hint = 'Apply the survey again, or edit the weights: a new weight version is added.';
end;
$$;

create trigger survey_application_append_only
  before update or delete or truncate on survey_application
  for each statement execute function reject_applied_survey_change();
create trigger weight_version_provenance_append_only
  before update or delete or truncate on weight_version_provenance
  for each statement execute function reject_applied_survey_change();
