/**
 * The jobs panel's service: the registered jobs with their last run, next run, failures and queue, and running
 * one by hand. Installation admins only (core/access `canAdminister`, through `requireAdministrator`).
 */
import type { JobList, JobResource, JobRunResource, RunJobResult } from '../../core/contracts/jobs.ts';
import { conflict } from '../../core/errors/problem.ts';
import {
  countJobRuns,
  type JobRunCounts,
  type JobRunRecord,
  latestJobRuns,
} from '../../db/repositories/job-run.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireAdministrator } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { HISTORY_DAYS, type JobScheduler, type RegisteredJob } from './job-scheduler.ts';
import { readRunEnvelope } from './run-envelope.ts';

/** The message of the error pg-boss stored for a failed attempt (`{ name, message, stack }`), never the stack. */
function errorMessage(run: JobRunRecord): string | null {
  if (run.state !== 'failed' && run.state !== 'retry') return null;
  const message: unknown =
    typeof run.output === 'object' && run.output !== null ? Reflect.get(run.output, 'message') : undefined;
  return typeof message === 'string' ? message : null;
}

function toRunResource(run: JobRunRecord): JobRunResource {
  const envelope = readRunEnvelope(run.data);
  return {
    id: run.id,
    state: run.state,
    trigger: envelope.trigger,
    dueAt: envelope.dueAt === null ? null : isoTime(new Date(envelope.dueAt)),
    startedAt: isoTime(run.startedAt),
    finishedAt: run.finishedAt === null || run.state === 'retry' ? null : isoTime(run.finishedAt),
    error: errorMessage(run),
    attempt: run.retryCount + 1,
  };
}

function toResource(
  scheduler: JobScheduler,
  job: RegisteredJob,
  counts: JobRunCounts | undefined,
  last: JobRunRecord | undefined,
): JobResource {
  const next = scheduler.nextRunAt(job.name);
  return {
    name: job.name,
    description: job.description,
    cron: job.cron,
    timezone: job.timezone,
    nextRunAt: next === null ? null : isoTime(next),
    lastRun: last === undefined ? null : toRunResource(last),
    failures: counts?.failed ?? 0,
    queued: counts?.queued ?? 0,
  };
}

async function describeJobs(
  db: Executor,
  scheduler: JobScheduler,
  jobs: readonly RegisteredJob[],
): Promise<JobResource[]> {
  const names = jobs.map((job) => job.name);
  const counts = await countJobRuns(db, names);
  const latest = await latestJobRuns(db, names);
  return jobs.map((job) => toResource(scheduler, job, counts.get(job.name), latest.get(job.name)));
}

/** Every registered job, by name, with its history's summary. */
export async function listJobs(ctx: ServerContext, scheduler: JobScheduler, actor: Actor): Promise<JobList> {
  requireAdministrator(actor);
  return {
    items: await describeJobs(ctx.db.kysely, scheduler, scheduler.jobs()),
    runsJobs: scheduler.runsJobs,
    historyDays: HISTORY_DAYS,
  };
}

/**
 * Queues a run of the job now, audited (`run` of entity `job`) in the same transaction. 404 for an unknown job,
 * 409 `job.already-queued` when a singleton job already has a run waiting, 503 while the scheduler is stopped.
 */
export async function runJobNow(
  ctx: ServerContext,
  scheduler: JobScheduler,
  actor: Actor,
  name: string,
): Promise<RunJobResult> {
  requireAdministrator(actor);
  const job = scheduler.job(name);
  const runId = await commitWrite(ctx, actor, async (trx) => {
    const id = await scheduler.enqueue(
      name,
      {},
      { trigger: 'manual', requestedBy: actor.id, transaction: trx },
    );
    if (id === null) throw conflict('job.already-queued', { name });
    return {
      result: id,
      audit: [{ action: 'run', entity: 'job', entityKey: name, newValue: { runId: id } }],
      touched: [],
    };
  });
  scheduler.wake(name);
  const [described] = await describeJobs(ctx.db.kysely, scheduler, [job]);
  if (described === undefined) throw new Error(`The job '${name}' vanished while it was described.`);
  return { runId, job: described };
}
