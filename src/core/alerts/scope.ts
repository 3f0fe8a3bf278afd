import type { AlertInput, AlertRuleInput } from './alert-input.ts';

/**
 * Whether a unit falls in a rule's scope: under one of its units (ancestor or self), or any unit when it names
 * none.
 *
 * @example unitInRuleScope({ orgUnitIds: [2] }, { path: [1, 2, 5] }) // true
 */
export function unitInRuleScope(
  rule: Pick<AlertRuleInput, 'orgUnitIds'>,
  unit: { readonly path: readonly number[] } | undefined,
): boolean {
  if (rule.orgUnitIds.length === 0) return unit !== undefined;
  return unit !== undefined && rule.orgUnitIds.some((id) => unit.path.includes(id));
}

/**
 * Whether an indicator falls in a rule's scope (any, when the rule names none).
 *
 * @example indicatorInRuleScope({ indicators: ['LOS'] }, 'OCC') // false
 */
export function indicatorInRuleScope(rule: Pick<AlertRuleInput, 'indicators'>, indicator: string): boolean {
  return rule.indicators.length === 0 || rule.indicators.includes(indicator);
}

/** A lookup of the input's units by id. */
export function unitsById(
  input: Pick<AlertInput, 'units'>,
): ReadonlyMap<number, AlertInput['units'][number]> {
  return new Map(input.units.map((u) => [u.id, u]));
}
