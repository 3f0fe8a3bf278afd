/**
 * The row formats of imports (README.md "Formats"): which column holds what. Turns a table's text rows into
 * rows of located cells for the checks in check-import.ts; decides nothing about codes or numbers.
 *
 * - data values, long: `org_unit,period,data_element,value[,comment]`
 * - data values, wide: `org_unit,period,<data element code>,…` (optional `#names` row)
 * - targets: `org_unit,period,indicator,target[,reference][,lower,upper][,source]`
 * - assessments: `org_unit,period,indicator,rater,score[,evidence]`
 */
import { invalid, issue, type ProblemIssue } from '../core/errors/problem.ts';
import { type ColumnName, columnNameOf, NAMES_ROW_MARKERS } from './column-names.ts';
import { type ImportError, rowError } from './import-report.ts';
import type { Table, TableRow } from './read-table.ts';

/** A cell with where it came from: its line and its column's header as written. */
export interface Cell {
  readonly line: number;
  readonly column: string;
  readonly text: string;
}

/** Something wrong with a row's shape, found before any code or number is looked at: an error of its row. */
export type RowProblem = Omit<ImportError, 'row'>;

export interface DataValueCell {
  /** Long format: the row's data_element cell. Wide format: the column's header cell (on the header line). */
  readonly dataElement: Cell;
  readonly value: Cell;
  readonly comment: Cell | null;
}

export interface DataValueRow {
  readonly line: number;
  readonly orgUnit: Cell;
  readonly period: Cell;
  /** One entry in the long format; one per data-element column in the wide format, empty cells included. */
  readonly values: readonly DataValueCell[];
  readonly problems: readonly RowProblem[];
}

export interface TargetRow {
  readonly line: number;
  readonly orgUnit: Cell;
  readonly period: Cell;
  readonly indicator: Cell;
  readonly target: Cell;
  readonly reference: Cell | null;
  readonly lower: Cell | null;
  readonly upper: Cell | null;
  readonly source: Cell | null;
  readonly problems: readonly RowProblem[];
}

export interface AssessmentRow {
  readonly line: number;
  readonly orgUnit: Cell;
  readonly period: Cell;
  readonly indicator: Cell;
  readonly rater: Cell;
  readonly score: Cell;
  readonly evidence: Cell | null;
  readonly problems: readonly RowProblem[];
}

/** What the row formats need of a table: a header and rows (read-table's Table, or an array in tests). */
export type TableLike = Pick<Table, 'header' | 'headerLine'> & {
  readonly rows: AsyncIterable<TableRow> | Iterable<TableRow>;
};

export interface FormatRows<R> {
  readonly rows: AsyncIterable<R>;
  /** Header cells this format does not use (kept out of the import; a UI may show them as a warning). */
  readonly ignoredColumns: readonly string[];
  /**
   * The format's optional columns the file does not have: what is stored in them stays as it is (an import
   * writes the attribute columns it has, and keeps the others).
   */
  readonly absentColumns: readonly ColumnName[];
}

export type ColumnIndex = ReadonlyMap<ColumnName, number>;

/**
 * Finds the named columns of a header; throws `invalid` (`import.header-mismatch`) naming every missing or
 * repeated column. Other header cells are listed as ignored, optional columns not there as absent.
 *
 * @example indexColumns({ header: ['机构', 'period'], headerLine: 1 }, ['org_unit'], ['period']).index.get('org_unit') // 0
 */
export function indexColumns(
  table: Pick<TableLike, 'header' | 'headerLine'>,
  required: readonly ColumnName[],
  optional: readonly ColumnName[],
): { index: ColumnIndex; ignored: string[]; absent: ColumnName[] } {
  const index = new Map<ColumnName, number>();
  const ignored: string[] = [];
  const issues: ProblemIssue[] = [];
  const wanted = new Set<ColumnName>([...required, ...optional]);
  table.header.forEach((text, i) => {
    const name = columnNameOf(text);
    if (name === null || !wanted.has(name)) {
      if (text.trim() !== '') ignored.push(text);
      return;
    }
    if (index.has(name)) {
      issues.push(issue('import.repeated-column', { header: text, column: name }, ['header', i]));
      return;
    }
    index.set(name, i);
  });
  for (const name of required) {
    if (!index.has(name)) issues.push(issue('import.missing-column', { column: name }, ['header', name]));
  }
  if (issues.length > 0) {
    throw invalid('import.header-mismatch', { line: table.headerLine, columns: required.join(', ') }, issues);
  }
  return { index, ignored, absent: optional.filter((name) => !index.has(name)) };
}

export function cellAt(table: TableLike, row: TableRow, i: number): Cell {
  return { line: row.line, column: table.header[i] ?? `#${i + 1}`, text: row.cells[i] ?? '' };
}

export function optionalCell(
  table: TableLike,
  row: TableRow,
  index: ColumnIndex,
  name: ColumnName,
): Cell | null {
  const i = index.get(name);
  return i === undefined ? null : cellAt(table, row, i);
}

export function requiredCell(table: TableLike, row: TableRow, index: ColumnIndex, name: ColumnName): Cell {
  return cellAt(table, row, index.get(name) ?? -1);
}

function shapeProblem(
  at: { row: number; column: string; value: string },
  code: 'extra-cell' | 'unterminated-quote',
): RowProblem {
  const { row: _row, ...problem } = rowError(at, code, {});
  return problem;
}

/** Cells past the header's last column, and a quote the file never closed. */
export function shapeProblems(
  table: TableLike,
  row: TableRow,
  unnamed: ReadonlySet<number> = new Set(),
): RowProblem[] {
  const problems: RowProblem[] = [];
  row.cells.forEach((text, i) => {
    if ((i >= table.header.length || unnamed.has(i)) && text.trim() !== '') {
      problems.push(shapeProblem({ row: row.line, column: `#${i + 1}`, value: text }, 'extra-cell'));
    }
  });
  if (row.unterminatedQuote === true) {
    const last = row.cells.length - 1;
    const at = { row: row.line, column: table.header[last] ?? `#${last + 1}`, value: row.cells[last] ?? '' };
    problems.push(shapeProblem(at, 'unterminated-quote'));
  }
  return problems;
}

export async function* mapRows<R>(table: TableLike, map: (row: TableRow) => R | null): AsyncGenerator<R> {
  for await (const row of table.rows) {
    const mapped = map(row);
    if (mapped !== null) yield mapped;
  }
}

/** True when a header names the long data-value format (it has data_element and value columns). */
export function isLongDataValueHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(columnNameOf));
  return names.has('data_element') && names.has('value');
}

/**
 * Reads data values in the long or the wide format, whichever the header shows (long when it has both a
 * data_element and a value column). Wide: every column other than org_unit and period is a data-element
 * code; a row whose first cell is `#names` or `#名称` is skipped.
 *
 * @example readDataValueRows({ header: ['org_unit', 'period', 'beds'], headerLine: 1, rows: […] }).layout // 'wide'
 */
export function readDataValueRows(table: TableLike): FormatRows<DataValueRow> & { layout: 'long' | 'wide' } {
  if (isLongDataValueHeader(table.header)) {
    const { index, ignored, absent } = indexColumns(
      table,
      ['org_unit', 'period', 'data_element', 'value'],
      ['comment'],
    );
    const rows = mapRows(table, (row) => ({
      line: row.line,
      orgUnit: requiredCell(table, row, index, 'org_unit'),
      period: requiredCell(table, row, index, 'period'),
      values: [
        {
          dataElement: requiredCell(table, row, index, 'data_element'),
          value: requiredCell(table, row, index, 'value'),
          comment: optionalCell(table, row, index, 'comment'),
        },
      ],
      problems: shapeProblems(table, row),
    }));
    return { layout: 'long', rows, ignoredColumns: ignored, absentColumns: absent };
  }

  const { index } = indexColumns(table, ['org_unit', 'period'], []);
  const fixed = new Set(index.values());
  const codeColumns: number[] = [];
  const unnamed = new Set<number>();
  table.header.forEach((text, i) => {
    if (fixed.has(i)) return;
    if (text.trim() === '') unnamed.add(i);
    else codeColumns.push(i);
  });
  const markers = new Set(NAMES_ROW_MARKERS);
  const rows = mapRows(table, (row): DataValueRow | null => {
    if (markers.has((row.cells[0] ?? '').trim().toLowerCase())) return null;
    return {
      line: row.line,
      orgUnit: requiredCell(table, row, index, 'org_unit'),
      period: requiredCell(table, row, index, 'period'),
      values: codeColumns.map((i) => ({
        dataElement: { line: table.headerLine, column: table.header[i] ?? '', text: table.header[i] ?? '' },
        value: cellAt(table, row, i),
        comment: null,
      })),
      problems: shapeProblems(table, row, unnamed),
    };
  });
  // The wide template has no comment column: stored comments stay.
  return { layout: 'wide', rows, ignoredColumns: [], absentColumns: ['comment'] };
}

/**
 * Reads targets: `org_unit,period,indicator,target[,reference][,lower,upper][,source]`. An empty org_unit
 * means every unit of the scorecard; it may also hold an org-unit group's code.
 */
export function readTargetRows(table: TableLike): FormatRows<TargetRow> {
  const { index, ignored, absent } = indexColumns(
    table,
    ['org_unit', 'period', 'indicator', 'target'],
    ['reference', 'lower', 'upper', 'source'],
  );
  const rows = mapRows(table, (row) => ({
    line: row.line,
    orgUnit: requiredCell(table, row, index, 'org_unit'),
    period: requiredCell(table, row, index, 'period'),
    indicator: requiredCell(table, row, index, 'indicator'),
    target: requiredCell(table, row, index, 'target'),
    reference: optionalCell(table, row, index, 'reference'),
    lower: optionalCell(table, row, index, 'lower'),
    upper: optionalCell(table, row, index, 'upper'),
    source: optionalCell(table, row, index, 'source'),
    problems: shapeProblems(table, row),
  }));
  return { rows, ignoredColumns: ignored, absentColumns: absent };
}

/** Reads qualitative assessments: `org_unit,period,indicator,rater,score[,evidence]`. */
export function readAssessmentRows(table: TableLike): FormatRows<AssessmentRow> {
  const { index, ignored, absent } = indexColumns(
    table,
    ['org_unit', 'period', 'indicator', 'rater', 'score'],
    ['evidence'],
  );
  const rows = mapRows(table, (row) => ({
    line: row.line,
    orgUnit: requiredCell(table, row, index, 'org_unit'),
    period: requiredCell(table, row, index, 'period'),
    indicator: requiredCell(table, row, index, 'indicator'),
    rater: requiredCell(table, row, index, 'rater'),
    score: requiredCell(table, row, index, 'score'),
    evidence: optionalCell(table, row, index, 'evidence'),
    problems: shapeProblems(table, row),
  }));
  return { rows, ignoredColumns: ignored, absentColumns: absent };
}
