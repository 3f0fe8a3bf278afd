-- Org-unit and org-unit-group codes may start with a digit: institution codes often do (US CMS Certification
-- Numbers such as 010001, Chinese organisation codes). A code stays a case-sensitive string, never a number:
-- ASCII letters, digits, _ . - (not . or - first), at most 64 characters, the rule of the contracts'
-- `unitCodeSchema` (src/core/contracts/common.ts). ASCII ranges rather than [[:alpha:]], whose meaning depends
-- on the server's locale. Data-element and indicator codes are formula identifiers and keep their own rule.
alter table org_unit drop constraint org_unit_code_check;
alter table org_unit
  add constraint org_unit_code_check check (code ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]*$' and length(code) <= 64);
-- Groups had no check in the database (the API checked them): they get the same one.
alter table org_unit_group
  add constraint org_unit_group_code_check check (code ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]*$' and length(code) <= 64);
