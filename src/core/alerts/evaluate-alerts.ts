/**
 * The alert conditions that hold now for a scorecard's rules, and how they change the stored alerts: a
 * condition without an open alert of its key raises one; an open alert whose condition no longer holds closes.
 * An alert is keyed rule × indicator × unit × period (indicator '' for the per-unit rules).
 */
import type { AlertCondition, AlertInput, AlertRuleInput } from './alert-input.ts';
import { ALERT_RULES } from './rules/index.ts';

/**
 * Every condition the enabled rules find in the input.
 *
 * @example
 * evaluateAlertConditions([{ id: 1, kind: 'off-target', severity: 'warning', orgUnitIds: [], indicators: [], includeWatch: false }], {
 *   now: new Date('2024-04-01'), units: [{ id: 5, code: 'ICU', path: [1, 5] }],
 *   cells: [{ indicator: 'LOS', orgUnitId: 5, period: '2024-03', status: 'off-track', actual: 9.1, target: 8 }],
 *   signals: [], forecasts: [], entries: [], violations: [], approvals: [], actions: [],
 * })[0].code // 'off-target'
 */
export function evaluateAlertConditions(
  rules: readonly AlertRuleInput[],
  input: AlertInput,
): AlertCondition[] {
  return rules.flatMap((rule) => ALERT_RULES[rule.kind].conditions(rule, input));
}

/** The key of an alert or a condition. */
export function alertKey(a: {
  readonly ruleId: number;
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly period: string;
}): string {
  return `${a.ruleId}\u0000${a.indicator}\u0000${a.orgUnitId}\u0000${a.period}`;
}

export interface OpenAlertRef {
  readonly id: number;
  readonly ruleId: number;
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly period: string;
}

export interface AlertChanges {
  /** Conditions with no open alert: raise each once. */
  readonly raise: AlertCondition[];
  /** Open alerts whose condition ended: close them. */
  readonly close: OpenAlertRef[];
  /** Open alerts whose condition still holds: left as they are. */
  readonly keep: OpenAlertRef[];
}

/**
 * Compares the open alerts of the evaluated rules with the conditions that hold now.
 *
 * @example
 * reconcileAlerts([{ id: 7, ruleId: 1, indicator: 'LOS', orgUnitId: 5, period: '2024-03' }], []).close[0].id // 7
 */
export function reconcileAlerts(
  open: readonly OpenAlertRef[],
  conditions: readonly AlertCondition[],
): AlertChanges {
  const openByKey = new Map(open.map((a) => [alertKey(a), a]));
  const holding = new Set<string>();
  const raise: AlertCondition[] = [];
  for (const condition of conditions) {
    const key = alertKey(condition);
    if (holding.has(key)) continue;
    holding.add(key);
    if (!openByKey.has(key)) raise.push(condition);
  }
  const close: OpenAlertRef[] = [];
  const keep: OpenAlertRef[] = [];
  for (const [key, alert] of openByKey) (holding.has(key) ? keep : close).push(alert);
  return { raise, close, keep };
}
