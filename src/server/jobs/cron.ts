/**
 * When a cron job is due, decided from the injected clock (../shared/STYLE.md habit 10), not from the database's
 * or the process's time: a test sets the clock and sees the job run. The calendar arithmetic (cron and RFC 5545
 * rules, time zones, clocks going back) is pg-boss's `previewSchedule`, so what the scheduler accepts is what it
 * can evaluate.
 */
import { createHash } from 'node:crypto';

/** pg-boss's `previewSchedule`: the next `count` occurrences strictly after `from`, in ascending order. */
export type PreviewSchedule = (
  cron: string,
  options: { readonly tz: string; readonly from: Date; readonly count: number },
) => Date[];

/**
 * How far back to look for the latest occurrence, widening until one is found: a frequent expression is found
 * in the first window, a monthly one in the fourth, and no window holds many occurrences, because the narrower
 * one before it held none.
 */
const LOOKBACKS_MS = [
  60_000,
  3_600_000,
  86_400_000,
  32 * 86_400_000,
  367 * 86_400_000,
  Number.POSITIVE_INFINITY,
];
/** Occurrences asked for at once at most (each costs the calendar walk; a pass usually needs one). */
const MAX_PAGE = 64;

/** The latest occurrence in (`from`, `now`], walking forward in pages that grow from one occurrence. */
function latestInWindow(
  preview: PreviewSchedule,
  cron: string,
  tz: string,
  from: Date,
  now: Date,
): Date | null {
  let latest: Date | null = null;
  let cursor = from;
  for (let count = 1; ; count = Math.min(count * 2, MAX_PAGE)) {
    const page = preview(cron, { tz, from: cursor, count });
    for (const occurrence of page) {
      if (occurrence > now) return latest;
      latest = occurrence;
    }
    const last = page.at(-1);
    // A rule that ended, or pg-boss's time budget for one walk ran out.
    if (last === undefined || page.length < count) return latest;
    cursor = last;
  }
}

/**
 * The latest occurrence in (`after`, `now`], or null: the one a cron pass runs when several came due since the
 * last pass (the others are skipped, as pg-boss's own cron does by default).
 *
 * @example
 * // '0 3 * * *' in Asia/Shanghai, last pass at 02:59 local, now 03:00:30 local
 * latestDueOccurrence(preview, '0 3 * * *', 'Asia/Shanghai', new Date('2024-06-29T18:59:00Z'),
 *   new Date('2024-06-29T19:00:30Z')) // 2024-06-29T19:00:00.000Z
 */
export function latestDueOccurrence(
  preview: PreviewSchedule,
  cron: string,
  tz: string,
  after: Date,
  now: Date,
): Date | null {
  if (now.getTime() <= after.getTime()) return null;
  for (const lookback of LOOKBACKS_MS) {
    const from = new Date(Math.max(after.getTime(), now.getTime() - lookback));
    const latest = latestInWindow(preview, cron, tz, from, now);
    if (latest !== null) return latest;
    if (from.getTime() === after.getTime()) return null;
  }
  return null;
}

/**
 * The first occurrence after `now`, or null for a rule that has ended.
 *
 * @example nextOccurrence(preview, '0 3 * * *', 'UTC', new Date('2024-06-30T08:00:00Z')) // 2024-07-01T03:00:00.000Z
 */
export function nextOccurrence(preview: PreviewSchedule, cron: string, tz: string, now: Date): Date | null {
  return preview(cron, { tz, from: now, count: 1 })[0] ?? null;
}

/**
 * The id of the run for one occurrence of a job: a UUID (version 8, RFC 9562) made from the job's name and the
 * occurrence, so that two server instances that both see the occurrence come due insert the same run, and the
 * database keeps one (pg-boss inserts with `ON CONFLICT DO NOTHING`).
 *
 * @example occurrenceRunId('session-cleanup', new Date('2024-06-30T19:15:00Z')).length // 36
 */
export function occurrenceRunId(name: string, occurrence: Date): string {
  const hex = createHash('sha256').update(`${name}\n${occurrence.toISOString()}`).digest('hex').slice(0, 32);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  const digits = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
  return [
    digits.slice(0, 8),
    digits.slice(8, 12),
    digits.slice(12, 16),
    digits.slice(16, 20),
    digits.slice(20, 32),
  ].join('-');
}
