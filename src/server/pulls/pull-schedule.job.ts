/**
 * Every minute: runs the database pulls whose own schedules (cron in their time zones) came due
 * (./pull-schedule.ts). The job's minute is the resolution of a pull's schedule.
 */
import type { JobDefinition } from '../jobs/job-definition.ts';
import { runDuePulls } from './pull-schedule.ts';

/**
 * @example scheduler.register(pullScheduleJob());
 */
export function pullScheduleJob(): JobDefinition {
  return {
    name: 'pull-schedule',
    description: 'admin.jobs.catalog.pullSchedule',
    cron: '* * * * *',
    // A run that failed is recorded and alerted; retrying the pass would run nothing new (occurrences are claimed).
    retry: { limit: 0 },
    timeoutSeconds: 3600,
    handler: async ({ ctx, actor, signal }) => {
      const runs = await runDuePulls(ctx, actor, signal);
      return {
        runs: runs.length,
        failed: runs.filter((r) => r.status === 'failed').length,
      };
    },
  };
}
