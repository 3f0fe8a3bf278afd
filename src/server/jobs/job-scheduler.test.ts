/**
 * The job scheduler on every engine (PGlite in this thread and in its worker thread, PostgreSQL 15), with the
 * clock injected: a test moves the clock and calls `tick()`, as the server's timer would.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_ENGINES, describeEachEngine } from '../../../test/engines.ts';
import type { JobResource } from '../../core/contracts/jobs.ts';
import { ChangeBus } from '../change-bus.ts';
import { type ServerContext, systemActor } from '../context.ts';
import type { JobData, JobDefinition, JobRun } from './job-definition.ts';
import { type JobLog, JobScheduler, type JobSchedulerOptions } from './job-scheduler.ts';
import { listJobs } from './jobs.service.ts';

const ADMIN = systemActor('scheduler-test');
/** 02:59 in Shanghai on 1 July 2024. */
const START = new Date('2024-06-30T18:59:00.000Z');
/** Fast polls and a short stop, so tests wait little. */
const TEST_TIMING = { pollingSeconds: 0.5, stopTimeoutSeconds: 5 } as const;

/** What a handler saw, without its context. */
type SeenRun = Omit<JobRun, 'ctx' | 'signal' | 'actor'>;

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Keeps what the handlers saw, and the scheduler's complaints (instead of printing them). */
class Recorder {
  readonly runs = new Map<string, SeenRun[]>();
  readonly errors: string[] = [];
  readonly log: JobLog = {
    error: (_details, message) => this.errors.push(message),
    warn: () => {},
  };

  record(run: JobRun): void {
    const { ctx: _ctx, signal: _signal, actor: _actor, ...seen } = run;
    this.runs.set(run.name, [...(this.runs.get(run.name) ?? []), seen]);
  }

  of(name: string): SeenRun[] {
    return this.runs.get(name) ?? [];
  }
}

/** A job whose handler records its run and then does `work`. */
function recorded<Data extends JobData>(
  recorder: Recorder,
  definition: Omit<JobDefinition<Data>, 'handler' | 'description'>,
  work: (run: JobRun<Data>) => Promise<Record<string, unknown> | undefined> = async () => undefined,
): JobDefinition<Data> {
  return {
    ...definition,
    description: 'admin.jobs.catalog.sessionCleanup',
    handler: async (run) => {
      recorder.record(run);
      return work(run);
    },
  };
}

function waitUntil(check: () => void | Promise<void>): Promise<void> {
  return vi.waitFor(check, { timeout: 15_000, interval: 100 });
}

describeEachEngine(
  'the job scheduler',
  (getDb, engine) => {
    let now = START;
    let ctx: ServerContext;
    let scheduler: JobScheduler;
    const recorder = new Recorder();
    const slow = gate();
    const slowStarted = gate();
    let recoversAttempts = 0;

    function newScheduler(options: Partial<JobSchedulerOptions> = {}): JobScheduler {
      return new JobScheduler(ctx, {
        timezone: 'Asia/Shanghai',
        timing: TEST_TIMING,
        log: recorder.log,
        ...options,
      });
    }

    async function jobNamed(name: string): Promise<JobResource | undefined> {
      return (await listJobs(ctx, scheduler, ADMIN)).items.find((job) => job.name === name);
    }

    /** Waits until no run of the job waits or runs (a singleton job drops an occurrence while one waits). */
    async function settled(name: string): Promise<void> {
      await waitUntil(async () => {
        const job = await jobNamed(name);
        expect([job?.queued, job?.lastRun?.state === 'active']).toEqual([0, false]);
      });
    }

    beforeAll(async () => {
      ctx = { db: getDb(), now: () => now, changes: new ChangeBus() };
      scheduler = newScheduler();
      scheduler.register(recorded(recorder, { name: 'nightly', cron: '0 3 * * *' }));
      scheduler.register(recorded(recorder, { name: 'hourly', cron: '0 * * * *' }));
      scheduler.register(
        recorded(
          recorder,
          { name: 'flaky', singleton: false, retry: { limit: 1, delaySeconds: 0 } },
          async () => {
            throw new Error('the source system is unreachable');
          },
        ),
      );
      scheduler.register(
        recorded(recorder, { name: 'recovers', retry: { limit: 2, delaySeconds: 0 } }, async () => {
          recoversAttempts += 1;
          if (recoversAttempts === 1) throw new Error('a passing hiccup');
          return { ok: true };
        }),
      );
      scheduler.register(
        recorded<{ patient: string }>(recorder, { name: 'echo', singleton: false }, async (run) => ({
          echoed: run.data.patient,
        })),
      );
      scheduler.register(
        recorded(recorder, { name: 'slow' }, async () => {
          slowStarted.open();
          await slow.opened;
          return undefined;
        }),
      );
      await scheduler.start();
    });

    afterAll(async () => {
      slow.open();
      await scheduler.stop();
    });

    it('runs a cron job when the injected clock passes its time, once, read in its time zone', async () => {
      const due = scheduler.nextRunAt('nightly');
      if (due === null) throw new Error('nightly has a cron expression');
      // 03:00 in Shanghai is 19:00 UTC the day before.
      expect(due.toISOString().slice(11)).toBe('19:00:00.000Z');
      now = new Date(due.getTime() - 60_000);
      const early = (await scheduler.tick()).filter((run) => run.name === 'nightly');
      now = new Date(due.getTime() + 30_000);
      const onTime = (await scheduler.tick()).filter((run) => run.name === 'nightly');
      now = new Date(due.getTime() + 90_000);
      const later = (await scheduler.tick()).filter((run) => run.name === 'nightly');
      expect({ early, onTime: onTime.map((run) => run.dueAt), later }).toEqual({
        early: [],
        onTime: [due],
        later: [],
      });
      await waitUntil(() =>
        expect(recorder.of('nightly').filter((run) => run.dueAt?.getTime() === due.getTime())).toEqual([
          expect.objectContaining({ trigger: 'schedule', attempt: 1, data: {} }),
        ]),
      );
    });

    it('shows a cron job its next run by the injected clock, and its last run once it ran', async () => {
      const due = scheduler.nextRunAt('hourly');
      if (due === null) throw new Error('hourly has a cron expression');
      await settled('hourly');
      now = new Date(due.getTime() + 1_000);
      await scheduler.tick();
      await waitUntil(async () =>
        expect((await jobNamed('hourly'))?.lastRun).toEqual(
          expect.objectContaining({ dueAt: due.toISOString(), state: 'completed' }),
        ),
      );
      expect(await jobNamed('hourly')).toEqual({
        name: 'hourly',
        description: 'admin.jobs.catalog.sessionCleanup',
        cron: '0 * * * *',
        timezone: 'Asia/Shanghai',
        nextRunAt: new Date(due.getTime() + 3_600_000).toISOString(),
        lastRun: {
          id: expect.any(String),
          state: 'completed',
          trigger: 'schedule',
          dueAt: due.toISOString(),
          startedAt: expect.any(String),
          finishedAt: expect.any(String),
          error: null,
          attempt: 1,
        },
        failures: 0,
        queued: 0,
      });
    });

    it('queues one run when two server instances see the same occurrence come due', async () => {
      const second = newScheduler();
      second.register(recorded(recorder, { name: 'hourly', cron: '0 * * * *' }));
      await second.start();
      try {
        await settled('hourly');
        const due = scheduler.nextRunAt('hourly');
        if (due === null) throw new Error('hourly has a cron expression');
        now = new Date(due.getTime() + 5_000);
        const queued = (await Promise.all([scheduler.tick(), second.tick()])).flat();
        expect(queued.filter((run) => run.name === 'hourly').map((run) => run.dueAt)).toEqual([due]);
        await waitUntil(() =>
          expect(recorder.of('hourly').filter((run) => run.dueAt?.getTime() === due.getTime())).toHaveLength(
            1,
          ),
        );
      } finally {
        await second.stop();
      }
    });

    it('retries a failed attempt and then completes', async () => {
      await scheduler.enqueue('recovers');
      await waitUntil(async () => expect((await jobNamed('recovers'))?.lastRun?.state).toBe('completed'));
      expect({
        attempts: recorder.of('recovers').map((run) => run.attempt),
        job: await jobNamed('recovers'),
      }).toEqual({
        attempts: [1, 2],
        job: expect.objectContaining({
          failures: 0,
          lastRun: expect.objectContaining({ attempt: 2, error: null, trigger: 'enqueue' }),
        }),
      });
    });

    it('counts a run that failed for good and shows its error', async () => {
      const before = (await jobNamed('flaky'))?.failures ?? 0;
      await scheduler.enqueue('flaky');
      await waitUntil(async () => expect((await jobNamed('flaky'))?.failures).toBe(before + 1));
      expect(await jobNamed('flaky')).toEqual(
        expect.objectContaining({
          failures: before + 1,
          queued: 0,
          lastRun: expect.objectContaining({
            state: 'failed',
            error: 'the source system is unreachable',
            attempt: 2,
            finishedAt: expect.any(String),
          }),
        }),
      );
    });

    it('logs a failed attempt with the job it belongs to', async () => {
      await scheduler.enqueue('flaky');
      await waitUntil(() => expect(recorder.errors).toContain("The job 'flaky' failed."));
    });

    it('hands the payload to the handler', async () => {
      const runId = await scheduler.enqueue('echo', { patient: 'P-1' });
      await waitUntil(() =>
        expect(recorder.of('echo').find((run) => run.id === runId)).toEqual(
          expect.objectContaining({ data: { patient: 'P-1' }, trigger: 'enqueue', dueAt: null }),
        ),
      );
    });

    it('answers queries while a job runs: the handler holds no lock on the database', async () => {
      await scheduler.enqueue('slow');
      await slowStarted.opened;
      const { rows } = await sql<{ answer: number }>`select 42 as answer`.execute(getDb().kysely);
      slow.open();
      expect(rows).toEqual([{ answer: 42 }]);
    });

    it('answers 404 job.not-found for a job that is not registered', async () => {
      await expect(scheduler.enqueue('no-such-job')).rejects.toMatchObject({
        problem: { status: 404, code: 'job.not-found', params: { name: 'no-such-job' } },
      });
    });

    describe('a server that runs no jobs (HEALTHBSC_JOBS=off)', () => {
      let parked: JobScheduler;
      beforeAll(async () => {
        parked = newScheduler({ runJobs: false });
        parked.register(recorded(recorder, { name: 'parked', cron: '* * * * *' }));
        await parked.start();
      });
      afterAll(() => parked.stop());

      it('queues a run and leaves it waiting for a server that does', async () => {
        expect(await parked.enqueue('parked')).toEqual(expect.any(String));
        expect(recorder.of('parked')).toEqual([]);
      });

      it('keeps one run of a singleton job waiting: queueing another returns null', async () => {
        await parked.enqueue('parked');
        expect(await parked.enqueue('parked')).toBeNull();
      });

      it('queues no cron occurrence', async () => {
        now = new Date(now.getTime() + 3 * 60_000);
        expect(await parked.tick()).toEqual([]);
      });
    });

    describe('stopping', () => {
      it('waits for a running job to finish, so no run is left half done', async () => {
        const release = gate();
        const started = gate();
        const stopping = newScheduler();
        stopping.register(
          recorded(recorder, { name: 'long' }, async () => {
            started.open();
            await release.opened;
            return { finished: true };
          }),
        );
        await stopping.start();
        const runId = await stopping.enqueue('long');
        await started.opened;
        let stopped = false;
        const stop = stopping.stop().then(() => {
          stopped = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        const stoppedBeforeFinish = stopped;
        release.open();
        await stop;
        const { rows } = await sql<{ state: string }>`
          select state::text as state from pgboss.job where id = ${runId}::uuid`.execute(getDb().kysely);
        expect({ stoppedBeforeFinish, rows }).toEqual({
          stoppedBeforeFinish: false,
          rows: [{ state: 'completed' }],
        });
      });

      it('refuses to queue once stopped (503 job.scheduler-stopped)', async () => {
        const stopped = newScheduler();
        stopped.register(recorded(recorder, { name: 'late' }));
        await stopped.start();
        await stopped.stop();
        await expect(stopped.enqueue('late')).rejects.toMatchObject({
          problem: { status: 503, code: 'job.scheduler-stopped' },
        });
      });
    });

    it('refuses to start on a database without the job queue tables', async () => {
      const empty = await engine.openEmptyDb();
      try {
        const unmigrated = new JobScheduler({ ...ctx, db: empty }, { timezone: 'UTC', log: recorder.log });
        await expect(unmigrated.start()).rejects.toThrow(/are the migrations applied\?/);
      } finally {
        await empty.close();
      }
    });
  },
  { engines: ALL_ENGINES },
);

describeEachEngine(
  'registering a job',
  (getDb) => {
    let scheduler: JobScheduler;
    beforeAll(() => {
      scheduler = new JobScheduler(
        { db: getDb(), now: () => START, changes: new ChangeBus() },
        { timezone: 'Asia/Shanghai' },
      );
    });
    const job = (definition: Partial<JobDefinition>): JobDefinition => ({
      name: 'report',
      description: 'admin.jobs.catalog.sessionCleanup',
      handler: async () => undefined,
      ...definition,
    });

    it('refuses a cron expression pg-boss cannot evaluate', () => {
      expect(() => scheduler.register(job({ name: 'bad-cron', cron: '0 3 * * x' }))).toThrow(/Invalid/);
    });

    it('refuses an unknown time zone', () => {
      expect(() =>
        scheduler.register(job({ name: 'bad-zone', cron: '0 3 * * *', timezone: 'Mars/Base' })),
      ).toThrow(/time zone/);
    });

    it('refuses a name that is not kebab-case', () => {
      expect(() => scheduler.register(job({ name: 'Monthly_Report' }))).toThrow(/kebab-case/);
    });

    it('refuses a name registered twice', () => {
      scheduler.register(job({ name: 'twice' }));
      expect(() => scheduler.register(job({ name: 'twice' }))).toThrow(/registered twice/);
    });

    it("reads a job's cron in the scheduler's time zone unless it names its own", () => {
      scheduler.register(job({ name: 'local', cron: '0 3 * * *' }));
      scheduler.register(job({ name: 'utc', cron: '0 3 * * *', timezone: 'UTC' }));
      expect([
        scheduler.nextRunAt('local')?.toISOString(),
        scheduler.nextRunAt('utc')?.toISOString(),
      ]).toEqual(['2024-06-30T19:00:00.000Z', '2024-07-01T03:00:00.000Z']);
    });
  },
  { engines: ['pglite'] },
);
