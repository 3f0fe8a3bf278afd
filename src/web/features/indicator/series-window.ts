/**
 * Which periods the indicator's time series covers: a granularity (months, quarters, years) and a window that
 * ends with the selected period, and which granularities the data can fill. Values are stored per month
 * (core/periods), so quarters and months are offered only when months with data fall in the window; an annual
 * case such as AZ Hospital 2016 (reported annual values) gets years alone.
 */
import { monthsOf, periodContaining, previousPeriod, tryParsePeriod } from '../../../core/periods/index.ts';

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Periods a series shows: two years of months, three years of quarters, five years. */
export const SERIES_LENGTH: Readonly<Record<Granularity, number>> = { month: 24, quarter: 12, year: 5 };

/**
 * The last period of `granularity` inside the selected period, or the one holding it when the selected period
 * is finer (a month's quarter). Null for an id that is not a period.
 *
 * @example lastPeriodOf('2024', 'quarter') // '2024Q4'
 * @example lastPeriodOf('2024-05', 'year') // '2024'
 */
export function lastPeriodOf(period: string, granularity: Granularity): string | null {
  if (tryParsePeriod(period) === null) return null;
  const lastMonth = monthsOf(period).at(-1);
  if (lastMonth === undefined) return null;
  return granularity === 'month' ? lastMonth : periodContaining(lastMonth, granularity);
}

/**
 * The first and last period of the series ending with the selected period.
 *
 * @example seriesWindow('2024', 'month') // { from: '2023-01', to: '2024-12' }
 * @example seriesWindow('2016', 'year') // { from: '2012', to: '2016' }
 */
export function seriesWindow(period: string, granularity: Granularity): { from: string; to: string } | null {
  const to = lastPeriodOf(period, granularity);
  if (to === null) return null;
  let from = to;
  for (let i = 1; i < SERIES_LENGTH[granularity]; i++) from = previousPeriod(from);
  return { from, to };
}

/**
 * The granularities the data supports for the selected period: years always; quarters and months when some
 * month with data lies in the months' window. `periods` is the list of periods with data (`GET /api/periods`).
 *
 * @example supportedGranularities('2016', [{ id: '2016', type: 'year' }]) // ['year']
 * @example supportedGranularities('2024', [{ id: '2024-03', type: 'month' }]) // ['month', 'quarter', 'year']
 */
export function supportedGranularities(
  period: string,
  periods: readonly { readonly id: string; readonly type: string }[],
): Granularity[] {
  const window = seriesWindow(period, 'month');
  if (window === null) return ['year'];
  // Month ids of one length sort as text, so the window is a string range.
  const hasMonths = periods.some(
    (candidate) => candidate.type === 'month' && candidate.id >= window.from && candidate.id <= window.to,
  );
  return hasMonths ? ['month', 'quarter', 'year'] : ['year'];
}

/**
 * The granularity to show: the one asked for when the data supports it, else the selected period's own type
 * when supported, else years.
 *
 * @example chooseGranularity(null, '2024-03', ['month', 'quarter', 'year']) // 'month'
 * @example chooseGranularity('month', '2016', ['year']) // 'year'
 */
export function chooseGranularity(
  asked: string | null,
  period: string,
  supported: readonly Granularity[],
): Granularity {
  const wanted = supported.find((granularity) => granularity === asked);
  if (wanted !== undefined) return wanted;
  const own = tryParsePeriod(period)?.type;
  return supported.find((granularity) => granularity === own) ?? 'year';
}
