-- The installation's own indicator-library entries (issue 17 §3), shared by every user: the built-in entries live
-- in code (core/indicator-library), these beside them. `entry` holds the fields of core/indicator-library's
-- `libraryEntryFields` (names, definition, numerator, denominator, direction, unit, period type, formula, data
-- elements, reference) as one JSON document; the table stays small (a few hundred rows at most), so a search
-- reads it whole.
-- PostgreSQL 15 SQL (PGlite runs it unchanged).

create table library_entry (
  id          bigint generated always as identity primary key,
  entry       jsonb not null,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
