-- Saved mapping profiles and external identifiers of org units (docs/profile-format.md).
--
-- org_unit_identifier: a unit's code in another system (a CMS CCN, an NHS ODS code, a state licence number),
-- unique per organisation (root): a profile or a FHIR MeasureReport names units by them. Written by hand
-- (/api/org-units/{code}/identifiers) and when a profile builds or extends the tree from its source.
--
-- import_profile + import_profile_version: a profile (healthbsc/profile@1) saved under its code; each save adds
-- a version with who, when and why, never changing an earlier one (append-only, as publications).
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create table org_unit_identifier (
  root_id     bigint not null,
  org_unit_id bigint not null references org_unit (id),
  system      text not null check (system <> '' and length(system) <= 200),
  value       text not null check (value <> '' and length(value) <= 200),
  created_by  text not null,
  created_at  timestamptz not null,
  primary key (root_id, system, value)
);
create index org_unit_identifier_unit_idx on org_unit_identifier (org_unit_id);
create index org_unit_identifier_value_idx on org_unit_identifier (system, value);

create table import_profile (
  id         bigint generated always as identity primary key,
  code       text not null unique check (code ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]*$' and length(code) <= 64),
  created_by text not null,
  created_at timestamptz not null
);

create table import_profile_version (
  profile_id bigint not null references import_profile (id),
  version    integer not null check (version >= 1),
  body       jsonb not null,
  reason     text,
  created_by text not null,
  created_at timestamptz not null,
  primary key (profile_id, version)
);

create function reject_profile_version_change() returns trigger
  language plpgsql
as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
    using hint = 'Save a new version of the profile; earlier versions are kept.';
end;
$$;

create trigger import_profile_version_append_only
  before update or delete or truncate on import_profile_version
  for each statement execute function reject_profile_version_change();
