import type { AlertCondition, AlertRuleDefinition } from '../alert-input.ts';
import { unitInRuleScope, unitsById } from '../scope.ts';

/**
 * Submitted data waiting for approval: holds from the submission until it is approved or reopened. Who hears
 * it is decided by delivery: the approvers of the unit.
 */
export const approvalWaitingRule: AlertRuleDefinition = {
  kind: 'approval-waiting',
  perIndicator: false,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const out: AlertCondition[] = [];
    for (const a of input.approvals) {
      if (!unitInRuleScope(rule, units.get(a.orgUnitId))) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        indicator: '',
        orgUnitId: a.orgUnitId,
        period: a.period,
        actionId: null,
        code: 'approval-waiting',
        params: { period: a.period, submittedAt: a.submittedAt.toISOString() },
      });
    }
    return out;
  },
};
