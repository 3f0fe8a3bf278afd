/**
 * The jobs the server registers at start-up: add a feature's job here (./README.md). Each job is a file of its
 * own exporting a `JobDefinition` (or a function making one from the feature's settings).
 */
import { alertEvaluationJob } from '../alerts/alert-evaluation.job.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import type { JobScheduler } from './job-scheduler.ts';
import { sessionCleanupJob } from './session-cleanup.job.ts';

/** Registers every job of the product on the scheduler (before it starts). */
export function registerServerJobs(scheduler: JobScheduler, engine?: EvaluationEngine): void {
  scheduler.register(sessionCleanupJob());
  // The alert job needs the evaluation engine; a scheduler built without one (tests of the scheduler) has none.
  if (engine !== undefined) scheduler.register(alertEvaluationJob(engine));
}
