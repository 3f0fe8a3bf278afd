/**
 * Entry deadlines: a scorecard's data of a period is due on day N of the month that follows the period's end
 * (monthly data due on the 10th of the next month; quarterly data of 2024Q1 due on N April; yearly data of 2024
 * due on N January 2025), at the end of that day in UTC: the way reporting calendars are usually written
 * ("by the 10th of the following month").
 */
import { parsePeriod } from '../periods/period.ts';

/**
 * The moment a period's data is late: the end of `dueDay` (1–28) of the month after the period ends, UTC.
 *
 * @example dueAtOf('2024-03', 10).toISOString() // '2024-04-10T23:59:59.999Z'
 * @example dueAtOf('2024Q4', 15).toISOString() // '2025-01-15T23:59:59.999Z'
 */
export function dueAtOf(periodId: string, dueDay: number): Date {
  const period = parsePeriod(periodId);
  const [year, month] = period.endDate.split('-').map(Number);
  // Date.UTC rolls month 12 over into January of the next year.
  return new Date(Date.UTC(year ?? 0, month ?? 1, dueDay, 23, 59, 59, 999));
}

/**
 * Whether a unit's data of a period is late at `now`: past its deadline and not submitted.
 *
 * @example isLate({ dueAt: new Date('2024-04-10T23:59:59.999Z'), submitted: false }, new Date('2024-04-11')) // true
 */
export function isLate(entry: { readonly dueAt: Date; readonly submitted: boolean }, now: Date): boolean {
  return !entry.submitted && now.getTime() > entry.dueAt.getTime();
}
