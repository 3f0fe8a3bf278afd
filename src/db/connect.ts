/**
 * The one door to the database (../shared/STYLE.md habit 7): `connect(config)` picks PGlite or
 * PostgreSQL, and everything above src/db sees the same `Db` and the same values from either.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Listen, listenerOn } from './notifications.ts';
import { openInProcessPglite, type PgliteClient } from './pglite-client.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import { openWorkerPglite } from './pglite-worker-client.ts';
import { copyingPool } from './postgres-copy.ts';
import { postgresTypes } from './postgres-types.ts';
import type { Database } from './schema.ts';

export type DbConfig =
  | {
      readonly engine: 'pglite';
      /** A directory holding the database (created on first use), or `null` for a database in memory. */
      readonly dataDir: string | null;
      /** Host PGlite in a worker thread so queries do not block the event loop. Default `true`. */
      readonly worker?: boolean;
      /** Start a new database from a PGlite dump (`dumpDataDir()`) instead of an empty one. */
      readonly loadDataDir?: Blob;
    }
  | {
      readonly engine: 'postgres';
      /** `postgres://user:password@host:port/database` */
      readonly url: string;
      /** Pool size. Default 10. */
      readonly poolSize?: number;
      /**
       * Milliseconds after which PostgreSQL cancels a statement (its `statement_timeout`; error 57014, which
       * the server answers 503). Default: none. PGlite has no equivalent: it cannot cancel a running query.
       */
      readonly statementTimeoutMs?: number;
    };

/** The rows of SQL run by `Db.runSql`: every statement's, in order. */
export interface SqlRows {
  readonly rows: Record<string, unknown>[];
}

/** Runs SQL text as given (see `Db.runSql`). */
export type RunSql = (text: string, values?: readonly unknown[]) => Promise<SqlRows>;

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs SQL text that Kysely did not compile, for a library that brings its own SQL (the job queue, pg-boss):
   * with `values`, one statement with `$1…$n` parameters; without, a script of one or more statements (it may
   * hold its own `BEGIN … COMMIT`), whose rows come back concatenated. On PGlite it takes the single session
   * the way a Kysely transaction does, so it never lands inside another caller's transaction and a failed
   * script leaves no transaction open. Product code uses `kysely`.
   */
  readonly runSql: RunSql;
  /**
   * PostgreSQL only (./notifications.ts): hears `NOTIFY` on `channel` over a connection of its own, outside the
   * pool. Absent on PGlite, whose database one process holds alone.
   */
  readonly listen?: Listen;
  /** Closes the pool or PGlite (and its worker). Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_POOL_SIZE = 10;

function makeDb(kysely: Kysely<Database>, engine: Db['engine'], runSql: RunSql, listen?: Listen): Db {
  let closing: Promise<void> | undefined;
  return {
    kysely,
    engine,
    runSql,
    ...(listen === undefined ? {} : { listen }),
    close: () => {
      closing ??= kysely.destroy();
      return closing;
    },
  };
}

/** `pg` answers a script with one result per statement, a single statement with one result. */
function rowsOf(result: pg.QueryResult | pg.QueryResult[]): SqlRows {
  return { rows: Array.isArray(result) ? result.flatMap((each) => each.rows ?? []) : result.rows };
}

/**
 * `Db.runSql` on PostgreSQL: `pool.query` runs a parameterless text over the simple protocol (so a script
 * runs whole on one connection), and a connection whose statement failed is closed rather than returned to the
 * pool, so a script that failed inside its `BEGIN` leaves no aborted transaction behind.
 */
function poolRunner(pool: pg.Pool): RunSql {
  return async (text, values = []) => {
    // pg's typings declare one result; a multi-statement text resolves to an array of them.
    const result: pg.QueryResult | pg.QueryResult[] = await pool.query(text, [...values]);
    return rowsOf(result);
  };
}

/**
 * `Db.runSql` on PGlite: the session is taken as a transaction takes it (../pglite-driver.ts). A failed
 * script may stop inside its own `BEGIN`; it is rolled back before the session is handed on.
 */
function pgliteRunner(dialect: PgliteDialect): RunSql {
  return (text, values = []) =>
    dialect.driver.exclusive(async (client) => {
      try {
        if (values.length > 0) return { rows: (await client.query(text, values)).rows };
        return { rows: (await client.exec(text)).flatMap((result) => result.rows) };
      } catch (error) {
        // Outside a transaction PostgreSQL only warns about a ROLLBACK, so this is safe either way.
        await client.exec('rollback').catch(() => {});
        throw error;
      }
    });
}

/** The URL without its password, for error messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable URL)';
  }
}

async function connectPostgres(url: string, poolSize: number, statementTimeoutMs?: number): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: postgresTypes,
    ...(statementTimeoutMs === undefined || statementTimeoutMs <= 0
      ? {}
      : { statement_timeout: statementTimeoutMs }),
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would end the
  // process. The pool drops that client and the next query opens a new one.
  pool.on('error', () => {});
  // copyingPool: bulk value loads send COPY through Kysely's own connections (./postgres-copy.ts).
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
  try {
    await sql`select 1`.execute(kysely);
  } catch (error) {
    await kysely.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`, { cause: error });
  }
  return makeDb(kysely, 'postgres', poolRunner(pool), listenerOn(url));
}

/**
 * Opens the database the configuration names and checks that it answers. PGlite is opened (and, on
 * first use of a directory, initialised: about 2.5 s) before this resolves; PostgreSQL is asked
 * `select 1` so a wrong URL fails here, not on the first request. The schema is not touched: run
 * `migrateToLatest(db)` (./migrate.ts) next.
 *
 * Values come back alike from both engines: int8 and numeric as numbers, date as `YYYY-MM-DD`,
 * timestamptz as Date, bytea as Buffer, jsonb parsed (./value-parsers.ts).
 *
 * @example
 * const db = await connect({ engine: 'pglite', dataDir: null }); // in memory, in a worker thread
 * const { rows } = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db.kysely);
 * await db.close();
 */
export async function connect(config: DbConfig): Promise<Db> {
  if (config.engine === 'postgres') {
    return connectPostgres(config.url, config.poolSize ?? DEFAULT_POOL_SIZE, config.statementTimeoutMs);
  }
  const source = {
    dataDir: config.dataDir,
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  };
  const client: PgliteClient =
    (config.worker ?? true) ? await openWorkerPglite(source) : await openInProcessPglite(source);
  const dialect = new PgliteDialect(client);
  return makeDb(new Kysely<Database>({ dialect }), 'pglite', pgliteRunner(dialect));
}
