import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { indicatorInRuleScope, unitInRuleScope, unitsById } from '../scope.ts';

/** Adverse trend: a control chart's special-cause signal in the adverse direction (core/monitoring). */
export const adverseTrendRule: AlertRuleDefinition = {
  kind: 'adverse-trend',
  perIndicator: true,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const signal of input.signals) {
      if (!indicatorInRuleScope(rule, signal.indicator)) continue;
      if (!unitInRuleScope(rule, units.get(signal.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: signal.indicator,
        orgUnitId: signal.orgUnitId,
        period: signal.period,
        actionId: null,
        code: 'adverse-trend',
        params: { indicator: signal.indicator, signal: signal.rule },
      });
    }
    return out;
  },
};
