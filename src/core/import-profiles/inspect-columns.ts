/**
 * What the import wizard shows of an uploaded table before anything is mapped: each column with a few sample
 * values, a guessed type and, for a column of periods, the format its cells are written in; and suggestions
 * for the unit and period columns and for value columns' data elements (from the names). Pure.
 */
import { type PeriodFormat, periodFormatSchema } from '../contracts/import-profiles.ts';
import { readPeriodCell } from './period-formats.ts';

export type ColumnType = 'number' | 'period' | 'text' | 'empty';

export interface InspectedColumn {
  readonly name: string;
  /** Up to five distinct non-empty cells, in the order met. */
  readonly samples: readonly string[];
  /** Every distinct non-empty cell, up to 100 (the wizard's code tables: unit codes may be numbers). */
  readonly distinct: readonly string[];
  readonly type: ColumnType;
  /** A period column's format: the first every non-empty sampled cell reads in; null for other columns. */
  readonly periodFormat: PeriodFormat | null;
  /** A data element code made from the name (`Total Attendances` → `total_attendances`). */
  readonly suggestedElement: string;
}

export interface ColumnInspection {
  readonly columns: readonly InspectedColumn[];
  readonly rowsSampled: number;
  /** The column that most likely names the unit (a code or id column of text), or null. */
  readonly unitColumn: string | null;
  readonly periodColumn: string | null;
}

/** The formats a column is tested against: every named one but Excel serials (any number would pass). */
const FORMATS: readonly PeriodFormat[] = periodFormatSchema.options.filter(
  (format) => format !== 'auto' && format !== 'excel-serial',
);
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*%?$/;
const UNIT_NAME =
  /(^|[\s_])(id|code|org|unit|provider|trust|hospital|facility|ccn|oshpdid|机构|医院|科室|代码)([\s_]|$)/i;
const DISTINCT = 100;
const PERIOD_NAME = /(date|month|period|year|quarter|日期|月份|期间|年度|季度)/i;

function typeOf(cells: readonly string[], format: PeriodFormat | null): ColumnType {
  if (cells.length === 0) return 'empty';
  // Years (`2017`) are numbers too: a column named as a period, or read as months, is a period column.
  if (format !== null && format !== 'YYYY' && format !== 'YYYYMM') return 'period';
  if (cells.every((c) => NUMBER.test(c) && /\d/.test(c))) return 'number';
  return 'text';
}

/** The first format in which every cell reads (as a month, or as a year for `YYYY`). */
function periodFormatOf(cells: readonly string[]): PeriodFormat | null {
  if (cells.length === 0) return null;
  return (
    FORMATS.find((format) =>
      cells.every((c) => readPeriodCell(c, format, format === 'YYYY' ? 'year' : 'month') !== null),
    ) ?? null
  );
}

/**
 * A data element code from a column name: lower case, runs of other characters as `_`, at most 64
 * characters, starting with a letter or `_` (Chinese names keep no letters: `col_<n>`).
 *
 * @example elementCodeOf('Total Attendances (Type 1)', 3) // 'total_attendances_type_1'
 */
export function elementCodeOf(name: string, position: number): string {
  const code = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  if (code === '') return `col_${position + 1}`;
  return /^[a-z_]/.test(code) ? code : `c_${code}`.slice(0, 64);
}

/**
 * Inspects a table's header and first rows.
 *
 * @example
 * inspectColumns(['date', 'trust', 'total'], [['April 2021', 'RJ1', '1,204']]).columns[0]
 * // { name: 'date', samples: ['April 2021'], type: 'period', periodFormat: 'month-name', suggestedElement: 'date' }
 */
export function inspectColumns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): ColumnInspection {
  const columns = header.map((name, i): InspectedColumn => {
    const cells = rows.map((r) => (r[i] ?? '').trim()).filter((c) => c !== '');
    const unique = [...new Set(cells)];
    const samples = unique.slice(0, 5);
    const periodFormat = periodFormatOf(cells);
    const named = PERIOD_NAME.test(name) && periodFormat !== null;
    const type = named ? 'period' : typeOf(cells, periodFormat);
    return {
      name,
      samples,
      distinct: unique.slice(0, DISTINCT),
      type,
      periodFormat: type === 'period' ? periodFormat : null,
      suggestedElement: elementCodeOf(name, i),
    };
  });
  const periodColumn = columns.find((c) => c.type === 'period')?.name ?? null;
  const unitColumn =
    columns.find((c) => c.name !== periodColumn && c.type !== 'empty' && UNIT_NAME.test(c.name))?.name ??
    columns.find((c) => c.name !== periodColumn && c.type === 'text')?.name ??
    null;
  return { columns, rowsSampled: rows.length, unitColumn, periodColumn };
}
