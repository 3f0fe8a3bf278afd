/**
 * The reported-values format, which ingest does not have: indicator values a source publishes as rates
 * (a national reporting platform, seed 002's Table 4.9), one per org unit × period × scorecard × indicator.
 *
 * `org_unit,period[,scorecard],indicator,value[,comment]`
 *
 * ```csv
 * org_unit,period,scorecard,indicator,value,comment
 * PUMCH,2024,AZ-HOSPITAL,bed_occupancy,93.6%,national platform
 * ```
 *
 * The scorecard column may be left out when the import names the scorecard. Columns are matched as in
 * ingest (README.md "Column names"; `scorecard` also as `计分卡`), values are read by ingest's `parseNumber`
 * (`%` allowed when the indicator's unit is `%`), and an empty value is "no value given". The report has
 * ingest's shape and error codes, plus `unknown-scorecard`.
 */

import type { ImportErrorBody, ImportErrorCode } from '../../core/contracts/import.ts';
import { invalid, type ProblemIssue } from '../../core/errors/problem.ts';
import {
  columnNameOf,
  DEFAULT_MAX_ERRORS,
  type ImportAction,
  type OrgUnitRef,
  parseNumber,
  type TableLike,
} from '../../ingest/index.ts';
import { createCodeLookup, type ScorecardIndicators } from './import-metadata.ts';

export interface ReportedKey {
  readonly orgUnit: string;
  readonly period: string;
  readonly scorecard: string;
  readonly indicator: string;
}

export interface ReportedRecord extends ReportedKey {
  readonly row: number;
  readonly value: number;
  readonly comment: string | null;
  readonly action: ImportAction;
}

export interface ReportedContext {
  readonly orgUnits: ReadonlyMap<string, OrgUnitRef>;
  readonly scorecards: ReadonlyMap<string, ScorecardIndicators>;
  readonly normalizePeriod: (text: string) => string | null;
  /** The scorecard of rows without a scorecard cell. */
  readonly defaultScorecard?: string;
  existing(key: ReportedKey): number | undefined;
  readonly maxErrors?: number;
}

export interface ReportedReport {
  readonly rowsRead: number;
  readonly toCreate: number;
  readonly toUpdate: number;
  readonly unchanged: number;
  readonly errors: readonly ImportErrorBody[];
  readonly errorCount: number;
  readonly errorsNotListed: number;
  readonly records: readonly ReportedRecord[];
  readonly ignoredColumns: readonly string[];
}

type Column = 'org_unit' | 'period' | 'scorecard' | 'indicator' | 'value' | 'comment';
const REQUIRED: readonly Column[] = ['org_unit', 'period', 'indicator', 'value'];
const SCORECARD_HEADERS = new Set(['scorecard', '计分卡', '记分卡']);

function columnOf(header: string): Column | null {
  if (SCORECARD_HEADERS.has(header.trim().toLowerCase())) return 'scorecard';
  const name = columnNameOf(header);
  return name === 'org_unit' ||
    name === 'period' ||
    name === 'indicator' ||
    name === 'value' ||
    name === 'comment'
    ? name
    : null;
}

/** Which column holds what; throws `invalid` naming every missing or repeated column. */
export function indexReportedHeader(table: Pick<TableLike, 'header' | 'headerLine'>): {
  index: Map<Column, number>;
  ignored: string[];
} {
  const index = new Map<Column, number>();
  const ignored: string[] = [];
  const issues: ProblemIssue[] = [];
  table.header.forEach((text, i) => {
    const name = columnOf(text);
    if (name === null) {
      if (text.trim() !== '') ignored.push(text);
    } else if (index.has(name)) {
      issues.push({ path: ['header', i], message: `"${text}" names the ${name} column a second time` });
    } else index.set(name, i);
  });
  for (const name of REQUIRED)
    if (!index.has(name)) issues.push({ path: ['header', name], message: `no ${name} column` });
  if (issues.length > 0) {
    const detail = issues.map((i) => i.message).join('; ');
    throw invalid(
      `The header (line ${table.headerLine}) does not fit the reported-value format: ${detail}.`,
      issues,
    );
  }
  return { index, ignored };
}

/**
 * Checks rows of reported indicator values whole: known org units, periods, scorecards and quantitative
 * indicators of that scorecard, numbers, one value per key (a second is an error naming the first row), and
 * classifies each value against `existing` (equal within a float's round trip: unchanged).
 *
 * @example await checkReportedValues(await readTable(bytes), ctx) // { toCreate: 4, errors: [], … }
 */
export async function checkReportedValues(table: TableLike, ctx: ReportedContext): Promise<ReportedReport> {
  const { index, ignored } = indexReportedHeader(table);
  const maxErrors = ctx.maxErrors ?? DEFAULT_MAX_ERRORS;
  const errors: ImportErrorBody[] = [];
  let errorCount = 0;
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0 };
  const records: ReportedRecord[] = [];
  const firstRow = new Map<string, number>();
  const findUnit = createCodeLookup(ctx.orgUnits);
  const findScorecard = createCodeLookup(ctx.scorecards);
  let rowsRead = 0;
  for await (const row of table.rows) {
    rowsRead += 1;
    const before = errorCount;
    const cell = (name: Column): { column: string; text: string } => {
      const i = index.get(name);
      return {
        column: i === undefined ? name : (table.header[i] ?? name),
        text: i === undefined ? '' : (row.cells[i] ?? ''),
      };
    };
    const fail = (
      name: Column | { column: string; text: string },
      code: ImportErrorCode,
      reason: string,
    ): void => {
      const c = typeof name === 'string' ? cell(name) : name;
      errorCount += 1;
      if (errors.length < maxErrors)
        errors.push({ row: row.line, column: c.column, value: c.text, code, reason });
    };
    row.cells.forEach((text, i) => {
      if (i >= table.header.length && text.trim() !== '')
        fail({ column: `#${i + 1}`, text }, 'extra-cell', 'a value in a column that has no header');
    });
    if (row.unterminatedQuote === true) {
      const last = row.cells.length - 1;
      fail(
        { column: table.header[last] ?? `#${last + 1}`, text: row.cells[last] ?? '' },
        'unterminated-quote',
        'a quoted field is never closed, so the rest of the file was read into this cell',
      );
    }
    for (const name of index.keys()) {
      if (cell(name).text.includes('\uFFFD'))
        fail(name, 'undecodable', 'holds characters that could not be decoded; check the file encoding');
    }
    if (errorCount !== before) continue;
    const unitText = cell('org_unit').text.trim();
    const unit = unitText === '' ? undefined : findUnit(unitText);
    if (unitText === '') fail('org_unit', 'missing-value', 'the org unit is required');
    else if (unit === undefined) fail('org_unit', 'unknown-org-unit', `unknown org unit "${unitText}"`);
    const period = ctx.normalizePeriod(cell('period').text.trim());
    if (period === null)
      fail(
        'period',
        'unknown-period',
        'not a period: write 2024-03 (month), 2024Q1 (quarter) or 2024 (year)',
      );
    const scorecardText = cell('scorecard').text.trim() || (ctx.defaultScorecard ?? '');
    const scorecard = scorecardText === '' ? undefined : findScorecard(scorecardText);
    if (scorecardText === '') {
      fail('scorecard', 'missing-value', 'name the scorecard in a scorecard column or with the import');
    } else if (scorecard === undefined) {
      fail('scorecard', 'unknown-scorecard', `unknown scorecard "${scorecardText}"`);
    }
    const indicatorText = cell('indicator').text.trim();
    const indicator =
      scorecard === undefined ? undefined : createCodeLookup(scorecard.indicators)(indicatorText);
    if (indicatorText === '') fail('indicator', 'missing-value', 'the indicator is required');
    else if (scorecard !== undefined && indicator === undefined) {
      fail('indicator', 'unknown-indicator', `unknown indicator "${indicatorText}" of ${scorecard.code}`);
    } else if (indicator?.kind === 'qualitative') {
      fail(
        'indicator',
        'wrong-indicator-kind',
        `${indicator.code} is qualitative: it is rated, not reported`,
      );
    }
    const parsed = parseNumber(cell('value').text, { allowPercent: true });
    if (parsed.kind === 'invalid') fail('value', 'non-numeric', `non-numeric: ${parsed.reason}`);
    else if (indicator !== undefined && indicator.unit !== '%' && cell('value').text.trim().endsWith('%')) {
      fail('value', 'non-numeric', `non-numeric: a % sign is allowed only for indicators whose unit is %`);
    }
    if (unit === undefined || period === null || scorecard === undefined || indicator === undefined) continue;
    if (parsed.kind === 'empty') continue;
    const key = [unit.code, period, scorecard.code, indicator.code].join('\u0000');
    const first = firstRow.get(key);
    if (first !== undefined) {
      fail(
        'indicator',
        'duplicate-key',
        `duplicate of row ${first}: same org unit, period, scorecard and indicator (${unit.code}, ${period}, ${scorecard.code}, ${indicator.code})`,
      );
      continue;
    }
    firstRow.set(key, row.line);
    if (errorCount !== before || parsed.kind !== 'number') continue;
    const reportedKey = { orgUnit: unit.code, period, scorecard: scorecard.code, indicator: indicator.code };
    const stored = ctx.existing(reportedKey);
    const action: ImportAction =
      stored === undefined ? 'create' : sameNumber(stored, parsed.value) ? 'unchanged' : 'update';
    counts[action] += 1;
    const comment = cell('comment').text.trim();
    records.push({
      ...reportedKey,
      row: row.line,
      value: parsed.value,
      comment: comment === '' ? null : comment,
      action,
    });
  }
  return {
    rowsRead,
    toCreate: counts.create,
    toUpdate: counts.update,
    unchanged: counts.unchanged,
    errors,
    errorCount,
    errorsNotListed: errorCount - errors.length,
    records,
    ignoredColumns: ignored,
  };
}

/** Equal within a float's round trip through a database (ingest's rule, README.md "Numbers"). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}
