/**
 * An alert rule as its form holds it, and the body the server takes (`POST`/`PUT /api/alert-rules`). The form
 * keeps what it is given; the body drops what the rule's kind does not use, so a rule never stores a choice that
 * has no effect: indicators for the per-unit kinds (data late, approval waiting), "watch too" for any kind but off
 * target.
 */

import type { AlertRuleBody, AlertRuleResource } from '../../lib/api/alert-rules.ts';
import type { AlertRuleKind, AlertSeverity } from '../../lib/api/alerts.ts';

export interface RuleFields {
  readonly kind: AlertRuleKind;
  readonly severity: AlertSeverity;
  readonly orgUnits: readonly string[];
  readonly indicators: readonly string[];
  readonly includeWatch: boolean;
  readonly enabled: boolean;
}

/** The kinds judged per unit × period, whatever the indicators. */
const PER_UNIT_KINDS: readonly AlertRuleKind[] = ['data-late', 'approval-waiting'];

/** @example usesIndicators('data-late') // false */
export function usesIndicators(kind: AlertRuleKind): boolean {
  return !PER_UNIT_KINDS.includes(kind);
}

/** @example usesWatch('off-target') // true */
export function usesWatch(kind: AlertRuleKind): boolean {
  return kind === 'off-target';
}

/** A new rule's fields: off target, a warning, every unit and indicator, on. */
export const NEW_RULE: RuleFields = {
  kind: 'off-target',
  severity: 'warning',
  orgUnits: [],
  indicators: [],
  includeWatch: false,
  enabled: true,
};

/** The fields of a stored rule. */
export function ruleFields(rule: AlertRuleResource): RuleFields {
  return {
    kind: rule.kind,
    severity: rule.severity,
    orgUnits: rule.orgUnits,
    indicators: rule.indicators,
    includeWatch: rule.includeWatch,
    enabled: rule.enabled,
  };
}

/**
 * The body of a rule of `scorecard` with these fields.
 *
 * @example ruleBody('UMG-BSC', { ...NEW_RULE, kind: 'data-late', indicators: ['LOS'], includeWatch: true }).indicators // []
 */
export function ruleBody(scorecard: string, fields: RuleFields): AlertRuleBody {
  return {
    scorecard,
    kind: fields.kind,
    severity: fields.severity,
    orgUnits: [...new Set(fields.orgUnits)],
    indicators: usesIndicators(fields.kind) ? [...new Set(fields.indicators)] : [],
    includeWatch: usesWatch(fields.kind) && fields.includeWatch,
    enabled: fields.enabled,
  };
}
