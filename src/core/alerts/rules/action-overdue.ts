import type { ActionState, AlertRuleDefinition } from '../alert-input.ts';
import { indicatorInRuleScope, unitInRuleScope, unitsById } from '../scope.ts';

/**
 * Whether an action is overdue at `now`: still planned or in progress after the end of its due date (UTC).
 *
 * @example isActionOverdue({ status: 'planned', dueDate: '2024-05-31' }, new Date('2024-06-01T00:00:00Z')) // true
 */
export function isActionOverdue(
  action: { readonly status: string; readonly dueDate: string },
  now: Date,
): boolean {
  const open = action.status === 'planned' || action.status === 'in-progress';
  return open && now.getTime() > Date.parse(`${action.dueDate}T23:59:59.999Z`);
}

/**
 * Action overdue: open actions past their due date. Alerts keep the decided key rule × indicator × unit ×
 * period, so several overdue actions on one cell make one alert, naming the earliest due and how many there are.
 */
export const actionOverdueRule: AlertRuleDefinition = {
  kind: 'action-overdue',
  perIndicator: true,
  conditions: (rule, input) => {
    const units = unitsById(input);
    const byCell = new Map<string, { first: ActionState; count: number }>();
    for (const action of input.actions) {
      if (!isActionOverdue(action, input.now) || !indicatorInRuleScope(rule, action.indicator)) continue;
      if (!unitInRuleScope(rule, units.get(action.orgUnitId))) continue;
      const key = `${action.indicator}\u0000${action.orgUnitId}\u0000${action.period}`;
      const seen = byCell.get(key);
      if (seen === undefined) byCell.set(key, { first: action, count: 1 });
      else {
        seen.count += 1;
        const earlier =
          action.dueDate < seen.first.dueDate ||
          (action.dueDate === seen.first.dueDate && action.id < seen.first.id);
        if (earlier) seen.first = action;
      }
    }
    return [...byCell.values()].map(({ first, count }) => ({
      ruleId: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      indicator: first.indicator,
      orgUnitId: first.orgUnitId,
      period: first.period,
      actionId: first.id,
      code: 'action-overdue',
      params: { indicator: first.indicator, dueDate: first.dueDate, action: first.id, count },
    }));
  },
};
