import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { unitInRuleScope, unitsById } from '../scope.ts';

/** A data-quality violation: a unit's data of a period breaks validation rules (core/quality). */
export const dataQualityRule: AlertRuleDefinition = {
  kind: 'data-quality',
  perIndicator: false,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const v of input.violations) {
      if (v.count <= 0 || !unitInRuleScope(rule, units.get(v.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: '',
        orgUnitId: v.orgUnitId,
        period: v.period,
        actionId: null,
        code: 'data-quality',
        params: { period: v.period, count: v.count },
      });
    }
    return out;
  },
};
