import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, postgresUrlOf } from '../../../test/engines.ts';
import { isProblemError } from '../../core/errors/problem.ts';
import { type PullConnection, runPullQuery } from './run-pull-query.ts';

const JANUARY = { period_start: '2024-01-01', period_end: '2024-02-01' };
const QUERY =
  'select ward, count(*)::int as n from hospital_stays where discharged >= :period_start::date and discharged < :period_end::date group by ward order by ward';

describeEachEngine(
  'pull queries against PostgreSQL',
  (getDb) => {
    let connection: PullConnection;

    beforeAll(async () => {
      const url = new URL(postgresUrlOf(getDb()));
      connection = {
        dialect: 'postgres',
        host: url.hostname,
        port: Number(url.port),
        database: url.pathname.slice(1),
        user: decodeURIComponent(url.username),
        password: 'unused-under-trust',
      };
      await sql`create table hospital_stays (ward text, discharged date)`.execute(getDb().kysely);
      await sql`insert into hospital_stays values ('A', '2024-01-03'), ('A', '2024-01-31'), ('B', '2024-01-15'), ('A', '2024-02-01')`.execute(
        getDb().kysely,
      );
    });

    it('returns the rows of the period, its dates bound as parameters', async () => {
      const result = await runPullQuery(connection, QUERY, JANUARY);
      expect(result).toEqual({
        columns: ['ward', 'n'],
        rows: [
          { ward: 'A', n: 2 },
          { ward: 'B', n: 1 },
        ],
      });
    });

    it('refuses a write: the pull runs in a read-only transaction', async () => {
      const error: unknown = await runPullQuery(
        connection,
        "insert into hospital_stays values ('C', '2024-01-02')",
        JANUARY,
      ).catch((e: unknown) => e);
      expect(isProblemError(error) ? error.problem.code : error).toBe('pull.query-failed');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from hospital_stays`.execute(
        getDb().kysely,
      );
      expect(rows).toEqual([{ n: 4 }]);
    });

    it('reports a wrong user, naming the cause', async () => {
      const error: unknown = await runPullQuery({ ...connection, user: 'nobody_here' }, QUERY, JANUARY).catch(
        (e: unknown) => e,
      );
      expect(isProblemError(error) ? error.problem.detail : error).toContain('nobody_here');
    });

    it('words a refused login as such, not as a wrong query', async () => {
      const error: unknown = await runPullQuery({ ...connection, user: 'nobody_here' }, QUERY, JANUARY).catch(
        (e: unknown) => e,
      );
      expect(isProblemError(error) ? error.problem.code : error).toBe('pull.auth-failed');
    });

    it('words an unreachable server as a connection failure', async () => {
      const error: unknown = await runPullQuery({ ...connection, port: 1 }, QUERY, JANUARY).catch(
        (e: unknown) => e,
      );
      expect(isProblemError(error) ? error.problem.code : error).toBe('pull.connect-failed');
    });

    it('reports a wrong query', async () => {
      const error: unknown = await runPullQuery(connection, 'select * from no_such_table', JANUARY).catch(
        (e: unknown) => e,
      );
      expect(isProblemError(error) ? [error.problem.code, error.problem.detail] : error).toEqual([
        'pull.query-failed',
        expect.stringContaining('no_such_table'),
      ]);
    });

    it('stops a query past its timeout', async () => {
      const error: unknown = await runPullQuery(connection, 'select pg_sleep(5)', JANUARY, {
        timeoutMs: 200,
      }).catch((e: unknown) => e);
      expect(isProblemError(error) ? error.problem.code : error).toBe('pull.timeout');
    });
  },
  { engines: ['postgres'] },
);
