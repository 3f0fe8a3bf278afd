import { PGlite, type PGliteOptions, type Results } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PARSED_TYPE_OIDS, parseDate, parseInt8, parseNumeric } from './value-parsers.ts';

/** One statement's outcome, reduced to what the dialect needs and what survives a structured clone. */
export interface PgliteResult {
  readonly rows: Record<string, unknown>[];
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
  /** Rows written by INSERT/UPDATE/DELETE/MERGE/COPY (PGlite sums it over the statements of an `exec`). */
  readonly affectedRows?: number;
  /** The command tag's verb: `SELECT`, `INSERT`, `COMMIT`, `ROLLBACK`, … */
  readonly command?: string;
}

/**
 * What the Kysely driver needs from a PGlite database, wherever it runs: in this thread
 * (`openInProcessPglite`) or in a worker thread (`openWorkerPglite` in ./pglite-worker-client.ts).
 * Both present one session: statements run one after another, and a `begin` holds until `commit`.
 */
export interface PgliteClient {
  /** Runs one statement with `$1…$n` parameters over the extended protocol. */
  query(sql: string, params: readonly unknown[]): Promise<PgliteResult>;
  /** Runs one or more parameterless statements over the simple protocol; one result per statement. */
  exec(sql: string): Promise<PgliteResult[]>;
  close(): Promise<void>;
}

/**
 * PGlite's settings for this product (../shared/STACK.md): without the WAL limits 1 GB of WAL sits in
 * the data directory, and the default `work_mem` makes hash aggregates slow. PGlite writes them into the
 * data directory's postgresql.conf, so a reopened directory keeps them.
 */
export const PGLITE_POSTGRESQL_CONF: readonly string[] = [
  'max_wal_size = 64MB',
  'min_wal_size = 32MB',
  'work_mem = 64MB',
];

/** Where a PGlite database lives and what it starts from. */
export interface PgliteSource {
  /** A directory (created on first use), or `null` for a database in memory. */
  readonly dataDir: string | null;
  /**
   * Start a new database from a dump made by PGlite's `dumpDataDir()` (a backup, a prebuilt demo,
   * a test template) instead of running initdb: about 0.3 s instead of 1.3–2.5 s. Only for memory or an
   * empty directory.
   */
  readonly loadDataDir?: Blob;
}

/**
 * Options for `PGlite.create`: the tuning above, the value parsers shared with `pg`
 * (./value-parsers.ts; PGlite applies element parsers to arrays itself, so arrays need no entry), and the
 * extensions the migrations create (`pg_trgm`, for the audit trail's text search), which PGlite must be
 * given when it starts, as PostgreSQL has them installed with its contrib package.
 */
export function pgliteOptions({ dataDir, loadDataDir }: PgliteSource): PGliteOptions {
  return {
    ...(dataDir === null ? {} : { dataDir }),
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
    postgresqlconf: [...PGLITE_POSTGRESQL_CONF],
    extensions: { pg_trgm },
    parsers: {
      [PARSED_TYPE_OIDS.int8]: parseInt8,
      [PARSED_TYPE_OIDS.numeric]: parseNumeric,
      [PARSED_TYPE_OIDS.date]: parseDate,
    },
  };
}

/** Copies the cloneable parts of a PGlite result (drops `blob` and anything else PGlite may add). */
export function toPgliteResult(result: Results): PgliteResult {
  const out: { -readonly [K in keyof PgliteResult]: PgliteResult[K] } = {
    rows: result.rows,
    fields: result.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
  };
  if (result.affectedRows !== undefined) out.affectedRows = result.affectedRows;
  if (result.command !== undefined) out.command = result.command;
  return out;
}

/**
 * Opens PGlite in this thread. Every query blocks this thread's event loop while it runs, so use it for
 * the CLI, tests and tools; the server uses `openWorkerPglite`.
 *
 * @example const client = await openInProcessPglite({ dataDir: null }); // in memory
 */
export async function openInProcessPglite(source: PgliteSource): Promise<PgliteClient> {
  const pglite = await PGlite.create(pgliteOptions(source));
  return {
    query: async (sql, params) => toPgliteResult(await pglite.query(sql, [...params])),
    exec: async (sql) => (await pglite.exec(sql)).map(toPgliteResult),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
