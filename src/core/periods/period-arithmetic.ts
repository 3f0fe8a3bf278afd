/**
 * Walking between periods: the months of a quarter or year, the quarter or year that holds a month, the
 * previous period, the same period a year earlier, and ranges. Each function takes and returns period ids
 * (see period.ts), normalised (`2024q1` → `2024Q1`).
 */
import { badRequest } from '../errors/problem.ts';
import { MONTHS_PER_PERIOD, makePeriod, type Period, type PeriodType, parsePeriod } from './period.ts';

/**
 * The month ids that make up a period, in order: a quarter's three months, a year's twelve, a month itself.
 * A quarter is three calendar months starting January, April, July and October (DHIS2 `yyyyQn`).
 *
 * @example monthsOf('2024Q1') // ['2024-01', '2024-02', '2024-03']
 * @example monthsOf('2024-07') // ['2024-07']
 */
export function monthsOf(id: string): string[] {
  const period = parsePeriod(id);
  const first = firstMonth(period);
  const months: string[] = [];
  for (let m = first; m < first + MONTHS_PER_PERIOD[period.type]; m++) {
    months.push(makePeriod('month', period.year, m).id);
  }
  return months;
}

/**
 * The period of a type that contains a month (or a quarter, for a year). Throws `badRequest` when the type
 * is finer than the period given (a quarter lies in no single month).
 *
 * @example periodContaining('2024-05', 'quarter') // '2024Q2'
 * @example periodContaining('2024-05', 'year') // '2024'
 * @example periodContaining('2024Q3', 'year') // '2024'
 */
export function periodContaining(monthId: string, type: PeriodType): string {
  const period = parsePeriod(monthId);
  const size = MONTHS_PER_PERIOD[type];
  if (size < MONTHS_PER_PERIOD[period.type]) {
    throw badRequest(type === 'month' ? 'period.not-within-month' : 'period.not-within-quarter', {
      period: period.id,
    });
  }
  return makePeriod(type, period.year, Math.floor((firstMonth(period) - 1) / size) + 1).id;
}

/**
 * The period just before, of the same type.
 *
 * @example previousPeriod('2024-01') // '2023-12'
 * @example previousPeriod('2024Q1') // '2023Q4'
 * @example previousPeriod('2024') // '2023'
 */
export function previousPeriod(id: string): string {
  const period = parsePeriod(id);
  return fromOrdinal(period.type, ordinal(period) - 1).id;
}

/**
 * The period just after, of the same type.
 *
 * @example nextPeriod('2023-12') // '2024-01'
 * @example nextPeriod('2024Q4') // '2025Q1'
 */
export function nextPeriod(id: string): string {
  const period = parsePeriod(id);
  return fromOrdinal(period.type, ordinal(period) + 1).id;
}

/**
 * The period `offset` periods away, of the same type (negative: earlier): what a formula's
 * `code.periodOffset(offset)` reads, as DHIS2's period offsets do.
 *
 * @example shiftPeriod('2024', -1) // '2023'
 * @example shiftPeriod('2024-03', -12) // '2023-03'
 * @example shiftPeriod('2024Q1', -2) // '2023Q3'
 */
export function shiftPeriod(id: string, offset: number): string {
  const period = parsePeriod(id);
  return fromOrdinal(period.type, ordinal(period) + offset).id;
}

/**
 * The same month, quarter or year one year earlier: the base of a year-on-year comparison (同比).
 *
 * @example samePeriodLastYear('2024-03') // '2023-03'
 * @example samePeriodLastYear('2024Q2') // '2023Q2'
 * @example samePeriodLastYear('2024') // '2023'
 */
export function samePeriodLastYear(id: string): string {
  const period = parsePeriod(id);
  return makePeriod(period.type, period.year - 1, period.index).id;
}

/**
 * Every period from `from` to `to`, both included, ascending. Both ends must be of the same type and `from`
 * must not come after `to`; otherwise `badRequest`.
 *
 * @example periodRange('2023-11', '2024-02') // ['2023-11', '2023-12', '2024-01', '2024-02']
 * @example periodRange('2023Q4', '2024Q1') // ['2023Q4', '2024Q1']
 */
export function periodRange(from: string, to: string): string[] {
  const start = parsePeriod(from);
  const end = parsePeriod(to);
  if (start.type !== end.type) {
    throw badRequest('period.range-mixed-types', { from: start.id, to: end.id });
  }
  const first = ordinal(start);
  const last = ordinal(end);
  if (first > last) throw badRequest('period.range-backwards', { from: start.id, to: end.id });
  const ids: string[] = [];
  for (let n = first; n <= last; n++) ids.push(fromOrdinal(start.type, n).id);
  return ids;
}

/**
 * Orders period ids for sorting: by first day, then shorter before longer (so `2024-01`, `2024Q1`, `2024`).
 * Throws `badRequest` on an id that is not a period.
 *
 * @example ['2024', '2023-12', '2024Q1', '2024-01'].sort(comparePeriodIds) // ['2023-12', '2024-01', '2024Q1', '2024']
 */
export function comparePeriodIds(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  const byStart = startMonthOrdinal(pa) - startMonthOrdinal(pb);
  if (byStart !== 0) return byStart;
  return MONTHS_PER_PERIOD[pa.type] - MONTHS_PER_PERIOD[pb.type];
}

/**
 * The number of months from January 1900 (month 0) to a month id: consecutive months get consecutive
 * numbers, which is how the value cube indexes its time axis.
 *
 * @example monthOrdinal('1900-01') // 0
 * @example monthOrdinal('2024-03') - monthOrdinal('2023-12') // 3
 */
export function monthOrdinal(monthId: string): number {
  const period = parsePeriod(monthId);
  if (period.type !== 'month') throw badRequest('period.expected-month', { value: period.id });
  return startMonthOrdinal(period);
}

/**
 * The month id of a month ordinal (the inverse of `monthOrdinal`).
 *
 * @example monthFromOrdinal(1490) // '2024-03'
 */
export function monthFromOrdinal(n: number): string {
  return fromOrdinal('month', n + 1900 * 12).id;
}

/**
 * The periods of `type` that make up a period, in order: a year's four quarters, a quarter's three months, a
 * period of that type itself; none when `type` is coarser (a month lies inside a year but holds none).
 *
 * @example periodsOfType('2024', 'quarter') // ['2024Q1', '2024Q2', '2024Q3', '2024Q4']
 * @example periodsOfType('2024-03', 'year') // []
 */
export function periodsOfType(id: string, type: PeriodType): string[] {
  const period = parsePeriod(id);
  const size = MONTHS_PER_PERIOD[type];
  if (size > MONTHS_PER_PERIOD[period.type]) return [];
  const first = (firstMonth(period) - 1) / size + 1;
  const ids: string[] = [];
  for (let i = 0; i < MONTHS_PER_PERIOD[period.type] / size; i++)
    ids.push(makePeriod(type, period.year, first + i).id);
  return ids;
}

/**
 * Consecutive numbers for consecutive periods of one type (how a value cube of quarters or years indexes its
 * time axis), with the period's type.
 *
 * @example periodOrdinal('2024Q2').ordinal - periodOrdinal('2023Q4').ordinal // 2
 */
export function periodOrdinal(id: string): { readonly type: PeriodType; readonly ordinal: number } {
  const period = parsePeriod(id);
  return { type: period.type, ordinal: ordinal(period) };
}

/**
 * The period of a type with an ordinal (the inverse of `periodOrdinal`).
 *
 * @example periodFromOrdinal('year', 2024) // '2024'
 */
export function periodFromOrdinal(type: PeriodType, n: number): string {
  return fromOrdinal(type, n).id;
}

/** First month (1–12) of a period. */
function firstMonth(period: Period): number {
  return (period.index - 1) * MONTHS_PER_PERIOD[period.type] + 1;
}

function startMonthOrdinal(period: Period): number {
  return (period.year - 1900) * 12 + firstMonth(period) - 1;
}

/** Consecutive numbers for consecutive periods of one type. */
function ordinal(period: Period): number {
  return period.year * (12 / MONTHS_PER_PERIOD[period.type]) + period.index - 1;
}

function fromOrdinal(type: PeriodType, n: number): Period {
  const perYear = 12 / MONTHS_PER_PERIOD[type];
  return makePeriod(type, Math.floor(n / perYear), (n % perYear) + 1);
}
