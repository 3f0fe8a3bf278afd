/**
 * The one job scheduler of the server (./README.md): features register jobs, and it queues and runs them through
 * pg-boss on either engine.
 *
 * - pg-boss keeps the queue, runs each job's worker, retries failed attempts, fails runs past their timeout,
 *   keeps the history the admin panel shows and deletes it after HISTORY_DAYS. It reaches the database through
 *   ours (./job-queue-db.ts); its tables come from our migrations, and it is started with `migrate: false`.
 * - The scheduler decides when a cron job is due, from the injected clock (`ctx.now`), not pg-boss's own cron,
 *   which reads the database's clock: a test sets the clock and calls `tick()`. Each occurrence gets a run id
 *   derived from it (./cron.ts), so two server instances seeing it come due queue one run.
 * - A run queued here wakes this server's worker at once, so workers need not poll often (./job-timing.ts).
 */
import type { Kysely } from 'kysely';
import { type Job, PgBoss } from 'pg-boss';
import { JOB_NAME_PATTERN } from '../../core/contracts/jobs.ts';
import { notFound, unavailable } from '../../core/errors/problem.ts';
import { JOB_QUEUE_SCHEMA } from '../../db/repositories/job-run.repository.ts';
import type { Database } from '../../db/schema.ts';
import { type ServerContext, systemActor } from '../context.ts';
import { latestDueOccurrence, nextOccurrence, occurrenceRunId, type PreviewSchedule } from './cron.ts';
import type {
  JobData,
  JobDefinition,
  JobHandle,
  JobOutput,
  JobRetry,
  JobRun,
  JobTrigger,
} from './job-definition.ts';
import { jobQueueDatabase, transactionDatabase } from './job-queue-db.ts';
import { FLOW_CHECK_SECONDS, JOB_TIMING, type JobTiming } from './job-timing.ts';
import { type RunEnvelope, readRunEnvelope } from './run-envelope.ts';

/** Days a run is kept (then deleted by pg-boss): the panel's history and failure counts cover them. */
export const HISTORY_DAYS = 14;
const DEFAULT_RETRY: Required<JobRetry> = { limit: 2, delaySeconds: 60, backoff: false };
const DEFAULT_TIMEOUT_SECONDS = 900;
/** A cron occurrence that came due this shortly before the scheduler started still runs (a quick restart). */
const START_GRACE_MS = 60_000;

/** How the scheduler reports what goes wrong in the background (Fastify's logger fits). */
export interface JobLog {
  error(details: { readonly err: unknown; readonly job?: string }, message: string): void;
  warn(details: { readonly job?: string }, message: string): void;
}

const CONSOLE_LOG: JobLog = {
  error: (details, message) => console.error(message, details),
  warn: (details, message) => console.warn(message, details),
};

export interface JobSchedulerOptions {
  /** The IANA time zone cron expressions are read in unless a job names its own (HEALTHBSC_TIMEZONE). */
  readonly timezone: string;
  /**
   * Run jobs in this server (workers, cron passes, pg-boss's upkeep). `false` (HEALTHBSC_JOBS=off, for a second
   * instance): it only queues runs and lists jobs; another instance runs them. Default true.
   */
  readonly runJobs?: boolean;
  /** Replaces parts of the engine's timing (./job-timing.ts), e.g. faster polls in tests. */
  readonly timing?: Partial<JobTiming>;
  readonly log?: JobLog;
}

/** A registered job as the scheduler and the panel see it. */
export interface RegisteredJob {
  readonly name: string;
  readonly description: string;
  readonly cron: string | null;
  readonly timezone: string;
  readonly singleton: boolean;
}

/** A run that a cron pass queued. */
export interface ScheduledRun {
  readonly name: string;
  readonly dueAt: Date;
  readonly runId: string;
}

export interface EnqueueOptions {
  readonly trigger?: JobTrigger;
  /** Who asked (an actor id), kept with the run. */
  readonly requestedBy?: string;
  /** Queue inside this transaction, so the run commits with (say) its audit row; call `wake` after the commit. */
  readonly transaction?: Kysely<Database>;
}

interface Entry {
  readonly run: (run: JobRun) => Promise<JobOutput | undefined>;
  readonly retry: JobRetry | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly info: RegisteredJob;
  workerId: string | null;
}

type State = 'created' | 'starting' | 'started' | 'stopped';

export class JobScheduler {
  readonly #ctx: ServerContext;
  readonly #timezone: string;
  readonly #runJobs: boolean;
  readonly #timing: JobTiming;
  readonly #log: JobLog;
  readonly #boss: PgBoss;
  readonly #preview: PreviewSchedule;
  readonly #jobs = new Map<string, Entry>();
  /** Per cron job, the instant up to which occurrences have been considered. */
  readonly #cursors = new Map<string, Date>();
  #state: State = 'created';
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The cron pass in progress (passes run one after another). */
  #pass: Promise<ScheduledRun[]> = Promise.resolve([]);
  #stopping: Promise<void> | undefined;

  constructor(ctx: ServerContext, options: JobSchedulerOptions) {
    this.#ctx = ctx;
    this.#timezone = options.timezone;
    this.#runJobs = options.runJobs ?? true;
    this.#timing = { ...JOB_TIMING[ctx.db.engine], ...options.timing };
    this.#log = options.log ?? CONSOLE_LOG;
    const timing = this.#timing;
    // Nothing here opens a connection: pg-boss uses ours, from start() on.
    this.#boss = new PgBoss({
      db: jobQueueDatabase(ctx.db),
      schema: JOB_QUEUE_SCHEMA,
      backend: ctx.db.engine === 'pglite' ? 'pglite' : 'postgres',
      // Our migrations own the tables; pg-boss only checks their version.
      migrate: false,
      // Our cron passes decide what is due (from the injected clock).
      schedule: false,
      supervise: this.#runJobs,
      superviseIntervalSeconds: timing.superviseSeconds,
      monitorIntervalSeconds: timing.monitorSeconds,
      maintenanceIntervalSeconds: timing.maintenanceSeconds,
      queueCacheIntervalSeconds: timing.queueCacheSeconds,
      flowIntervalSeconds: FLOW_CHECK_SECONDS,
      // No heartbeat row per instance, no warning rows, no telemetry: background writes nobody reads here.
      registerInstance: false,
      persistWarnings: false,
      openTelemetry: { enabled: false },
      // PGlite has no autovacuum to watch and one session; rebuilding indexes is a PostgreSQL server's chore.
      monitorVacuum: ctx.db.engine === 'postgres',
      reindex: ctx.db.engine === 'postgres',
    });
    this.#boss.on('error', (error) => this.#log.error({ err: error }, 'The job queue reported an error.'));
    this.#boss.on('warning', (warning) => this.#log.warn({}, `The job queue warns: ${warning.message}`));
    this.#preview = (cron, { tz, from, count }) => this.#boss.previewSchedule(cron, { tz, from, count });
  }

  /** Whether this server runs jobs (false: it only queues and lists them). */
  get runsJobs(): boolean {
    return this.#runJobs;
  }

  /**
   * Adds a job; before `start()`. Throws for a name that is not kebab-case or is taken, and for a cron expression
   * or time zone that cannot be evaluated.
   *
   * @example
   * const cleanup = scheduler.register({ name: 'session-cleanup', description: 'admin.jobs.catalog.sessionCleanup',
   *   cron: '15 3 * * *', handler: async ({ ctx }) => ({ deleted: await purge(ctx) }) });
   */
  register<Data extends JobData>(definition: JobDefinition<Data>): JobHandle<Data> {
    if (this.#state !== 'created')
      throw new Error(`Register job '${definition.name}' before the scheduler starts.`);
    if (!JOB_NAME_PATTERN.test(definition.name))
      throw new Error(`A job's name is kebab-case: '${definition.name}'.`);
    if (this.#jobs.has(definition.name)) throw new Error(`The job '${definition.name}' is registered twice.`);
    const timezone = definition.timezone ?? this.#timezone;
    // pg-boss's own check: an expression or zone it cannot evaluate throws here, at start-up, not at 3 a.m.
    if (definition.cron !== undefined)
      nextOccurrence(this.#preview, definition.cron, timezone, this.#ctx.now());
    const entry: Entry = {
      // The payload was queued through this job's JobHandle<Data> (or the untyped enqueue, on the caller's word).
      run: (run) => definition.handler({ ...run, data: run.data as Data }),
      info: {
        name: definition.name,
        description: definition.description,
        cron: definition.cron ?? null,
        timezone,
        singleton: definition.singleton ?? true,
      },
      retry: definition.retry,
      timeoutSeconds: definition.timeoutSeconds,
      workerId: null,
    };
    this.#jobs.set(definition.name, entry);
    return { name: definition.name, enqueue: (data) => this.enqueue(definition.name, data) };
  }

  /** The registered jobs, by name. */
  jobs(): RegisteredJob[] {
    return [...this.#jobs.values()].map((entry) => entry.info).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The job named, or the 404 `job.not-found`. */
  job(name: string): RegisteredJob {
    return this.#entry(name).info;
  }

  /** When the job's next cron occurrence is, by the injected clock; null for a job without cron. */
  nextRunAt(name: string): Date | null {
    const { cron, timezone } = this.#entry(name).info;
    return cron === null ? null : nextOccurrence(this.#preview, cron, timezone, this.#ctx.now());
  }

  /**
   * Checks the job queue's tables (a missing or outdated migration stops start-up), brings each job's queue
   * settings up to date, and, when this server runs jobs, starts the workers and the cron passes.
   */
  async start(): Promise<void> {
    if (this.#state !== 'created') throw new Error('The job scheduler was started already.');
    this.#state = 'starting';
    try {
      await this.#boss.start();
    } catch (error) {
      this.#state = 'stopped';
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The job queue cannot start (${reason}); are the migrations applied?`, {
        cause: error,
      });
    }
    try {
      for (const entry of this.#jobs.values()) await this.#prepareQueue(entry);
      if (this.#runJobs) await this.#startRunning();
      // A stop() during start-up has already begun; leave the state it set.
      if (this.#state === 'starting') this.#state = 'started';
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /**
   * Queues a run of a registered job and wakes this server's worker for it. Resolves to the run's id, or null
   * when the job is a singleton with a run already waiting.
   */
  async enqueue(name: string, data: JobData = {}, options: EnqueueOptions = {}): Promise<string | null> {
    const entry = this.#entry(name);
    return this.#send(
      entry,
      {
        payload: data,
        trigger: options.trigger ?? 'enqueue',
        dueAt: null,
        requestedBy: options.requestedBy ?? null,
      },
      options.transaction,
    );
  }

  /** Wakes this server's worker of a job (after a transaction that queued a run committed). */
  wake(name: string): void {
    const { workerId } = this.#entry(name);
    if (workerId !== null && this.#state === 'started') this.#boss.notifyWorker(workerId);
  }

  /**
   * One cron pass at the injected clock's time: for each cron job, the latest occurrence since the previous pass
   * (skipping older ones) is queued. The timer calls it every `cronCheckSeconds`; tests call it after setting
   * the clock. Passes run one after another; a job whose run could not be queued is tried again next pass.
   */
  tick(): Promise<ScheduledRun[]> {
    if (this.#state !== 'started' || !this.#runJobs) return Promise.resolve([]);
    const pass = this.#pass.catch(() => []).then(() => this.#cronPass());
    this.#pass = pass;
    return pass;
  }

  /**
   * Stops the cron passes and the workers: a running handler gets `stopTimeoutSeconds` to finish, after which its
   * run is failed (and retried after a restart). Safe to call twice, and before `start()`.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    const wasRunning = this.#state === 'started' || this.#state === 'starting';
    this.#state = 'stopped';
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#pass.catch(() => []);
    if (wasRunning) {
      await this.#boss.stop({
        graceful: true,
        timeout: this.#timing.stopTimeoutSeconds * 1000,
        close: false,
      });
    }
  }

  #entry(name: string): Entry {
    const entry = this.#jobs.get(name);
    if (entry === undefined) throw notFound('job.not-found', { name });
    return entry;
  }

  async #prepareQueue(entry: Entry): Promise<void> {
    const { info } = entry;
    const retry = { ...DEFAULT_RETRY, ...entry.retry };
    const settings = {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      expireInSeconds: entry.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      deleteAfterSeconds: HISTORY_DAYS * 86_400,
      retentionSeconds: HISTORY_DAYS * 86_400,
    };
    // `stately`: one run waiting and one running at most. The policy is fixed when the queue is first made.
    await this.#boss.createQueue(info.name, { ...settings, policy: info.singleton ? 'stately' : 'standard' });
    // createQueue leaves an existing queue as it is: bring a changed retry or timeout into force.
    await this.#boss.updateQueue(info.name, settings);
  }

  async #startRunning(): Promise<void> {
    for (const entry of this.#jobs.values()) {
      entry.workerId = await this.#boss.work<RunEnvelope, JobOutput | null>(
        entry.info.name,
        { pollingIntervalSeconds: this.#timing.pollingSeconds, batchSize: 1 },
        (jobs) => this.#handle(entry, jobs),
      );
    }
    const started = new Date(this.#ctx.now().getTime() - START_GRACE_MS);
    for (const entry of this.#jobs.values()) {
      if (entry.info.cron !== null) this.#cursors.set(entry.info.name, started);
    }
    this.#timer = setInterval(() => void this.tick(), this.#timing.cronCheckSeconds * 1000);
    // The server's own handles keep the process alive; this timer must not keep a finished test or CLI alive.
    this.#timer.unref();
  }

  async #handle(entry: Entry, jobs: Job<RunEnvelope>[]): Promise<JobOutput | null> {
    const [job] = jobs;
    if (job === undefined) return null;
    const envelope = readRunEnvelope(job.data);
    try {
      const output = await entry.run({
        id: job.id,
        name: job.name,
        data: envelope.payload,
        trigger: envelope.trigger,
        dueAt: envelope.dueAt === null ? null : new Date(envelope.dueAt),
        attempt: job.retryCount + 1,
        signal: job.signal,
        ctx: this.#ctx,
        actor: systemActor(`job:${entry.info.name}`),
      });
      return output ?? null;
    } catch (error) {
      this.#log.error({ err: error, job: entry.info.name }, `The job '${entry.info.name}' failed.`);
      throw error;
    }
  }

  async #send(entry: Entry, envelope: RunEnvelope, transaction?: Kysely<Database>, id?: string) {
    if (this.#state !== 'started') throw unavailable('job.scheduler-stopped');
    const runId = await this.#boss.send(entry.info.name, envelope, {
      ...(id === undefined ? {} : { id }),
      ...(transaction === undefined ? {} : { db: transactionDatabase(transaction) }),
    });
    if (runId !== null && transaction === undefined) this.wake(entry.info.name);
    return runId;
  }

  async #cronPass(): Promise<ScheduledRun[]> {
    const now = this.#ctx.now();
    const queued: ScheduledRun[] = [];
    for (const [name, after] of this.#cursors) {
      if (this.#state !== 'started') break;
      const entry = this.#entry(name);
      const cron = entry.info.cron;
      if (cron === null) continue;
      try {
        const due = latestDueOccurrence(this.#preview, cron, entry.info.timezone, after, now);
        if (due !== null) {
          const envelope = {
            payload: {},
            trigger: 'schedule',
            dueAt: due.toISOString(),
            requestedBy: null,
          } as const;
          const runId = await this.#send(entry, envelope, undefined, occurrenceRunId(name, due));
          // null: another instance queued this occurrence, or a singleton run is already waiting.
          if (runId !== null) queued.push({ name, dueAt: due, runId });
        }
        if (now > after) this.#cursors.set(name, now);
      } catch (error) {
        this.#log.error({ err: error, job: name }, `The run of '${name}' due now could not be queued.`);
      }
    }
    return queued;
  }
}
