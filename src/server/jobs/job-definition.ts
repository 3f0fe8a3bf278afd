/**
 * What a feature declares to run in the background (./README.md shows one): a name, what it does, when it runs,
 * how often to retry, and the handler. The scheduler (./job-scheduler.ts) queues and runs it through pg-boss.
 */
import type { JobTriggerName } from '../../core/contracts/jobs.ts';
import type { Actor, ServerContext } from '../context.ts';

/** Why a run exists: its cron occurrence came due, an administrator pressed "run now", or code enqueued it. */
export type JobTrigger = JobTriggerName;

/** A run's payload: plain JSON, the same on every engine and instance. */
export type JobData = Readonly<Record<string, unknown>>;

/** One run, as its handler sees it. */
export interface JobRun<Data extends JobData = JobData> {
  /** pg-boss's id of the run (a UUID). */
  readonly id: string;
  readonly name: string;
  readonly data: Data;
  readonly trigger: JobTrigger;
  /** The cron occurrence this run is for (a scheduled run), else null. */
  readonly dueAt: Date | null;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  /** Aborted when the run passes its timeout or the server stops: stop early, leave no half-done write. */
  readonly signal: AbortSignal;
  /** The server's database, clock and change bus. */
  readonly ctx: ServerContext;
  /** Who the run acts as in the audit trail: `job:<name>`, a trusted process (an installation admin). */
  readonly actor: Actor;
}

/** What a handler may return: a small JSON summary kept with the run (`{ deletedSessions: 3 }`). */
export type JobOutput = Readonly<Record<string, unknown>>;

export interface JobRetry {
  /** Attempts after the first. Default 2. */
  readonly limit: number;
  /** Seconds before a retry. Default 60. */
  readonly delaySeconds?: number;
  /** Double the delay at each retry (with jitter). Default false. */
  readonly backoff?: boolean;
}

export interface JobDefinition<Data extends JobData = JobData> {
  /** Kebab-case and unique (`session-cleanup`): pg-boss's queue name, the key of the API and the panel. */
  readonly name: string;
  /**
   * The web's i18n key of one sentence saying what the job does, in the admin namespace
   * (`admin.jobs.catalog.sessionCleanup`); the admin panel words it and lists the keys it knows.
   */
  readonly description: string;
  /**
   * When it runs: a cron expression (`15 3 * * *`: five fields, or six with seconds first) or an RFC 5545 rule
   * (`FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17`). Absent: it runs only when enqueued or run by hand.
   */
  readonly cron?: string;
  /** The IANA time zone the cron is read in. Default: the scheduler's (HEALTHBSC_TIMEZONE). */
  readonly timezone?: string;
  /** Default `{ limit: 2, delaySeconds: 60 }`. */
  readonly retry?: JobRetry;
  /** A run still going after this long is failed (and retried) and its signal aborted. Default 900 s. */
  readonly timeoutSeconds?: number;
  /**
   * `true` (the default): at most one run waits and one runs, across every server instance, so overlapping
   * occurrences and repeated "run now" collapse. `false`: every enqueue is its own run.
   */
  readonly singleton?: boolean;
  /** Does the work. Throwing fails the attempt (retried while the retry limit allows). */
  readonly handler: (run: JobRun<Data>) => Promise<JobOutput | undefined>;
}

/** A registered job, for typed enqueueing: `const job = scheduler.register(def); await job.enqueue(data)`. */
export interface JobHandle<Data extends JobData = JobData> {
  readonly name: string;
  /** Queues a run; resolves to its id, or null when a singleton job already has one waiting. */
  enqueue(data: Data): Promise<string | null>;
}
