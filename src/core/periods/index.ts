/**
 * Periods: months `2024-03`, quarters `2024Q1`, years `2024`, and the arithmetic between them.
 * A value is stored for its data element's period type; quarters and years of monthly values are computed
 * from their months (see ../analytics).
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
  periodFromOrdinal,
  periodOrdinal,
  periodRange,
  periodsOfType,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
} from './period-arithmetic.ts';
