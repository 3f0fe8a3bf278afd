-- issue 17: each user's last scorecard and unit, restored at the next sign-in on any machine (the web app opens
-- them when the address names no selection). Codes, not ids: a view preference must not stop a scorecard or
-- unit from being deleted, and a code that no longer exists is simply not restored.
alter table app_user add column last_scorecard text;
alter table app_user add column last_org_unit text;
