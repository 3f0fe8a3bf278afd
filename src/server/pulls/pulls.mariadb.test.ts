import mysql from 'mysql2/promise';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { storedDataValues } from '../../../test/fixtures/imports/world.ts';
import {
  createPullWorld,
  type PullWorld,
  STAYS,
  staysProfile,
  writtenCounts,
} from '../../../test/fixtures/pulls/pull-world.ts';
import { type MariaDbServer, startMariaDb } from '../../../test/mariadb-server.ts';
import { pullBodySchema } from '../../core/contracts/pulls.ts';
import { runPullAs } from './pull-run.service.ts';
import { runDuePulls } from './pull-schedule.ts';
import { createConnection, createPull } from './pulls.service.ts';

const QUERY = `select ward as unit, count(*) as stays from stays
  where discharged >= :period_start and discharged < :period_end group by ward order by ward`;

let server: MariaDbServer;

beforeAll(async () => {
  server = await startMariaDb();
  const root = await mysql.createConnection(server.rootConfig);
  await root.query('create database his');
  await root.query('create table his.stays (ward varchar(10), discharged date)');
  for (const [ward, day] of STAYS) await root.query('insert into his.stays values (?, ?)', [ward, day]);
  await root.query("create user 'reader'@'127.0.0.1' identified by 'right-password'");
  await root.query("grant select on his.* to 'reader'@'127.0.0.1'");
  await root.end();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function setUp(world: PullWorld, code: string, password: string, schedule: string | null) {
  const connection = await createConnection(world.ctx, world.actor, {
    code: `${code}_db`,
    orgUnit: world.units.root,
    kind: 'mysql',
    host: '127.0.0.1',
    port: server.port,
    database: 'his',
    user: 'reader',
    password,
    options: {},
  });
  return createPull(
    world.ctx,
    world.actor,
    pullBodySchema.parse({
      code,
      orgUnit: world.units.root,
      connection: connection.code,
      query: QUERY,
      profile: staysProfile(world),
      schedule,
      timeZone: 'UTC',
    }),
  );
}

describeEachEngine('database pulls from MariaDB', (getDb) => {
  let world: PullWorld;

  beforeAll(async () => {
    world = await createPullWorld(getDb(), 'PLM');
  });

  it('imports on its schedule (daily at 02:00 UTC, the month before) and records the run', async () => {
    await setUp(world, 'daily', 'right-password', '0 2 * * *');
    world.setNow('2026-02-01T02:00:10Z');
    const runs = await runDuePulls(world.ctx, world.actor);
    expect(
      runs.map((r) => [r.trigger, r.status, r.period, r.dueAt, r.rowsRead, r.valuesImported, r.problems]),
    ).toEqual([['schedule', 'succeeded', '2026-01', '2026-02-01T02:00:00.000Z', 2, 2, []]]);
  });

  it('stores the values MariaDB counted', async () => {
    const values = (await storedDataValues(world)).map((v) => [v.orgUnit, v.period, v.value]);
    expect(values).toEqual([
      ['PLM_ER', '2026-01', 1],
      ['PLM_ICU', '2026-01', 2],
    ]);
  });

  it('reports a wrong password by its code and writes nothing', async () => {
    const pull = await setUp(world, 'wrongpassword', 'wrong-password', null);
    const before = await writtenCounts(world);
    const run = await runPullAs(world.ctx, world.actor, pull.id, { dryRun: false, period: '2026-02' });
    expect([run.status, run.problems[0]?.code, run.problems[0]?.params.message]).toEqual([
      'failed',
      'pull.auth-failed',
      expect.stringContaining('Access denied'),
    ]);
    expect(await writtenCounts(world)).toEqual(before);
  });
});
