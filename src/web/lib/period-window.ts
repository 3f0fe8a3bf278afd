/**
 * The periods a trend shows before the selected one: five years, eight quarters or twelve months, so a yearly
 * view shows the medium-term plan's span and a monthly one a full year.
 */
import { previousPeriod, tryParsePeriod } from '../../core/periods/index.ts';

export const TREND_LENGTH = { year: 5, quarter: 8, month: 12 } as const;

/**
 * The first and last period of the trend that ends at `period`; null for an id that is not a period.
 *
 * @example trendWindow('2016') // { from: '2012', to: '2016' }
 * @example trendWindow('2024-03') // { from: '2023-04', to: '2024-03' }
 */
export function trendWindow(period: string): { from: string; to: string } | null {
  const parsed = tryParsePeriod(period);
  if (parsed === null) return null;
  let from = period;
  for (let i = 1; i < TREND_LENGTH[parsed.type]; i++) from = previousPeriod(from);
  return { from, to: period };
}

/** The period before `period` (2016 → 2015, 2024Q1 → 2023Q4); null for an id that is not a period. */
export function periodBefore(period: string): string | null {
  return tryParsePeriod(period) === null ? null : previousPeriod(period);
}
