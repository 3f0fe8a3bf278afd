/**
 * The one door to the database (../shared/STYLE.md habit 7): `connect(config)` picks PGlite or
 * PostgreSQL, and everything above src/db sees the same `Db` and the same values from either.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openInProcessPglite, type PgliteClient } from './pglite-client.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import { openWorkerPglite } from './pglite-worker-client.ts';
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
    };

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: 'pglite' | 'postgres';
  /** Closes the pool or PGlite (and its worker). Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_POOL_SIZE = 10;

function makeDb(kysely: Kysely<Database>, engine: Db['engine']): Db {
  let closing: Promise<void> | undefined;
  return {
    kysely,
    engine,
    close: () => {
      closing ??= kysely.destroy();
      return closing;
    },
  };
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

async function connectPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: postgresTypes });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would end the
  // process. The pool drops that client and the next query opens a new one.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(kysely);
  } catch (error) {
    await kysely.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`, { cause: error });
  }
  return makeDb(kysely, 'postgres');
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
    return connectPostgres(config.url, config.poolSize ?? DEFAULT_POOL_SIZE);
  }
  const source = {
    dataDir: config.dataDir,
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  };
  const client: PgliteClient =
    (config.worker ?? true) ? await openWorkerPglite(source) : await openInProcessPglite(source);
  return makeDb(new Kysely<Database>({ dialect: new PgliteDialect(client) }), 'pglite');
}
