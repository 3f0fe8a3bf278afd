/**
 * The jobs the server registers at start-up: add a feature's job here (./README.md). Each job is a file of its
 * own exporting a `JobDefinition` (or a function making one from the feature's settings).
 */
import type { JobScheduler } from './job-scheduler.ts';
import { sessionCleanupJob } from './session-cleanup.job.ts';

/** Registers every job of the product on the scheduler (before it starts). */
export function registerServerJobs(scheduler: JobScheduler): void {
  scheduler.register(sessionCleanupJob());
}
