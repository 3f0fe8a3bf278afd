export type * from './alert-input.ts';
export { dueAtOf, isLate } from './deadlines.ts';
export {
  type AlertChanges,
  alertKey,
  evaluateAlertConditions,
  type OpenAlertRef,
  reconcileAlerts,
} from './evaluate-alerts.ts';
export { ALERT_RULES, isActionOverdue } from './rules/index.ts';
export { indicatorInRuleScope, unitInRuleScope } from './scope.ts';
