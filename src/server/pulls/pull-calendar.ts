/**
 * A pull's schedule read as the job scheduler reads cron: pg-boss's `previewSchedule` (../jobs/cron.ts), so
 * what a pull accepts is what the scheduler can evaluate. Its calendar arithmetic needs no database: the
 * instance here is never started and holds no state.
 */
import { PgBoss } from 'pg-boss';
import { badRequest } from '../../core/errors/problem.ts';
import { nextOccurrence, type PreviewSchedule } from '../jobs/cron.ts';

const calendar = new PgBoss({ db: { executeSql: async () => ({ rows: [] }) } });

/** pg-boss's `previewSchedule`, for ../jobs/cron.ts. */
export const previewPullSchedule: PreviewSchedule = (cron, options) =>
  calendar.previewSchedule(cron, options);

/**
 * Throws `pull.bad-schedule` unless `schedule` is a cron expression or RFC 5545 rule with a next occurrence.
 *
 * @example checkPullSchedule('0 6 3 * *', 'Asia/Shanghai', new Date()) // passes
 */
export function checkPullSchedule(schedule: string, timeZone: string, now: Date): void {
  let next: Date | null = null;
  try {
    next = nextOccurrence(previewPullSchedule, schedule, timeZone, now);
  } catch {
    next = null;
  }
  if (next === null) throw badRequest('pull.bad-schedule', { schedule }, ['schedule']);
}

/** The next occurrence of a pull's schedule, or null (none, or an expression that no longer reads). */
export function nextPullRun(schedule: string | null, timeZone: string, now: Date): Date | null {
  if (schedule === null) return null;
  try {
    return nextOccurrence(previewPullSchedule, schedule, timeZone, now);
  } catch {
    return null;
  }
}
