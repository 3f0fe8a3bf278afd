/**
 * Runs a pull's query against a hospital database, read-only and with a timeout: PostgreSQL through `pg`
 * (`BEGIN READ ONLY` and `statement_timeout`), MySQL/MariaDB through `mysql2` (`START TRANSACTION READ ONLY` and
 * the query's `timeout`). `:period_start` and `:period_end` are bound as parameters (core/pulls). Any failure —
 * a wrong password, a wrong query, a write refused by the read-only transaction, the timeout — is one problem,
 * `extract.pull-failed`, with the driver's first line (which names no row values: the query only reads).
 * SQL Server (`tedious`) and Oracle (`oracledb` thin) are installed but not wired yet.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import { badRequest } from '../../core/errors/problem.ts';
import {
  bindPeriodParameters,
  type PeriodParameter,
  type PullDialect,
} from '../../core/pulls/bind-parameters.ts';

export interface PullConnection {
  readonly dialect: PullDialect;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** Decrypted for this run only (credentials.ts). */
  readonly password: string;
}

export interface PullPeriod {
  /** ISO dates: the first day of the period and the first day after it. */
  readonly period_start: string;
  readonly period_end: string;
}

export interface PullRows {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export const DEFAULT_PULL_TIMEOUT_MS = 60_000;

function failed(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return badRequest('extract.pull-failed', { message: (message.split(/\r?\n/, 1)[0] ?? '').slice(0, 300) });
}

async function pullPostgres(
  connection: PullConnection,
  sql: string,
  values: readonly string[],
  timeoutMs: number,
): Promise<PullRows> {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    statement_timeout: timeoutMs,
    connectionTimeoutMillis: timeoutMs,
  });
  await client.connect();
  try {
    await client.query('BEGIN READ ONLY');
    const result = await client.query({ text: sql, values: [...values] });
    await client.query('ROLLBACK');
    return { columns: result.fields.map((f) => f.name), rows: result.rows };
  } finally {
    await client.end();
  }
}

async function pullMysql(
  connection: PullConnection,
  sql: string,
  values: readonly string[],
  timeoutMs: number,
): Promise<PullRows> {
  const client = await mysql.createConnection({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    connectTimeout: timeoutMs,
    dateStrings: true,
  });
  try {
    await client.query('START TRANSACTION READ ONLY');
    const [rows, fields] = await client.query({ sql, timeout: timeoutMs, values: [...values] });
    await client.query('ROLLBACK');
    const list = Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    return { columns: (fields ?? []).map((f) => f.name), rows: list };
  } finally {
    await client.end();
  }
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
  options: { readonly timeoutMs?: number } = {},
): Promise<PullRows> {
  if (connection.dialect !== 'postgres' && connection.dialect !== 'mysql') {
    throw badRequest('extract.pull-dialect-not-wired', { dialect: connection.dialect });
  }
  const bound = bindPeriodParameters(query, connection.dialect);
  const values = bound.parameters.map((name: PeriodParameter) => period[name]);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PULL_TIMEOUT_MS;
  try {
    return connection.dialect === 'postgres'
      ? await pullPostgres(connection, bound.sql, values, timeoutMs)
      : await pullMysql(connection, bound.sql, values, timeoutMs);
  } catch (error) {
    throw failed(error);
  }
}
