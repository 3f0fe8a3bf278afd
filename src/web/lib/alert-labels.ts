/** The translation keys of the alert rules and severities, and the severities' colours (Ant Design tag presets). */
import type { AlertRuleKind, AlertSeverity } from './api/alerts.ts';

export const KIND_KEYS = {
  'off-target': 'alerts.kinds.offTarget',
  'adverse-trend': 'alerts.kinds.adverseTrend',
  'forecast-miss': 'alerts.kinds.forecastMiss',
  'data-late': 'alerts.kinds.dataLate',
  'data-quality': 'alerts.kinds.dataQuality',
  'approval-waiting': 'alerts.kinds.approvalWaiting',
  'action-overdue': 'alerts.kinds.actionOverdue',
  'pull-failed': 'alerts.kinds.pullFailed',
} as const satisfies Record<AlertRuleKind, string>;

export const SEVERITY_KEYS = {
  info: 'alerts.severities.info',
  warning: 'alerts.severities.warning',
  critical: 'alerts.severities.critical',
} as const satisfies Record<AlertSeverity, string>;

export const SEVERITY_COLORS = {
  info: 'blue',
  warning: 'gold',
  critical: 'red',
} as const satisfies Record<AlertSeverity, string>;

/** The rule kinds, in the order the forms offer them. */
export const ALERT_KINDS = [
  'off-target',
  'adverse-trend',
  'forecast-miss',
  'data-late',
  'data-quality',
  'approval-waiting',
  'action-overdue',
  'pull-failed',
] as const satisfies readonly AlertRuleKind[];
