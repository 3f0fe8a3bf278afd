import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { isLate } from '../deadlines.ts';
import { unitInRuleScope, unitsById } from '../scope.ts';

/** Data late: a unit has not submitted a period's data by the scorecard's deadline, at the injected `now`. */
export const dataLateRule: AlertRuleDefinition = {
  kind: 'data-late',
  perIndicator: false,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const entry of input.entries) {
      if (!isLate(entry, input.now) || !unitInRuleScope(rule, units.get(entry.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: '',
        orgUnitId: entry.orgUnitId,
        period: entry.period,
        actionId: null,
        code: 'data-late',
        params: { period: entry.period, dueAt: entry.dueAt.toISOString() },
      });
    }
    return out;
  },
};
