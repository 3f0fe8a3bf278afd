/** The demo's time axis: the 48 months of seed 000's study window, 2021-01 … 2024-12. */

export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2024;
export const MONTHS_PER_YEAR = 12;
export const MONTH_COUNT = (LAST_YEAR - FIRST_YEAR + 1) * MONTHS_PER_YEAR;

/**
 * The `YYYY-MM` period of month index `t` (0 = 2021-01).
 *
 * @example
 * monthPeriod(0); // '2021-01'
 * monthPeriod(47); // '2024-12'
 */
export function monthPeriod(t: number): string {
  const year = FIRST_YEAR + Math.floor(t / MONTHS_PER_YEAR);
  const month = (t % MONTHS_PER_YEAR) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/**
 * The month indices of one calendar year.
 *
 * @example
 * monthsOfYear(2024); // [36, 37, …, 47]
 */
export function monthsOfYear(year: number): number[] {
  const first = (year - FIRST_YEAR) * MONTHS_PER_YEAR;
  return Array.from({ length: MONTHS_PER_YEAR }, (_, i) => first + i);
}

/** All 48 periods in order. */
export const DEMO_PERIODS: readonly string[] = Array.from({ length: MONTH_COUNT }, (_, t) => monthPeriod(t));
