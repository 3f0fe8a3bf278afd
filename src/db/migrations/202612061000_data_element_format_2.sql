-- Scorecard format @2 (docs/scorecard-format.md): what a data element now declares.
--
-- - `unit` keeps the English word and `unit_zh` holds the Chinese one. A row stored before this migration has
--   one text in `unit`, in whichever language it was written, and no `unit_zh`; the data-element repository
--   reads such a row through the same table of common units as the conversion of an @1 file.
-- - `period_type`: the period a value is reported for (values are still entered per month).
-- - `missing_values`: how missing values roll up (`pairwise`, `zero`, `required`); null keeps today's rule of
--   skipping them.
-- - `max` joins the time aggregations: the highest month of a quarter or year.
alter table data_element add column unit_zh text;
alter table data_element add constraint data_element_unit_zh_check check (unit_zh is null or unit is not null);
alter table data_element add column period_type text not null default 'month'
  check (period_type in ('month', 'quarter', 'year'));
alter table data_element add column missing_values text
  check (missing_values in ('pairwise', 'zero', 'required'));
alter table data_element drop constraint data_element_time_aggregation_check;
alter table data_element add constraint data_element_time_aggregation_check
  check (time_aggregation in ('sum', 'average', 'last', 'max'));
