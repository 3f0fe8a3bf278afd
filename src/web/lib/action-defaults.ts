/**
 * What the "create action" dialog proposes before the user types anything: a title naming the indicator and the
 * unit, and a due date four weeks ahead (a month's review cycle), as `YYYY-MM-DD` (the contract's date).
 */

/** Days from today to the proposed due date. */
export const DEFAULT_DUE_DAYS = 28;

/**
 * The date `days` after `today`, as `YYYY-MM-DD` (UTC, so the same wherever the browser is).
 *
 * @example dueDateAfter(new Date('2026-12-06T16:00:00Z'), 28) // '2027-01-03'
 */
export function dueDateAfter(today: Date, days: number): string {
  const due = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return due.toISOString().slice(0, 10);
}

/**
 * The proposed title: the indicator and the unit, trimmed to the contract's 300 characters.
 *
 * @example proposedTitle('Bed occupancy', 'Internal medicine') // 'Bed occupancy · Internal medicine'
 */
export function proposedTitle(indicatorName: string, unitName: string): string {
  const parts = [indicatorName.trim(), unitName.trim()].filter((part) => part !== '');
  return parts.join(' · ').slice(0, 300);
}
