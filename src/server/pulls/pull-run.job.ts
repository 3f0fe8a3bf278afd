/**
 * A run asked for by hand (`POST /api/pulls/{id}/run`), queued by the request and done here, so the request
 * answers at once and the page follows the run's phase. The run was recorded (and access checked) by the
 * request; the job only claims it and runs it, so a retried or repeated job runs nothing twice.
 */
import type { JobDefinition } from '../jobs/job-definition.ts';
import { runQueuedPull } from './pull-run.service.ts';

/**
 * @example const handle = scheduler.register(pullRunJob()); await handle.enqueue({ runId: 12 });
 */
export function pullRunJob(): JobDefinition<{ runId: number }> {
  return {
    name: 'pull-run',
    description: 'admin.jobs.catalog.pullRun',
    // A failed run is recorded and alerted; running it again would read the hospital's database again unasked.
    retry: { limit: 0 },
    timeoutSeconds: 3600,
    // Every run asked for is its own job run (two pulls run by hand at once both run).
    singleton: false,
    handler: async ({ ctx, data }) => {
      const run = await runQueuedPull(ctx, data.runId);
      return run === null ? { skipped: true } : { status: run.status };
    },
  };
}
