/**
 * The whole-file check of an import (a dry run). Pure: it reads rows and the context it is given, and writes
 * nothing. Every row is checked and every error reported (up to `maxErrors` listed, all counted); valid rows
 * become normalised records, each classified create / update / unchanged against `existing`. The caller
 * writes only when the report's `errorCount` is 0.
 */
import {
  type AssessmentContext,
  type AssessmentRecord,
  type Attribute,
  attributeText,
  type Checker,
  classify,
  clearedColumns,
  createChecker,
  createLookup,
  type DataValueContext,
  type DataValueRecord,
  each,
  keepsAttribute,
  keyOf,
  type Rows,
  sameNumber,
  settled,
  type TargetContext,
  type TargetRecord,
  type TargetScope,
} from './check-context.ts';
import { createReportBuilder, type ImportReport } from './import-report.ts';
import type { AssessmentRow, Cell, DataValueRow, TargetRow } from './row-formats.ts';

/** A second row for a key names the first; `key` lists the key's codes (`ICU, 2024-03, beds`). */
function duplicateOf(check: Checker, cell: Cell, first: number, key: readonly string[]): void {
  check.fail(cell, 'duplicate-key', { firstRow: first, key: key.join(', ') });
}

const PERIOD_TYPE_ERRORS = {
  month: 'period-not-month',
  quarter: 'period-not-quarter',
  year: 'period-not-year',
} as const;

function periodTypeOf(id: string): 'month' | 'quarter' | 'year' {
  return id.includes('-') ? 'month' : id.includes('Q') ? 'quarter' : 'year';
}

/**
 * Checks data-value rows (long or wide, from readDataValueRows) against the known org units, periods and
 * data elements: integer elements refuse fractions, min/max are enforced, `%` is allowed for percentage
 * elements, and a second value for the same org unit × period × data element is an error naming the first
 * row. Empty value cells are "no value given": neither a record nor an error (the wide template is full of
 * them). The comment is an attribute: a file without a comment column keeps the stored comments, an empty
 * comment cell clears one (counted in the report's `clears`); unchanged means the same value and comment.
 *
 * @example
 * const report = await checkDataValues(readDataValueRows(table).rows, ctx);
 * if (report.errorCount === 0) await save(report.records);
 */
export async function checkDataValues(
  rows: Rows<DataValueRow>,
  ctx: DataValueContext,
): Promise<ImportReport<DataValueRecord>> {
  const report = createReportBuilder<DataValueRecord>(ctx.maxErrors);
  const check = createChecker(report, ctx);
  const findElement = createLookup(ctx.dataElements);
  const firstRow = new Map<string, number>();
  for await (const row of each(rows)) {
    check.startRow(row.line, row.problems);
    // A row with cells outside the header or an unclosed quote is misshapen: check it, record nothing.
    const shapeOk = row.problems.length === 0;
    const unit = check.decodable(row.orgUnit) ? check.orgUnit(row.orgUnit) : null;
    const period = check.decodable(row.period) ? check.period(row.period) : null;
    for (const cell of row.values) {
      if (!check.decodable(cell.dataElement)) continue;
      const code = cell.dataElement.text.trim();
      const element = findElement(code);
      // Checked even when the value is empty: a wide column with an unknown code is reported once.
      if (element === undefined) {
        check.fail(cell.dataElement, 'unknown-data-element', { value: code });
        continue;
      }
      if (cell.value.text.trim() === '' || !check.decodable(cell.value) || !check.decodable(cell.comment))
        continue;
      const parsed = check.number(cell.value, { allowPercent: element.valueType === 'percentage' });
      let value = parsed.kind === 'number' ? parsed.value : null;
      if (value !== null && element.valueType === 'integer' && !Number.isInteger(value)) {
        check.fail(cell.value, 'not-integer', { dataElement: element.code });
        value = null;
      }
      if (value !== null && !check.inRange(cell.value, value, element.min, element.max, element.code))
        value = null;
      if (unit === null || period === null) continue;
      // One period type per data element: a quarter of a monthly element would be stored and never read.
      const periodType = element.periodType;
      if (periodType !== undefined && periodTypeOf(period) !== periodType) {
        check.fail(row.period, PERIOD_TYPE_ERRORS[periodType], { dataElement: element.code, period });
        continue;
      }
      const key = keyOf(unit, period, element.code);
      const first = firstRow.get(key);
      if (first !== undefined) {
        duplicateOf(check, cell.value, first, [unit, period, element.code]);
        continue;
      }
      firstRow.set(key, row.line);
      if (value === null || !shapeOk) continue;
      const dataKey = { orgUnit: unit, period, dataElement: element.code };
      const stored = ctx.existing(dataKey);
      const given = value;
      const comment: Attribute<string> = {
        cell: cell.comment,
        given: attributeText(cell.comment),
        stored: stored?.comment,
      };
      const action = classify(stored, (old) => sameNumber(old.value, given) && keepsAttribute(comment));
      report.record(
        { ...dataKey, row: row.line, column: cell.value.column, value, comment: settled(comment), action },
        action,
        clearedColumns([comment]),
      );
    }
  }
  return report.build();
}

/** A number from an optional cell: null when absent or empty, undefined when invalid (already reported). */
function optionalNumber(check: Checker, cell: Cell | null, allowPercent: boolean): number | null | undefined {
  if (cell === null || !check.decodable(cell)) return cell === null ? null : undefined;
  const parsed = check.number(cell, { allowPercent });
  if (parsed.kind === 'invalid') return undefined;
  return parsed.kind === 'number' ? parsed.value : null;
}

/**
 * Checks target rows. The org_unit cell may be empty (the target applies to every unit of the scorecard) or
 * hold an org unit's or an org-unit group's code. The indicator must be quantitative (qualitative ones are
 * rated, see checkAssessments). A row needs a target, or both lower and upper (a band) with lower ≤ upper.
 * `%` is allowed when the indicator's unit is `%`. Target, lower and upper are the row's figures, written as
 * given; reference and source are attributes (a column the file lacks keeps what is stored, an empty cell
 * clears it). Unchanged means the figures and the attributes the file has are as stored.
 *
 * @example await checkTargets(readTargetRows(table).rows, ctx) // { toCreate: 12, errors: [], … }
 */
export async function checkTargets(
  rows: Rows<TargetRow>,
  ctx: TargetContext,
): Promise<ImportReport<TargetRecord>> {
  const report = createReportBuilder<TargetRecord>(ctx.maxErrors);
  const check = createChecker(report, ctx);
  const findUnit = createLookup(ctx.orgUnits);
  const findGroup = createLookup(ctx.orgUnitGroups ?? new Map());
  const findIndicator = createLookup(ctx.indicators);
  const firstRow = new Map<string, number>();
  for await (const row of each(rows)) {
    const errorsBefore = report.errorCount();
    check.startRow(row.line, row.problems);
    let scope: TargetScope = 'all';
    let orgUnit: string | null = null;
    const unitText = row.orgUnit.text.trim();
    if (unitText !== '' && check.decodable(row.orgUnit)) {
      const unit = findUnit(unitText);
      const group = unit === undefined ? findGroup(unitText) : undefined;
      if (unit !== undefined) {
        scope = 'unit';
        orgUnit = unit.code;
      } else if (group !== undefined) {
        scope = 'group';
        orgUnit = group.code;
      } else check.fail(row.orgUnit, 'unknown-org-unit', { value: unitText });
    }
    const period = check.decodable(row.period) ? check.period(row.period) : null;
    const code = check.decodable(row.indicator) ? check.present(row.indicator) : null;
    const indicator = code === null ? undefined : findIndicator(code);
    if (code !== null && indicator === undefined) {
      check.fail(row.indicator, 'unknown-indicator', { value: code });
    } else if (indicator?.kind === 'qualitative') {
      check.fail(row.indicator, 'wrong-indicator-kind', { indicator: indicator.code });
    }
    const percent = indicator?.unit === '%';
    const target = optionalNumber(check, row.target, percent);
    const reference = optionalNumber(check, row.reference, percent);
    const source = attributeText(row.source);
    const lower = optionalNumber(check, row.lower, percent);
    const upper = optionalNumber(check, row.upper, percent);
    const band = { lower: row.lower?.text.trim() ?? '', upper: row.upper?.text.trim() ?? '' };
    if ((lower === null) !== (upper === null) && lower !== undefined && upper !== undefined) {
      const given = lower === null ? row.upper : row.lower;
      if (given !== null) check.fail(given, 'invalid-band', band);
    } else if (
      typeof lower === 'number' &&
      typeof upper === 'number' &&
      lower > upper &&
      row.lower !== null
    ) {
      check.fail(row.lower, 'invalid-band', band);
    } else if (target === null && (lower === null || upper === null)) {
      check.fail(row.target, 'missing-value', { column: row.target.column });
    }
    if (period === null || indicator === undefined || (unitText !== '' && orgUnit === null)) continue;
    const key = keyOf(scope, orgUnit ?? '', period, indicator.code);
    const first = firstRow.get(key);
    if (first !== undefined) {
      duplicateOf(check, row.indicator, first, [orgUnit ?? '*', period, indicator.code]);
      continue;
    }
    firstRow.set(key, row.line);
    if (report.errorCount() !== errorsBefore) continue;
    const figures = { target: target ?? null, lower: lower ?? null, upper: upper ?? null };
    const targetKey = { scope, orgUnit, period, indicator: indicator.code };
    const stored = ctx.existing(targetKey);
    const referenceOf: Attribute<number> = {
      cell: row.reference,
      given: row.reference === null ? undefined : (reference ?? null),
      stored: stored?.reference,
    };
    const sourceOf: Attribute<string> = { cell: row.source, given: source, stored: stored?.source };
    const action = classify(
      stored,
      (old) =>
        (['target', 'lower', 'upper'] as const).every((k) => sameNumber(old[k], figures[k])) &&
        keepsAttribute(referenceOf, sameNumber) &&
        keepsAttribute(sourceOf),
    );
    const record = {
      ...targetKey,
      ...figures,
      reference: settled(referenceOf),
      source: settled(sourceOf),
      row: row.line,
      action,
    };
    report.record(record, action, clearedColumns([referenceOf, sourceOf]));
  }
  return report.build();
}

/**
 * Checks qualitative assessments: a known org unit, a period, a qualitative indicator, a rater and a score
 * from 0 to 100 (seed 002 Tables 4.10–4.11 rate on a 100-point scale). One score per org unit × period ×
 * indicator × rater. The evidence is an attribute (a column the file lacks keeps what is stored, an empty cell
 * clears it). Unchanged means the same score and, when the file has the column, the same evidence.
 *
 * @example await checkAssessments(readAssessmentRows(table).rows, ctx) // { toCreate: 3, errors: [], … }
 */
export async function checkAssessments(
  rows: Rows<AssessmentRow>,
  ctx: AssessmentContext,
): Promise<ImportReport<AssessmentRecord>> {
  const report = createReportBuilder<AssessmentRecord>(ctx.maxErrors);
  const check = createChecker(report, ctx);
  const findIndicator = createLookup(ctx.indicators);
  const firstRow = new Map<string, number>();
  for await (const row of each(rows)) {
    const errorsBefore = report.errorCount();
    check.startRow(row.line, row.problems);
    const unit =
      check.decodable(row.orgUnit) && check.present(row.orgUnit) !== null ? check.orgUnit(row.orgUnit) : null;
    const period = check.decodable(row.period) ? check.period(row.period) : null;
    const code = check.decodable(row.indicator) ? check.present(row.indicator) : null;
    const indicator = code === null ? undefined : findIndicator(code);
    if (code !== null && indicator === undefined) {
      check.fail(row.indicator, 'unknown-indicator', { value: code });
    } else if (indicator?.kind === 'quantitative') {
      check.fail(row.indicator, 'wrong-indicator-kind', { indicator: indicator.code });
    }
    const rater = check.decodable(row.rater) ? check.present(row.rater) : null;
    let score: number | null = null;
    if (check.decodable(row.score) && check.present(row.score) !== null) {
      const parsed = check.number(row.score);
      if (parsed.kind === 'number' && check.inRange(row.score, parsed.value, 0, 100, row.score.column))
        score = parsed.value;
    }
    check.decodable(row.evidence);
    if (unit === null || period === null || indicator === undefined || rater === null) continue;
    const key = keyOf(unit, period, indicator.code, rater);
    const first = firstRow.get(key);
    if (first !== undefined) {
      duplicateOf(check, row.rater, first, [unit, period, indicator.code, rater]);
      continue;
    }
    firstRow.set(key, row.line);
    if (score === null || report.errorCount() !== errorsBefore) continue;
    const assessmentKey = { orgUnit: unit, period, indicator: indicator.code, rater };
    const stored = ctx.existing(assessmentKey);
    const evidence: Attribute<string> = {
      cell: row.evidence,
      given: attributeText(row.evidence),
      stored: stored?.evidence,
    };
    const rated = score;
    const action = classify(stored, (old) => sameNumber(old.score, rated) && keepsAttribute(evidence));
    report.record(
      { ...assessmentKey, row: row.line, score, evidence: settled(evidence), action },
      action,
      clearedColumns([evidence]),
    );
  }
  return report.build();
}
