import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { unitInRuleScope, unitsById } from '../scope.ts';

/**
 * A database pull's latest run failed (a wrong password, a wrong query, rows that do not map): the alert stays
 * open on the pull's unit and period until a run of the pull succeeds. Keyed by the pull (`pull:<code>` in the
 * indicator slot), so two failing pulls of a unit are two alerts.
 */
export const pullFailedRule: AlertRuleDefinition = {
  kind: 'pull-failed',
  perIndicator: false,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const f of input.pullFailures ?? []) {
      if (!unitInRuleScope(rule, units.get(f.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: `pull:${f.pull}`,
        orgUnitId: f.orgUnitId,
        period: f.period,
        actionId: null,
        code: 'pull-failed',
        params: { pull: f.pull, period: f.period, problem: f.problem },
      });
    }
    return out;
  },
};
