-- The kinds of import are defined by the application (src/server/imports/kinds, listed once in
-- src/core/contracts/import.ts): the database no longer lists them, so adding a kind needs no migration.
-- The check was declared inline in 202611230500_platform, so PostgreSQL named it import_batch_kind_check.
alter table import_batch drop constraint import_batch_kind_check;
