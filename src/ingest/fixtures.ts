/**
 * Test factories for the ingest tests: a small hospital (org units, data elements, indicators) and helpers
 * to turn text into the shapes the readers take. Each test builds its own context, so order never matters.
 */
import type {
  AssessmentContext,
  DataElementRef,
  DataValueContext,
  DataValueKey,
  IndicatorRef,
  OrgUnitRef,
  StoredValueRef,
  TargetContext,
  TargetKey,
  TargetValues,
} from './check-context.ts';
import type { TableRow } from './read-table.ts';
import type { TableLike } from './row-formats.ts';

/**
 * A stand-in for core/periods (being written in parallel): `2024`, `2024Q1` (any case), `2024-03`.
 * Returns the normalised id or null.
 */
export function normalizePeriodForTests(id: string): string | null {
  const text = id.trim().toUpperCase();
  if (/^\d{4}$/.test(text) || /^\d{4}-(0[1-9]|1[0-2])$/.test(text) || /^\d{4}Q[1-4]$/.test(text)) return text;
  return null;
}

function byCode<T extends { code: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}

export const ORG_UNITS: readonly OrgUnitRef[] = [
  { code: 'PUMCH' },
  { code: 'RUIJIN' },
  { code: 'ICU' },
  { code: '外科' },
];

export const DATA_ELEMENTS: readonly DataElementRef[] = [
  { code: 'beds_open', valueType: 'integer', min: 0 },
  { code: 'discharges', valueType: 'integer', min: 0 },
  { code: 'bed_occupancy', valueType: 'percentage', min: 0, max: 150 },
  { code: 'revenue', valueType: 'money' },
  { code: 'los_days', valueType: 'number', min: 0, max: 365 },
  { code: 'deaths_year', valueType: 'integer', min: 0, periodType: 'year' },
  { code: 'visits_month', valueType: 'integer', min: 0, periodType: 'month' },
];

export const INDICATORS: readonly IndicatorRef[] = [
  { code: 'occupancy_rate', kind: 'quantitative', unit: '%' },
  { code: 'avg_los', kind: 'quantitative', unit: 'days' },
  { code: 'culture', kind: 'qualitative' },
];

/**
 * A data-value context; `stored` holds existing values keyed `orgUnit|period|dataElement`: a number (no comment)
 * or the value with its comment.
 */
export function makeDataValueContext(
  options: { stored?: Record<string, number | null | StoredValueRef>; maxErrors?: number } = {},
): DataValueContext {
  const stored = options.stored ?? {};
  return {
    orgUnits: byCode(ORG_UNITS),
    dataElements: byCode(DATA_ELEMENTS),
    normalizePeriod: normalizePeriodForTests,
    existing: (key: DataValueKey) => {
      const found = stored[`${key.orgUnit}|${key.period}|${key.dataElement}`];
      return found === undefined || (found !== null && typeof found === 'object')
        ? found
        : { value: found, comment: null };
    },
    ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }),
  };
}

/**
 * A target context; `stored` keyed `scope|orgUnit|period|indicator` (orgUnit empty for scope all), its source
 * null unless given.
 */
export function makeTargetContext(
  options: { stored?: Record<string, TargetValues & { source?: string | null }> } = {},
): TargetContext {
  const stored = options.stored ?? {};
  return {
    orgUnits: byCode(ORG_UNITS),
    orgUnitGroups: byCode([{ code: 'TERTIARY' }]),
    indicators: byCode(INDICATORS),
    normalizePeriod: normalizePeriodForTests,
    existing: (key: TargetKey) => {
      const found = stored[`${key.scope}|${key.orgUnit ?? ''}|${key.period}|${key.indicator}`];
      return found === undefined ? undefined : { source: null, ...found };
    },
  };
}

/** An assessment context; `stored` keyed `orgUnit|period|indicator|rater`. */
export function makeAssessmentContext(
  options: { stored?: Record<string, { score: number; evidence: string | null }> } = {},
): AssessmentContext {
  const stored = options.stored ?? {};
  return {
    orgUnits: byCode(ORG_UNITS),
    indicators: byCode(INDICATORS),
    normalizePeriod: normalizePeriodForTests,
    existing: (key) => stored[`${key.orgUnit}|${key.period}|${key.indicator}|${key.rater}`],
  };
}

/**
 * A table from lines of comma-separated cells (no quoting): the first line is the header, line numbers are
 * 1-based as in a file.
 */
export function tableOf(lines: readonly string[]): TableLike {
  const [header = '', ...rest] = lines;
  const rows: TableRow[] = rest.map((text, i) => ({ line: i + 2, cells: text.split(',') }));
  return { header: header.split(',').map((h) => h.trim()), headerLine: 1, rows };
}

/** Collects an async iterable (test helper). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
