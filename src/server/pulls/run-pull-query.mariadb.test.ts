import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MariaDbServer, startMariaDb } from '../../../test/mariadb-server.ts';
import { isProblemError } from '../../core/errors/problem.ts';
import { type PullConnection, runPullQuery } from './run-pull-query.ts';

const JANUARY = { period_start: '2024-01-01', period_end: '2024-02-01' };
const QUERY =
  'select ward, count(*) as n from stays where discharged >= :period_start and discharged < :period_end group by ward order by ward';

describe('pull queries against MariaDB', () => {
  let server: MariaDbServer;
  let connection: PullConnection;

  beforeAll(async () => {
    server = await startMariaDb();
    const root = await mysql.createConnection(server.rootConfig);
    await root.query('create database his');
    await root.query('create table his.stays (ward varchar(10), discharged date)');
    await root.query(
      "insert into his.stays values ('A', '2024-01-03'), ('A', '2024-01-31'), ('B', '2024-01-15'), ('A', '2024-02-01')",
    );
    await root.query("create user 'reader'@'127.0.0.1' identified by 'right-password'");
    await root.query("grant select, insert on his.* to 'reader'@'127.0.0.1'");
    await root.end();
    connection = {
      dialect: 'mysql',
      host: '127.0.0.1',
      port: server.port,
      database: 'his',
      user: 'reader',
      password: 'right-password',
    };
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('returns the rows of the period, its dates bound as parameters', async () => {
    const result = await runPullQuery(connection, QUERY, JANUARY);
    expect(result.rows.map((r) => [r.ward, Number(r.n)])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
  });

  it('reports a wrong password', async () => {
    const error: unknown = await runPullQuery({ ...connection, password: 'wrong' }, QUERY, JANUARY).catch(
      (e: unknown) => e,
    );
    expect(isProblemError(error) ? [error.problem.code, error.problem.detail] : error).toEqual([
      'pull.auth-failed',
      expect.stringContaining('Access denied'),
    ]);
  });

  it('refuses a write although the user may insert: the pull runs read-only', async () => {
    const error: unknown = await runPullQuery(
      connection,
      "insert into stays values ('C', '2024-01-02')",
      JANUARY,
    ).catch((e: unknown) => e);
    expect(isProblemError(error) ? error.problem.code : error).toBe('pull.query-failed');
    const check = await runPullQuery(connection, 'select count(*) as n from stays', JANUARY);
    expect(Number(check.rows[0]?.n)).toBe(4);
  });
});
