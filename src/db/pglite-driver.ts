import {
  AbortedTransactionError,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex.ts';
import type { PgliteClient, PgliteResult } from './pglite-client.ts';

const BYTEA_OID = 17;
const BYTEA_ARRAY_OID = 1001;
const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** PGlite returns bytea as Uint8Array, `pg` as Buffer; callers get a Buffer from both (no copy). */
function toBuffers(value: unknown): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return Array.isArray(value) ? value.map(toBuffers) : value;
}

function normaliseRows(result: PgliteResult): Record<string, unknown>[] {
  const byteaColumns = result.fields
    .filter((field) => field.dataTypeID === BYTEA_OID || field.dataTypeID === BYTEA_ARRAY_OID)
    .map((field) => field.name);
  if (byteaColumns.length === 0) return result.rows;
  for (const row of result.rows) {
    for (const name of byteaColumns) row[name] = toBuffers(row[name]);
  }
  return result.rows;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The single PGlite session, as Kysely sees it. */
class PgliteConnection implements DatabaseConnection {
  readonly #client: PgliteClient;

  constructor(client: PgliteClient) {
    this.#client = client;
  }

  /**
   * Statements with parameters go to `query` (extended protocol, one statement). Statements without go
   * to `exec` (simple protocol), which also runs a multi-statement script such as a migration file;
   * routing every parameterless statement there spares us an SQL splitter that would have to know
   * PostgreSQL's quoting, comments and dollar-quoted bodies. The last statement's rows are returned.
   */
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result =
      compiledQuery.parameters.length === 0
        ? (await this.#client.exec(compiledQuery.sql)).at(-1)
        : await this.#client.query(compiledQuery.sql, compiledQuery.parameters);
    if (result === undefined) return { rows: [] };
    // Kysely's row type R is the caller's declaration of what the SQL returns; rows are untyped here.
    const rows = normaliseRows(result) as R[];
    const writes = result.command !== undefined && WRITE_COMMANDS.has(result.command);
    return writes ? { rows, numAffectedRows: BigInt(result.affectedRows ?? 0) } : { rows };
  }

  /** Runs a transaction-control statement and returns its command tag (`COMMIT`, `ROLLBACK`, …). */
  async control(sql: string): Promise<string | undefined> {
    return (await this.#client.exec(sql)).at(-1)?.command;
  }

  // biome-ignore lint/correctness/useYield: it throws before yielding anything.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error(
      'Streaming is not supported on PGlite (nor configured for PostgreSQL): page with limit/offset.',
    );
  }
}

function asPgliteConnection(connection: DatabaseConnection): PgliteConnection {
  if (connection instanceof PgliteConnection) return connection;
  throw new Error('PgliteDriver was handed a connection it did not create.');
}

/**
 * A Kysely driver over one PGlite session (in this thread or in a worker, see ./pglite-client.ts).
 *
 * PGlite is a single PostgreSQL backend: every statement from every caller lands in the same session.
 * So the connection is a mutex: `acquireConnection` waits until no one else holds it, and Kysely holds it
 * from `begin` to `commit`/`rollback` of a transaction. A query from outside a running transaction
 * therefore waits for it instead of slipping into it, and a rolled-back row is never seen or kept.
 * (That is the isolation bug ../shared/STACK.md records for the `kysely-pglite` package.)
 *
 * Consequence: inside `db.transaction().execute(trx => …)`, use `trx`; a query on the outer `db` would
 * wait for the transaction that is waiting for it.
 */
export class PgliteDriver implements Driver {
  readonly #client: PgliteClient;
  readonly #connection: PgliteConnection;
  readonly #mutex = new Mutex();

  constructor(client: PgliteClient) {
    this.#client = client;
    this.#connection = new PgliteConnection(client);
  }

  async init(): Promise<void> {
    // The client is opened before the driver exists (connect() fails early, not on the first query).
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const parts = ['start transaction'];
    if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) parts.push(settings.accessMode);
    await asPgliteConnection(connection).control(parts.join(' '));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // PostgreSQL answers COMMIT with a ROLLBACK tag when an earlier error aborted the transaction.
    if ((await asPgliteConnection(connection).control('commit')) === 'ROLLBACK') {
      throw new AbortedTransactionError();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asPgliteConnection(connection).control('rollback');
  }

  async savepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await asPgliteConnection(connection).control(`savepoint ${quoteIdentifier(savepointName)}`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await asPgliteConnection(connection).control(`rollback to savepoint ${quoteIdentifier(savepointName)}`);
  }

  async releaseSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await asPgliteConnection(connection).control(`release savepoint ${quoteIdentifier(savepointName)}`);
  }

  /**
   * Runs `work` with the session to itself, as a transaction holds it: for SQL that Kysely does not compile
   * (a library's own statements, see `Db.runSql` in ./connect.ts). It waits for any transaction in progress and
   * no Kysely query slips in while it runs.
   */
  async exclusive<T>(work: (client: PgliteClient) => Promise<T>): Promise<T> {
    await this.#mutex.lock();
    try {
      return await work(this.#client);
    } finally {
      this.#mutex.unlock();
    }
  }

  async destroy(): Promise<void> {
    await this.#client.close();
  }
}
