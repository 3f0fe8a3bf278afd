/**
 * On import, the validation rules are checked on every unit × period a file writes, the file's values over what
 * is stored: the dry run lists each violation with the rows of its values, and a rule of importance `high`
 * blocks the commit unless the importer overrides it with a reason (import.service.ts, audited with the batch).
 */
import type { ImportViolation } from '../../core/contracts/import.ts';
import { loadValuesOf } from '../../db/repositories/data-quality.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import { groupByUnitPeriod, violationsOf } from './check-values.ts';
import { loadQualityRules } from './quality-rules.ts';

/** A valid row of a data file, its unit resolved. */
export interface ImportedValue {
  readonly row: number;
  readonly orgUnit: string;
  readonly orgUnitId: number;
  readonly rootId: number;
  readonly period: string;
  readonly dataElement: string;
  readonly value: number;
}

/**
 * The rule violations of the units × periods the rows write, each with the rows of the values it reads; a
 * violation the file has no value in (already stored) is not the file's and is not listed.
 *
 * @example (await importViolations(db, rows))[0] // { rule: 'managed-within-registered', rows: [3], left: 900000, … }
 */
export async function importViolations(
  db: Executor,
  rows: readonly ImportedValue[],
): Promise<ImportViolation[]> {
  if (rows.length === 0) return [];
  const rules = await loadQualityRules(db);
  if (rules.length === 0) return [];
  const stored = [];
  for (const rootId of distinct(rows.map((r) => r.rootId))) {
    const ofRoot = rows.filter((r) => r.rootId === rootId);
    stored.push(
      ...(await loadValuesOf(
        db,
        rootId,
        distinct(ofRoot.map((r) => r.orgUnitId)),
        distinct(ofRoot.map((r) => r.period)),
      )),
    );
  }
  const cells = groupByUnitPeriod([
    ...stored,
    ...rows.map((r) => ({
      orgUnitCode: r.orgUnit,
      periodId: r.period,
      dataElement: r.dataElement,
      value: r.value,
    })),
  ]);
  return violationsOf(rules, cells.values()).flatMap((violation) => {
    const lines = rows
      .filter(
        (r) =>
          r.orgUnit === violation.orgUnit &&
          r.period === violation.period &&
          violation.dataElements.includes(r.dataElement),
      )
      .map((r) => r.row);
    return lines.length === 0 ? [] : [{ ...violation, rows: distinct(lines).sort((a, b) => a - b) }];
  });
}
