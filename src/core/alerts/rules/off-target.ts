import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { indicatorInRuleScope, unitInRuleScope, unitsById } from '../scope.ts';

/**
 * Off target: an indicator's status is `off-track` (or `watch`, when the rule includes it) in a unit and
 * period. `no-data` never alerts here (the data-late rule covers missing data).
 */
export const offTargetRule: AlertRuleDefinition = {
  kind: 'off-target',
  perIndicator: true,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const cell of input.cells) {
      const alerting = cell.status === 'off-track' || (rule.includeWatch && cell.status === 'watch');
      if (!alerting || !indicatorInRuleScope(rule, cell.indicator)) continue;
      if (!unitInRuleScope(rule, units.get(cell.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: cell.indicator,
        orgUnitId: cell.orgUnitId,
        period: cell.period,
        actionId: null,
        code: cell.status === 'watch' ? 'watch' : 'off-target',
        params: { indicator: cell.indicator, value: cell.actual, target: cell.target },
      });
    }
    return out;
  },
};
