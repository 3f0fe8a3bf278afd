/**
 * `/api/jobs` over HTTP, one server per engine: the list with each job's schedule and history, "run now" (audited),
 * and the problems (the full who-may-call-what is in ../authorization-matrix.test.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { auditOf } from '../../../test/fixtures/observe.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { JobList, JobResource, RunJobResult } from '../../core/contracts/jobs.ts';
import { JobScheduler } from './job-scheduler.ts';
import { jobRoutes } from './jobs.routes.ts';
import { registerServerJobs } from './server-jobs.ts';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describeEachEngine('/api/jobs', (getDb) => {
  let server: TestServer;
  let scheduler: JobScheduler | undefined;
  const ran: string[] = [];
  const held = gate();
  const heldStarted = gate();

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      routesFor: (ctx) => {
        const made = new JobScheduler(ctx, {
          timezone: 'Asia/Shanghai',
          timing: { pollingSeconds: 0.5, stopTimeoutSeconds: 5 },
          log: { error: () => {}, warn: () => {} },
        });
        registerServerJobs(made);
        made.register({
          name: 'report-export',
          description: 'admin.jobs.catalog.sessionCleanup',
          handler: async (run) => {
            ran.push(run.id);
            return undefined;
          },
        });
        made.register({
          name: 'held',
          description: 'admin.jobs.catalog.sessionCleanup',
          handler: async () => {
            heldStarted.open();
            await held.opened;
            return undefined;
          },
        });
        scheduler = made;
        return [jobRoutes(made)];
      },
    });
    await scheduler?.start();
  });

  afterAll(async () => {
    held.open();
    // Closing the app stops the scheduler (jobRoutes' onClose), before the suite closes the database.
    await server.close();
  });

  async function job(name: string): Promise<JobResource | undefined> {
    return (await server.request('GET', '/api/jobs'))
      .json<JobList>()
      .items.find((item) => item.name === name);
  }

  it("lists the session clean-up, due daily at 03:15 in the server's time zone", async () => {
    const response = await server.request('GET', '/api/jobs');
    expect([
      response.statusCode,
      response.json<JobList>().items.find((item) => item.name === 'session-cleanup'),
    ]).toEqual([
      200,
      {
        name: 'session-cleanup',
        description: 'admin.jobs.catalog.sessionCleanup',
        cron: '15 3 * * *',
        timezone: 'Asia/Shanghai',
        // TEST_NOW (08:00 UTC) is 16:00 in Shanghai on 30 June 2024: the next 03:15 there is 19:15 UTC.
        nextRunAt: '2024-06-30T19:15:00.000Z',
        lastRun: null,
        failures: 0,
        queued: 0,
      },
    ]);
  });

  it('says whether this server runs the jobs and how many days of runs it keeps', async () => {
    const { runsJobs, historyDays } = (await server.request('GET', '/api/jobs')).json<JobList>();
    expect({ runsJobs, historyDays }).toEqual({ runsJobs: true, historyDays: 14 });
  });

  it('lists the jobs by name', async () => {
    const names = (await server.request('GET', '/api/jobs')).json<JobList>().items.map((item) => item.name);
    expect(names).toEqual([
      'held',
      'mail-send',
      'pull-run',
      'pull-schedule',
      'report-export',
      'report-mail',
      'session-cleanup',
      'survey-reminders',
    ]);
  });

  it('runs a job now: 202 with the queued run, and the run happens', async () => {
    const response = await server.request('POST', '/api/jobs/report-export/run');
    const body = response.json<RunJobResult>();
    expect([response.statusCode, body.job.name]).toEqual([202, 'report-export']);
    await vi.waitFor(() => expect(ran).toContain(body.runId), { timeout: 15_000, interval: 100 });
  });

  it('audits a run by hand: who, which job, which run', async () => {
    const { runId } = (await server.request('POST', '/api/jobs/report-export/run')).json<RunJobResult>();
    const rows = await auditOf(server, 'job', 'report-export');
    expect(rows.filter((row) => isDeepStrictEqual(row.newValue, { runId }))).toEqual([
      expect.objectContaining({
        action: 'run',
        entity: 'job',
        entityKey: 'report-export',
        newValue: { runId },
      }),
    ]);
  });

  it('shows a run by hand as the last run, triggered manually', async () => {
    const { runId } = (await server.request('POST', '/api/jobs/report-export/run')).json<RunJobResult>();
    await vi.waitFor(
      async () =>
        expect((await job('report-export'))?.lastRun).toEqual(
          expect.objectContaining({ id: runId, state: 'completed' }),
        ),
      { timeout: 15_000, interval: 100 },
    );
    expect((await job('report-export'))?.lastRun).toEqual({
      id: runId,
      state: 'completed',
      trigger: 'manual',
      dueAt: null,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      error: null,
      attempt: 1,
    });
  });

  /** One run of `held` running (its handler waits for the gate) and one waiting behind it. */
  async function holdRunningAndWaiting(): Promise<void> {
    await server.request('POST', '/api/jobs/held/run');
    await heldStarted.opened;
    await server.request('POST', '/api/jobs/held/run');
  }

  it('answers 409 job.already-queued while a run waits behind a running one', async () => {
    await holdRunningAndWaiting();
    const refused = await server.request('POST', '/api/jobs/held/run');
    expect([refused.statusCode, refused.json()]).toEqual([
      409,
      {
        type: 'conflict',
        title: 'Conflict',
        status: 409,
        code: 'job.already-queued',
        params: { name: 'held' },
        detail: "The background job 'held' is already waiting to run.",
        issues: [],
      },
    ]);
  });

  it('counts the waiting run as queued', async () => {
    await holdRunningAndWaiting();
    expect((await job('held'))?.queued).toBe(1);
  });

  it('answers 404 job.not-found for a job that does not exist', async () => {
    const response = await server.request('POST', '/api/jobs/no-such-job/run');
    expect([response.statusCode, response.json()]).toEqual([
      404,
      {
        type: 'not-found',
        title: 'Not found',
        status: 404,
        code: 'job.not-found',
        params: { name: 'no-such-job' },
        detail: "There is no background job 'no-such-job'.",
        issues: [],
      },
    ]);
  });

  it('answers 400 job.name-format for a name no job could have', async () => {
    const response = await server.request('POST', '/api/jobs/Monthly_Report/run');
    expect([response.statusCode, response.json<{ issues: unknown[] }>().issues]).toEqual([
      400,
      [
        {
          path: ['name'],
          code: 'job.name-format',
          params: {},
          message: "A job's name is lowercase letters and digits joined by hyphens, such as session-cleanup.",
        },
      ],
    ]);
  });

  it('answers 403 to a user who is not an installation admin, before looking the job up', async () => {
    const viewer = await server.sessionWith([{ role: 'viewer', orgUnit: null }]);
    const list = await server.requestAs(viewer, 'GET', '/api/jobs');
    const run = await server.requestAs(viewer, 'POST', '/api/jobs/no-such-job/run');
    expect([list.statusCode, run.statusCode, run.json<{ detail: string }>().detail]).toEqual([
      403,
      403,
      'This needs the role admin over the whole installation.',
    ]);
  });
});
