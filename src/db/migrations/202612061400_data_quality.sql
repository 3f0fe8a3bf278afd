-- The data-quality gate (docs/scorecard-format.md, a data element's `outliers:`).
--
-- - A data element's outlier thresholds: the modified z-score above which a value is an outlier (null: 3.5),
--   the bound on |value − median| used where the median absolute deviation is 0, and the element a value is
--   divided by before it is compared with sibling units (per capita).
alter table data_element add column outlier_threshold double precision check (outlier_threshold > 0);
alter table data_element add column outlier_bound double precision check (outlier_bound > 0);
alter table data_element add column outlier_per text;
