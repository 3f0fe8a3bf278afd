/**
 * Reported indicator values: values a source publishes as rates (a national reporting platform, seed 002's
 * Table 4.9), one per org unit × period × scorecard × indicator.
 *
 * `org_unit,period[,scorecard],indicator,value[,comment]`
 *
 * ```csv
 * org_unit,period,scorecard,indicator,value,comment
 * PUMCH,2024,AZ-HOSPITAL,bed_occupancy,93.6%,national platform
 * ```
 *
 * The scorecard column may be left out when the import names the scorecard (`defaultScorecard`). Values are
 * read by `parseNumber`, `%` allowed when the indicator's unit is `%`; an empty value is "no value given". The
 * comment is an attribute: a file without the column keeps the stored comments, an empty cell clears one.
 */
import {
  type Attribute,
  attributeText,
  type BaseContext,
  classify,
  clearedColumns,
  createChecker,
  createLookup,
  each,
  type IndicatorRef,
  keepsAttribute,
  keyOf,
  type Rows,
  type StoredValueRef,
  sameNumber,
  settled,
} from './check-context.ts';
import { createReportBuilder, type ImportAction, type ImportReport } from './import-report.ts';
import {
  type Cell,
  type FormatRows,
  indexColumns,
  mapRows,
  optionalCell,
  type RowProblem,
  requiredCell,
  shapeProblems,
  type TableLike,
} from './row-formats.ts';

export interface ReportedRow {
  readonly line: number;
  readonly orgUnit: Cell;
  readonly period: Cell;
  /** The row's scorecard cell; an empty cell in a `scorecard` column of its own when the file has none. */
  readonly scorecard: Cell;
  readonly indicator: Cell;
  readonly value: Cell;
  readonly comment: Cell | null;
  readonly problems: readonly RowProblem[];
}

/** A scorecard as reported values name it: its code and its indicators. */
export interface ScorecardRef {
  readonly code: string;
  readonly indicators: ReadonlyMap<string, IndicatorRef>;
}

export interface ReportedKey {
  readonly orgUnit: string;
  readonly period: string;
  readonly scorecard: string;
  readonly indicator: string;
}

export interface ReportedContext extends BaseContext {
  readonly scorecards: ReadonlyMap<string, ScorecardRef>;
  /** The scorecard of rows whose scorecard cell is empty or absent. */
  readonly defaultScorecard?: string;
  existing(key: ReportedKey): StoredValueRef | undefined;
}

export interface ReportedRecord extends ReportedKey {
  readonly row: number;
  readonly value: number;
  readonly comment: string | null;
  readonly action: ImportAction;
}

/**
 * Reads reported values: `org_unit,period[,scorecard],indicator,value[,comment]` (`scorecard` also as `计分卡`).
 *
 * @example readReportedRows({ header: ['org_unit', 'period', 'indicator', 'value'], headerLine: 1, rows: [] }).ignoredColumns // []
 */
export function readReportedRows(table: TableLike): FormatRows<ReportedRow> {
  const { index, ignored, absent } = indexColumns(
    table,
    ['org_unit', 'period', 'indicator', 'value'],
    ['scorecard', 'comment'],
  );
  const rows = mapRows(table, (row) => ({
    line: row.line,
    orgUnit: requiredCell(table, row, index, 'org_unit'),
    period: requiredCell(table, row, index, 'period'),
    scorecard: optionalCell(table, row, index, 'scorecard') ?? {
      line: row.line,
      column: 'scorecard',
      text: '',
    },
    indicator: requiredCell(table, row, index, 'indicator'),
    value: requiredCell(table, row, index, 'value'),
    comment: optionalCell(table, row, index, 'comment'),
    problems: shapeProblems(table, row),
  }));
  return { rows, ignoredColumns: ignored, absentColumns: absent };
}

/**
 * Checks reported indicator values whole: known org units, periods, scorecards and quantitative indicators
 * of that scorecard, numbers, one value per key (a second is an error naming the first row); classifies each
 * value against `existing` (unchanged: equal within a float's round trip, and the same comment when the file
 * has the column). A misshapen or undecodable row is reported and not checked further.
 *
 * @example await checkReportedValues(readReportedRows(table).rows, ctx) // { toCreate: 4, errors: [], … }
 */
export async function checkReportedValues(
  rows: Rows<ReportedRow>,
  ctx: ReportedContext,
): Promise<ImportReport<ReportedRecord>> {
  const report = createReportBuilder<ReportedRecord>(ctx.maxErrors);
  const check = createChecker(report, ctx);
  const findScorecard = createLookup(ctx.scorecards);
  const firstRow = new Map<string, number>();
  for await (const row of each(rows)) {
    const before = report.errorCount();
    check.startRow(row.line, row.problems);
    const cells = [row.orgUnit, row.period, row.scorecard, row.indicator, row.value, row.comment];
    // Every cell is checked for decoding before any is read (a row with one broken cell is not read further).
    const decoded = cells.map((cell) => check.decodable(cell)).every(Boolean);
    if (!decoded || report.errorCount() !== before) continue;
    const unit = check.present(row.orgUnit) === null ? null : check.orgUnit(row.orgUnit);
    const period = check.period(row.period);
    const scorecardText = row.scorecard.text.trim() || (ctx.defaultScorecard ?? '');
    const scorecard = scorecardText === '' ? undefined : findScorecard(scorecardText);
    if (scorecardText === '') check.fail(row.scorecard, 'missing-value', { column: row.scorecard.column });
    else if (scorecard === undefined)
      check.fail(row.scorecard, 'unknown-scorecard', { value: scorecardText });
    const indicatorText = check.present(row.indicator);
    const indicator =
      scorecard === undefined || indicatorText === null
        ? undefined
        : createLookup(scorecard.indicators)(indicatorText);
    if (scorecard !== undefined && indicatorText !== null && indicator === undefined) {
      check.fail(row.indicator, 'unknown-indicator', { value: indicatorText });
    } else if (indicator?.kind === 'qualitative') {
      check.fail(row.indicator, 'wrong-indicator-kind', { indicator: indicator.code });
    }
    const percent = indicator === undefined || indicator.unit === '%';
    const parsed = check.number(row.value, { allowPercent: percent });
    if (unit === null || period === null || scorecard === undefined || indicator === undefined) continue;
    if (parsed.kind === 'empty') continue;
    const key = keyOf(unit, period, scorecard.code, indicator.code);
    const first = firstRow.get(key);
    if (first !== undefined) {
      check.fail(row.indicator, 'duplicate-key', {
        firstRow: first,
        key: [unit, period, scorecard.code, indicator.code].join(', '),
      });
      continue;
    }
    firstRow.set(key, row.line);
    if (report.errorCount() !== before || parsed.kind !== 'number') continue;
    const reportedKey = { orgUnit: unit, period, scorecard: scorecard.code, indicator: indicator.code };
    const value = parsed.value;
    const stored = ctx.existing(reportedKey);
    const comment: Attribute<string> = {
      cell: row.comment,
      given: attributeText(row.comment),
      stored: stored?.comment,
    };
    const action = classify(stored, (old) => sameNumber(old.value, value) && keepsAttribute(comment));
    report.record(
      { ...reportedKey, row: row.line, value, comment: settled(comment), action },
      action,
      clearedColumns([comment]),
    );
  }
  return report.build();
}
