/**
 * Runs a pull's query against a hospital database, read-only and with a timeout: PostgreSQL (`pg`), MySQL and
 * MariaDB (`mysql2`), SQL Server (`tedious`) and Oracle (`oracledb` thin); one file per driver in ./drivers.
 * `:period_start` and `:period_end` are bound as parameters (core/pulls), never spliced into the SQL. A failure
 * is one problem whose code says which step failed — `pull.connect-failed` (unreachable), `pull.auth-failed`
 * (user or password refused), `pull.query-failed` (wrong SQL, a write refused by the read-only transaction),
 * `pull.timeout` — with the driver's first line, which names no row values (the query only reads).
 */
import { badRequest, type ProblemError } from '../../core/errors/problem.ts';
import { bindPeriodParameters, type PeriodParameter } from '../../core/pulls/bind-parameters.ts';
import {
  type DriverFailure,
  failureOf,
  type PullConnection,
  type PullDriver,
  type PullRows,
} from './drivers/driver.ts';
import { mysqlDriver } from './drivers/mysql.ts';
import { oracleDriver } from './drivers/oracle.ts';
import { postgresDriver } from './drivers/postgres.ts';
import { sqlServerDriver } from './drivers/sqlserver.ts';

export type { PullConnection, PullRows } from './drivers/driver.ts';

export interface PullPeriod {
  /** ISO dates: the first day of the period and the first day after it. */
  readonly period_start: string;
  readonly period_end: string;
}

export const DEFAULT_PULL_TIMEOUT_MS = 60_000;

/** Each dialect's driver. */
export const PULL_DRIVERS = {
  postgres: postgresDriver,
  mysql: mysqlDriver,
  sqlserver: sqlServerDriver,
  oracle: oracleDriver,
} satisfies Record<PullConnection['dialect'], PullDriver>;

/** Driver codes of a refused login: PostgreSQL 28P01/28000, MySQL 1045/1044, SQL Server ELOGIN, ORA-01017. */
const AUTH_CODES = new Set([
  '28P01',
  '28000',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ELOGIN',
  'ORA-01017',
]);
/** Driver codes of a query stopped by its time limit: PostgreSQL 57014, mysql2, tedious, ORA-01013 / NJS-123. */
const TIMEOUT_CODES = new Set(['57014', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ETIMEOUT', 'ORA-01013', 'NJS-123']);

function problemOf(step: 'connect' | 'query', failure: DriverFailure, timeoutMs: number): ProblemError {
  const message = failure.message;
  if (step === 'query' && (TIMEOUT_CODES.has(failure.code) || /timeout|timed out/i.test(message))) {
    return badRequest('pull.timeout', { seconds: timeoutMs / 1000 });
  }
  if (step === 'query') return badRequest('pull.query-failed', { message });
  if (AUTH_CODES.has(failure.code) || /password|access denied|authentication/i.test(message)) {
    return badRequest('pull.auth-failed', { message });
  }
  return badRequest('pull.connect-failed', { message });
}

export interface RunPullQueryOptions {
  readonly timeoutMs?: number;
  /** Told when the query starts (after the connection is open), for a run's progress. */
  readonly onQuerying?: () => void;
}

/**
 * The rows of `query` for a period.
 *
 * @example
 * await runPullQuery(connection, 'select ward, count(*) n from stays where d >= :period_start and d < :period_end group by ward',
 *   { period_start: '2024-01-01', period_end: '2024-02-01' })
 */
export async function runPullQuery(
  connection: PullConnection,
  query: string,
  period: PullPeriod,
  options: RunPullQueryOptions = {},
): Promise<PullRows> {
  const bound = bindPeriodParameters(query, connection.dialect);
  const values = bound.parameters.map((name: PeriodParameter) => period[name]);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PULL_TIMEOUT_MS;
  const session = await PULL_DRIVERS[connection.dialect](connection, timeoutMs).catch((error: unknown) => {
    throw problemOf('connect', failureOf(error), timeoutMs);
  });
  try {
    options.onQuerying?.();
    return await session.query(bound.sql, values);
  } catch (error) {
    throw problemOf('query', failureOf(error), timeoutMs);
  } finally {
    await session.close().catch(() => undefined);
  }
}
