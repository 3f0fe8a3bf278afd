/**
 * Rule violations of some units × periods' values (core/quality `checkRules`), with the scorecard, unit and
 * period each concerns: what entry, import, approval and the report share.
 */
import type { RuleViolationResource } from '../../core/contracts/data-quality.ts';
import { checkRules } from '../../core/quality/index.ts';
import type { ScorecardRule } from './quality-rules.ts';

/** One unit × period's values by data-element code. */
export interface UnitPeriodValues {
  readonly orgUnit: string;
  readonly period: string;
  readonly values: ReadonlyMap<string, number>;
}

/** The violations of every unit × period, in the order given, rules in their order. */
export function violationsOf(
  rules: readonly ScorecardRule[],
  cells: Iterable<UnitPeriodValues>,
): RuleViolationResource[] {
  const result: RuleViolationResource[] = [];
  for (const cell of cells) {
    for (const rule of rules) {
      for (const violation of checkRules([rule], (code) => cell.values.get(code))) {
        result.push({
          scorecard: rule.scorecard,
          orgUnit: cell.orgUnit,
          period: cell.period,
          ...violation,
          dataElements: [...violation.dataElements],
        });
      }
    }
  }
  return result;
}

/** Groups values by unit × period (`unit\u0000period`). */
export function groupByUnitPeriod(
  rows: Iterable<{
    readonly orgUnitCode: string;
    readonly periodId: string;
    readonly dataElement: string;
    readonly value: number;
  }>,
): Map<string, { orgUnit: string; period: string; values: Map<string, number> }> {
  const cells = new Map<string, { orgUnit: string; period: string; values: Map<string, number> }>();
  for (const row of rows) {
    const key = `${row.orgUnitCode}\u0000${row.periodId}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { orgUnit: row.orgUnitCode, period: row.periodId, values: new Map() };
      cells.set(key, cell);
    }
    cell.values.set(row.dataElement, row.value);
  }
  return cells;
}
