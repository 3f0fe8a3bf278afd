-- Saved evaluation studies (docs/study-format.md): a study file `healthbsc/study@1` kept in the database, so
-- the Studies page can open it again. The file is stored whole (jsonb) as the API received it; code, names and
-- scorecard are copied out for listing. Writes are audited (entity `study`).
create table study (
  id bigint generated always as identity primary key,
  code text not null unique,
  name_en text not null,
  name_zh text,
  scorecard_code text not null,
  definition jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text not null
);
