import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { indicatorInRuleScope, unitInRuleScope, unitsById } from '../scope.ts';

/** Forecast to miss the year's target: the year-end forecast falls on the wrong side of the target. */
export const forecastMissRule: AlertRuleDefinition = {
  kind: 'forecast-miss',
  perIndicator: true,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const f of input.forecasts) {
      if (!f.misses || !indicatorInRuleScope(rule, f.indicator)) continue;
      if (!unitInRuleScope(rule, units.get(f.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: f.indicator,
        orgUnitId: f.orgUnitId,
        period: f.period,
        actionId: null,
        code: 'forecast-miss',
        params: { indicator: f.indicator, forecast: f.forecast, target: f.target },
      });
    }
    return out;
  },
};
