/**
 * The data entry grid's pure model: which data elements a scorecard reads (its formulas, parsed), which months
 * the grid spans for the selected period, and the key of one cell. The page renders what these return.
 */
import type { DataElement } from '../../../core/contracts/data-elements.ts';
import { parseFormula, referencedCodes } from '../../../core/formula/index.ts';
import {
  monthsOf,
  type PeriodType,
  periodContaining,
  periodsOfType,
  tryParsePeriod,
} from '../../../core/periods/index.ts';
import type { ScorecardFile } from '../../../core/scorecard/scorecard-schema.ts';

/**
 * The distinct data-element codes the scorecard's formulas read, in the order they first appear (perspective by
 * perspective, indicator by indicator, numerator before denominator). Qualitative indicators have no formula;
 * a formula that does not parse contributes nothing (the designer reports it; the grid cannot guess).
 *
 * @example scorecardDataElements(file) // ['occupied_bed_days', 'available_bed_days', …]
 */
export function scorecardDataElements(file: Pick<ScorecardFile, 'perspectives'>): string[] {
  const seen = new Set<string>();
  const read = (source: string) => {
    const parsed = parseFormula(source);
    if (!parsed.ok) return;
    for (const code of referencedCodes(parsed.ast)) seen.add(code);
  };
  for (const perspective of file.perspectives) {
    for (const indicator of perspective.indicators) {
      const formula = indicator.formula;
      if (formula === undefined || indicator.kind === 'qualitative') continue;
      if (typeof formula === 'string') read(formula);
      else {
        read(formula.numerator);
        read(formula.denominator);
      }
    }
  }
  return [...seen];
}

/** The period the grid covers (what is submitted for approval) and its months (the grid's columns). */
export interface GridSpan {
  readonly period: string;
  readonly months: readonly string[];
}

/**
 * The grid of a selected period: a year shows its twelve months, a quarter its three; a month shows the twelve
 * months of its year (values are entered month by month, and a year is what gets approved). Null for an id
 * that is not a period.
 *
 * @example gridSpan('2024Q2') // { period: '2024Q2', months: ['2024-04', '2024-05', '2024-06'] }
 * @example gridSpan('2024-05').period // '2024'
 */
export function gridSpan(period: string): GridSpan | null {
  const parsed = tryParsePeriod(period);
  if (parsed === null) return null;
  const span = parsed.type === 'month' ? periodContaining(parsed.id, 'year') : parsed.id;
  return { period: span, months: monthsOf(span) };
}

/** The key of one cell: data element and month. */
export function cellKey(dataElement: string, month: string): string {
  return `${dataElement}\u0000${month}`;
}

/**
 * The grid's columns: its months, then its quarters when an element is reported per quarter, then its year when
 * one is reported per year (each data element has one period type; its row has cells in its own columns only).
 *
 * @example gridColumns({ period: '2024', months: monthsOf('2024') }, new Set(['month', 'year'])).at(-1) // '2024'
 */
export function gridColumns(span: GridSpan, types: ReadonlySet<PeriodType>): string[] {
  const columns = [...span.months];
  if (types.has('quarter')) columns.push(...periodsOfType(span.period, 'quarter'));
  if (types.has('year')) columns.push(...periodsOfType(span.period, 'year'));
  return columns;
}

/** The period type of a column id (`2024-03`, `2024Q1`, `2024`). */
export function columnType(id: string): PeriodType {
  return tryParsePeriod(id)?.type ?? 'month';
}

/** A row of the grid: a data element the scorecard reads, or only its code when the server does not know it. */
export interface GridRow {
  readonly code: string;
  readonly element: DataElement | undefined;
}

/** The grid's rows: the scorecard's data elements (scorecardDataElements), each with its definition. */
export function gridRows(
  file: Pick<ScorecardFile, 'perspectives'>,
  elements: readonly DataElement[],
): GridRow[] {
  const byCode = new Map(elements.map((element) => [element.code, element]));
  return scorecardDataElements(file).map((code) => ({ code, element: byCode.get(code) }));
}

/** The stored values a grid reads: one unit, its columns' range, its rows' elements. */
export interface GridValuesQuery {
  readonly orgUnit: string;
  readonly from: string;
  readonly to: string;
  readonly dataElements: readonly string[];
}

/**
 * The grid's columns (gridColumns, by the rows' period types) and the query of its stored values. The page and
 * the prefetch on the menu (prefetch.ts) both build the query here, so they name the same cached query.
 *
 * @example gridValues('AZ', gridSpan('2016')!, rows).query // { orgUnit: 'AZ', from: '2016-01', to: '2016-12', … }
 */
export function gridValues(
  orgUnit: string,
  span: GridSpan,
  rows: readonly GridRow[],
): { readonly months: string[]; readonly query: GridValuesQuery } {
  const months = gridColumns(span, new Set(rows.map((row) => row.element?.periodType ?? 'month')));
  return {
    months,
    query: {
      orgUnit,
      from: months[0] ?? span.period,
      to: months.at(-1) ?? span.period,
      dataElements: rows.map((row) => row.code),
    },
  };
}
