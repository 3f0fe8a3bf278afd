/**
 * Which period a pull's run reads: the period of the pull's type that holds the run's moment (its schedule
 * occurrence, or now for a run by hand) on the calendar of the pull's time zone, moved by the pull's offset
 * (-1, the usual: on 3 February a monthly pull reads January, complete by then). The query gets the period's
 * first day and the first day after it, so `d >= :period_start and d < :period_end` covers every timestamp of it.
 */
import {
  nextPeriod,
  type PeriodType,
  parsePeriod,
  periodContaining,
  periodFromOrdinal,
  periodOrdinal,
} from '../periods/index.ts';

export interface PullPeriodWindow {
  /** The period id the values are stored for (`2024-01`, `2024Q1`, `2024`). */
  readonly period: string;
  /** Its first day, `YYYY-MM-DD`. */
  readonly period_start: string;
  /** The first day after it, `YYYY-MM-DD`. */
  readonly period_end: string;
}

/** The calendar month (`YYYY-MM`) of an instant in an IANA time zone. */
function localMonth(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  return `${year}-${month}`;
}

/**
 * The period a run at `at` pulls.
 *
 * @example pullPeriodFor(new Date('2024-02-29T17:00:00Z'), 'Asia/Shanghai', 'month', -1)
 * // { period: '2024-02', period_start: '2024-02-01', period_end: '2024-03-01' } (01:00 on 1 March in Shanghai)
 * @example pullPeriodFor(new Date('2024-04-02T03:00:00Z'), 'UTC', 'quarter', -1).period // '2024Q1'
 */
export function pullPeriodFor(
  at: Date,
  timeZone: string,
  type: PeriodType,
  offset: number,
): PullPeriodWindow {
  const holding = periodContaining(localMonth(at, timeZone), type);
  const period = periodFromOrdinal(type, periodOrdinal(holding).ordinal + offset);
  return {
    period,
    period_start: parsePeriod(period).startDate,
    period_end: parsePeriod(nextPeriod(period)).startDate,
  };
}

/**
 * Whether `zone` is an IANA time zone this runtime knows.
 *
 * @example isTimeZone('Asia/Shanghai') // true
 * @example isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
