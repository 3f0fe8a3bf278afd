import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachEngine, openEmptyDb, postgresUrlOf } from '../../../test/engines.ts';
import { storedDataValues } from '../../../test/fixtures/imports/world.ts';
import {
  createPullWorld,
  type PullWorld,
  STAYS,
  staysProfile,
  writtenCounts,
} from '../../../test/fixtures/pulls/pull-world.ts';
import { pullBodySchema } from '../../core/contracts/pulls.ts';
import type { Db } from '../../db/connect.ts';
import { listPullRuns } from '../../db/repositories/pull.repository.ts';
import { JobScheduler } from '../jobs/job-scheduler.ts';
import { registerServerJobs } from '../jobs/server-jobs.ts';
import { listRunsAs, queuePullRunAs, runPullAs, runQueuedPull } from './pull-run.service.ts';
import { PullRunQueue } from './pull-run-queue.ts';
import { runDuePulls } from './pull-schedule.ts';
import { createConnection, createPull, removePull } from './pulls.service.ts';

const QUERY = `select ward as unit, count(*)::int as stays from stays
  where discharged >= :period_start::date and discharged < :period_end::date group by ward order by ward`;

/** The hospital's database: a throwaway PostgreSQL database on the test cluster. */
let source: Db;
let sourceUrl: URL;

beforeAll(async () => {
  source = await openEmptyDb('postgres');
  sourceUrl = new URL(postgresUrlOf(source));
  await sql`create table stays (ward text, discharged date)`.execute(source.kysely);
  for (const [ward, day] of STAYS) {
    await sql`insert into stays values (${ward}, ${day}::date)`.execute(source.kysely);
  }
}, 120_000);

afterAll(async () => {
  await source?.close();
});

async function setUp(
  world: PullWorld,
  pull: { code: string; query?: string; user?: string; schedule?: string | null },
) {
  const connection = await createConnection(world.ctx, world.actor, {
    code: `${pull.code}_db`,
    orgUnit: world.units.root,
    kind: 'postgres',
    host: sourceUrl.hostname,
    port: Number(sourceUrl.port),
    database: sourceUrl.pathname.slice(1),
    user: pull.user ?? decodeURIComponent(sourceUrl.username),
    password: 'unused-under-trust',
    options: {},
  });
  return createPull(
    world.ctx,
    world.actor,
    pullBodySchema.parse({
      code: pull.code,
      orgUnit: world.units.root,
      connection: connection.code,
      query: pull.query ?? QUERY,
      profile: staysProfile(world),
      // 06:00 on the 3rd of each month, Shanghai time.
      schedule: pull.schedule === undefined ? '0 6 3 * *' : pull.schedule,
      timeZone: 'Asia/Shanghai',
    }),
  );
}

describeEachEngine('database pulls from PostgreSQL', (getDb) => {
  let world: PullWorld;

  beforeAll(async () => {
    world = await createPullWorld(getDb(), 'PLP');
  });

  it('runs nothing before the schedule comes due', async () => {
    await setUp(world, { code: 'monthly' });
    world.setNow('2026-02-02T21:59:00Z'); // 05:59 on 3 February in Shanghai
    expect(await runDuePulls(world.ctx, world.actor)).toEqual([]);
  });

  it('imports on its schedule the month before, and records the run', async () => {
    world.setNow('2026-02-02T22:00:30Z'); // 06:00:30 on 3 February in Shanghai
    const [run, ...others] = await runDuePulls(world.ctx, world.actor);
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      pull: 'monthly',
      trigger: 'schedule',
      dryRun: false,
      period: '2026-01',
      dueAt: '2026-02-02T22:00:00.000Z',
      status: 'succeeded',
      rowsRead: 2,
      valuesImported: 2,
      problems: [],
      finishedAt: '2026-02-02T22:00:30.000Z',
    });
  });

  it('stores the values the query counted', async () => {
    const values = (await storedDataValues(world)).map((v) => [v.orgUnit, v.dataElement, v.period, v.value]);
    expect(values).toEqual([
      ['PLP_ER', 'PLP_beds', '2026-01', 1],
      ['PLP_ICU', 'PLP_beds', '2026-01', 2],
    ]);
  });

  it('runs an occurrence once: the next pass a minute later runs nothing', async () => {
    world.setNow('2026-02-02T22:01:30Z');
    expect(await runDuePulls(world.ctx, world.actor)).toEqual([]);
  });

  it('keeps the run in the pull’s history', async () => {
    const pulls = await world.ctx.db.kysely
      .selectFrom('pull_definition')
      .select('id')
      .where('code', '=', 'monthly')
      .execute();
    const runs = await listPullRuns(world.ctx.db.kysely, Number(pulls[0]?.id));
    expect(runs.map((r) => [r.trigger, r.status, r.period, r.rowsRead, r.valuesImported])).toEqual([
      ['schedule', 'succeeded', '2026-01', 2, 2],
    ]);
  });

  it('a dry run shows what would be imported and writes nothing', async () => {
    const pull = await setUp(world, { code: 'dry', schedule: null });
    const before = await writtenCounts(world);
    const run = await runPullAs(world.ctx, world.actor, pull.id, { dryRun: true, period: '2026-02' });
    expect([run.status, run.dryRun, run.rowsRead, run.valuesImported, run.report?.values.toCreate]).toEqual([
      'succeeded',
      true,
      1,
      1,
      1,
    ]);
    expect(await writtenCounts(world)).toEqual(before);
  });

  it('reports a wrong query by its code and writes nothing', async () => {
    const pull = await setUp(world, {
      code: 'wrongquery',
      query: 'select * from no_such_table',
      schedule: null,
    });
    const before = await writtenCounts(world);
    const run = await runPullAs(world.ctx, world.actor, pull.id, { dryRun: false, period: '2026-01' });
    expect([run.status, run.problems[0]?.code, run.problems[0]?.params.message]).toEqual([
      'failed',
      'pull.query-failed',
      expect.stringContaining('no_such_table'),
    ]);
    expect(await writtenCounts(world)).toEqual(before);
  });

  it('reports a refused login by its code and writes nothing', async () => {
    const pull = await setUp(world, { code: 'wronguser', user: 'nobody_here', schedule: null });
    const before = await writtenCounts(world);
    const run = await runPullAs(world.ctx, world.actor, pull.id, { dryRun: false, period: '2026-02' });
    expect([run.status, run.problems[0]?.code, run.rowsRead]).toEqual(['failed', 'pull.auth-failed', null]);
    expect(await writtenCounts(world)).toEqual(before);
  });

  it('reports rows the profile cannot map and writes none of the rows', async () => {
    const pull = await setUp(world, {
      code: 'unknownunit',
      query: "select 'ICU' as unit, 5 as stays union all select 'NOWHERE', 7",
      schedule: null,
    });
    const before = await writtenCounts(world);
    const run = await runPullAs(world.ctx, world.actor, pull.id, { dryRun: false, period: '2025-12' });
    expect([run.status, run.problems[0]?.code, run.problems[0]?.params.count]).toEqual([
      'failed',
      'pull.mapping-failed',
      1,
    ]);
    expect(await writtenCounts(world)).toEqual(before);
  });

  /** A queue attached to a job that only notes the runs handed to it. */
  function notingQueue(): { queue: PullRunQueue; handed: number[] } {
    const handed: number[] = [];
    const queue = new PullRunQueue();
    queue.attach(async (runId) => {
      handed.push(runId);
    });
    return { queue, handed };
  }

  it('a run by hand is answered at once as queued and handed to the job', async () => {
    const pull = await setUp(world, { code: 'queued', schedule: null });
    const { queue, handed } = notingQueue();
    const run = await queuePullRunAs(world.ctx, queue, world.actor, pull.id, {
      dryRun: true,
      period: '2026-02',
    });
    expect([run.status, run.phase, run.rowsRead, handed]).toEqual(['running', 'queued', null, [run.id]]);
  });

  it('the job runs a queued run as asked and records rows read and values', async () => {
    const pull = await setUp(world, { code: 'jobrun', schedule: null });
    const { queue } = notingQueue();
    const queued = await queuePullRunAs(world.ctx, queue, world.actor, pull.id, {
      dryRun: true,
      period: '2026-02',
    });
    const run = await runQueuedPull(world.ctx, queued.id);
    expect([run?.status, run?.period, run?.rowsRead, run?.valuesImported, run?.startedBy]).toEqual([
      'succeeded',
      '2026-02',
      1,
      1,
      world.actor.id,
    ]);
  });

  it('a queued run taken once is not run again', async () => {
    const pull = await setUp(world, { code: 'twice', schedule: null });
    const { queue } = notingQueue();
    const queued = await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true });
    await runQueuedPull(world.ctx, queued.id);
    expect(await runQueuedPull(world.ctx, queued.id)).toBeNull();
  });

  it('without a job queue the run goes on in this process', async () => {
    const pull = await setUp(world, { code: 'inprocess', schedule: null });
    const queue = new PullRunQueue();
    await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true, period: '2026-02' });
    await queue.drain();
    const runs = await listRunsAs(world.ctx, world.actor, pull.id);
    expect(runs.map((r) => [r.status, r.rowsRead])).toEqual([['succeeded', 1]]);
  });

  /** The server's queue wired as start-up wires it, to a scheduler that runs jobs or not; its enqueues noted. */
  function serverQueue(runJobs: boolean): { queue: PullRunQueue; enqueue: ReturnType<typeof vi.fn> } {
    const scheduler = new JobScheduler(world.ctx, { timezone: 'UTC', runJobs });
    const enqueue = vi.spyOn(scheduler, 'enqueue').mockResolvedValue('job-run-id');
    const queue = new PullRunQueue();
    registerServerJobs(scheduler, { pullRuns: queue });
    return { queue, enqueue };
  }

  it('on a server that runs jobs, a run by hand is handed to the pull-run job', async () => {
    const pull = await setUp(world, { code: 'jobson', schedule: null });
    const { queue, enqueue } = serverQueue(true);
    const run = await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true });
    expect([run.phase, enqueue.mock.calls]).toEqual(['queued', [['pull-run', { runId: run.id }]]]);
  });

  it('on a server that runs no jobs (HEALTHBSC_JOBS=off), a run by hand runs here instead of waiting', async () => {
    const pull = await setUp(world, { code: 'jobsoff', schedule: null });
    const { queue, enqueue } = serverQueue(false);
    await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true, period: '2026-02' });
    await queue.drain();
    const runs = await listRunsAs(world.ctx, world.actor, pull.id);
    expect([runs.map((r) => [r.status, r.rowsRead]), enqueue.mock.calls]).toEqual([[['succeeded', 1]], []]);
  });

  it('a second run while one is queued is refused (409 pull.already-running)', async () => {
    const pull = await setUp(world, { code: 'busy', schedule: null });
    const { queue } = notingQueue();
    await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true });
    await expect(
      queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true }),
    ).rejects.toMatchObject({
      problem: { status: 409, code: 'pull.already-running' },
    });
  });

  it('a job queue that refuses the run leaves it failed (pull.not-queued)', async () => {
    const pull = await setUp(world, { code: 'refused', schedule: null });
    const queue = new PullRunQueue();
    queue.attach(() => Promise.reject(new Error('the scheduler is stopped')));
    const run = await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true });
    expect([run.status, run.problems]).toEqual([
      'failed',
      [{ code: 'pull.not-queued', params: { message: 'the scheduler is stopped' } }],
    ]);
  });

  it('refuses to delete a pull while a run of it is going (409 pull.delete-running)', async () => {
    const pull = await setUp(world, { code: 'deletebusy', schedule: null });
    const { queue } = notingQueue();
    await queuePullRunAs(world.ctx, queue, world.actor, pull.id, { dryRun: true });
    await expect(removePull(world.ctx, world.actor, pull.id)).rejects.toMatchObject({
      problem: { status: 409, code: 'pull.delete-running', params: { pull: 'deletebusy' } },
    });
  });

  it('deletes a pull with its run history once its runs have ended', async () => {
    const pull = await setUp(world, { code: 'deleteidle', schedule: null });
    await runPullAs(world.ctx, world.actor, pull.id, { dryRun: true, period: '2026-02' });
    await removePull(world.ctx, world.actor, pull.id);
    expect(await listPullRuns(world.ctx.db.kysely, pull.id)).toEqual([]);
  });

  it('stores the password encrypted, never in clear', async () => {
    const rows = await world.ctx.db.kysely
      .selectFrom('pull_connection')
      .select('password_encrypted')
      .execute();
    expect(
      rows.map((r) => [r.password_encrypted.startsWith('v1.'), r.password_encrypted.includes('unused')]),
    ).toEqual(rows.map(() => [true, false]));
  });
});
