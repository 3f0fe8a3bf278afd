/**
 * The alert rules, one file per kind (../../contracts/alerts.ts ALERT_RULE_KINDS), collected in one record.
 */
import type { AlertRuleKind } from '../../contracts/alerts.ts';
import type { AlertRuleDefinition } from '../alert-input.ts';
import { actionOverdueRule } from './action-overdue.ts';
import { adverseTrendRule } from './adverse-trend.ts';
import { approvalWaitingRule } from './approval-waiting.ts';
import { dataLateRule } from './data-late.ts';
import { dataQualityRule } from './data-quality.ts';
import { forecastMissRule } from './forecast-miss.ts';
import { offTargetRule } from './off-target.ts';
import { pullFailedRule } from './pull-failed.ts';

export const ALERT_RULES = {
  'off-target': offTargetRule,
  'adverse-trend': adverseTrendRule,
  'forecast-miss': forecastMissRule,
  'data-late': dataLateRule,
  'data-quality': dataQualityRule,
  'approval-waiting': approvalWaitingRule,
  'action-overdue': actionOverdueRule,
  'pull-failed': pullFailedRule,
} satisfies Record<AlertRuleKind, AlertRuleDefinition>;

export { isActionOverdue } from './action-overdue.ts';
