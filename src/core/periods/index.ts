/**
 * Periods: months `2024-03`, quarters `2024Q1`, years `2024`, and the arithmetic between them.
 * Values are stored per month; quarters and years are computed from their months (see ../analytics).
 */
export type { Period, PeriodType } from './period.ts';
export {
  daysInMonth,
  MAX_PERIOD_YEAR,
  MIN_PERIOD_YEAR,
  MONTHS_PER_PERIOD,
  makePeriod,
  parsePeriod,
  tryParsePeriod,
} from './period.ts';
export {
  comparePeriodIds,
  monthFromOrdinal,
  monthOrdinal,
  monthsOf,
  nextPeriod,
  periodContaining,
  periodRange,
  previousPeriod,
  samePeriodLastYear,
} from './period-arithmetic.ts';
