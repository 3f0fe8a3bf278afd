/**
 * `COPY … FROM STDIN` and `COPY … TO STDOUT` through Kysely on PostgreSQL, without another dependency: a
 * statement compiled with a `CopyIn` as its one parameter (`copyFrom` below) is sent by the pool's client as a
 * COPY, the `CopyIn`'s text streamed as the data; one compiled with a `CopyOut` (`copyTo`) hands each chunk of
 * the server's output to the `CopyOut`'s callback as it arrives. The statement then runs on the connection of
 * the caller's transaction, like any other, so a bulk load through COPY commits or rolls back with the rest of
 * its write. pg's client accepts any object with `submit` as a query (the interface pg-copy-streams
 * implements); `CopyInQuery` and `CopyOutQuery` are that, for data already in memory and for data read as it
 * comes. PGlite has no such path here: its writers keep their `unnest` statements, its readers `string_agg`.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** The data of a COPY in text format: lines of tab-separated fields, `\N` for null (`copyText`). */
export class CopyIn {
  readonly chunks: readonly string[];

  constructor(chunks: readonly string[]) {
    this.chunks = chunks;
  }
}

/**
 * Where the output of a `COPY … TO STDOUT` goes: `onChunk` is called with each chunk as it arrives. A chunk is
 * a view of the driver's receive buffer, valid only during the call: copy what must outlive it.
 */
export class CopyOut {
  readonly onChunk: (chunk: Buffer) => void;

  constructor(onChunk: (chunk: Buffer) => void) {
    this.onChunk = onChunk;
  }
}

/**
 * Runs `statement`, a `COPY (…) TO STDOUT`, on `db`'s connection, handing its output to `data.onChunk`; only
 * on a Kysely built by `connect` for PostgreSQL. COPY takes no parameters: `statement` must hold only values the
 * caller has checked (numbers it made itself).
 */
export async function copyTo(db: Kysely<Database>, statement: string, data: CopyOut): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(statement, [data]));
}

/**
 * Runs `COPY <target> FROM STDIN` with `data` on `db`'s connection (a transaction's, when `db` is one); only on
 * a Kysely built by `connect` for PostgreSQL. (Kysely reports no row count for COPY: the caller counts.)
 */
export async function copyFrom(db: Kysely<Database>, target: string, data: CopyIn): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`copy ${target} from stdin`, [data]));
}

/** One field of COPY's text format: backslash, tab, newline and carriage return escaped; null as `\N`. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * What pg's client asks of a Submittable (the messages of one simple query), shared by the two COPY directions:
 * the statement is sent as text, the first error kept, the row count read from `COPY n`, and the caller told
 * once the server is ready for the next statement. Each direction handles its own COPY messages.
 */
abstract class CopyQuery {
  readonly #text: string;
  readonly #done: (error: Error | null, rowCount: number) => void;
  protected error: Error | null = null;
  #rowCount = 0;

  constructor(text: string, done: (error: Error | null, rowCount: number) => void) {
    this.#text = text;
    this.#done = done;
  }

  submit(connection: PgConnection): void {
    connection.query(this.#text);
  }

  abstract handleCopyInResponse(connection: PgConnection): void;
  abstract handleCopyData(message: { chunk: Buffer }): void;

  handleCommandComplete(message: { text?: string }): void {
    this.#rowCount = Number(/COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleError(error: Error): void {
    this.error ??= error;
  }

  handleReadyForQuery(): void {
    this.#done(this.error, this.#rowCount);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** pg's Submittable for a COPY FROM STDIN whose data is in memory. */
class CopyInQuery extends CopyQuery {
  readonly #data: CopyIn;

  constructor(text: string, data: CopyIn, done: (error: Error | null, rowCount: number) => void) {
    super(text, done);
    this.#data = data;
  }

  handleCopyInResponse(connection: PgConnection): void {
    for (const chunk of this.#data.chunks) connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
    connection.endCopyFrom();
  }

  handleCopyData(): void {}
}

/** pg's Submittable for a COPY TO STDOUT whose output goes to a callback. */
class CopyOutQuery extends CopyQuery {
  readonly #data: CopyOut;

  constructor(text: string, data: CopyOut, done: (error: Error | null, rowCount: number) => void) {
    super(text, done);
    this.#data = data;
  }

  handleCopyData(message: { chunk: Buffer }): void {
    // An error thrown by the callback must not escape into the driver's message loop: it is kept, the rest of
    // the output ignored, and the statement fails with it once the server is done.
    if (this.error) return;
    try {
      this.#data.onChunk(message.chunk);
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    }
  }

  /** A statement that turned out to be a COPY FROM: refused, so the connection is not left waiting for data. */
  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFail('a COPY TO was expected');
  }
}

type QueryArgs = Parameters<pg.PoolClient['query']>;

/**
 * Wraps a pool for Kysely's PostgresDialect so that its clients send a statement whose one parameter is a
 * `CopyIn` or a `CopyOut` as a COPY (see the file's comment); every other statement goes to pg as it is.
 */
export function copyingPool(pool: pg.Pool): pg.Pool {
  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    const query = client.query.bind(client) as (...args: QueryArgs) => unknown;
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return (...args: QueryArgs) => {
          const [text, values]: readonly unknown[] = args;
          const data = Array.isArray(values) && values.length === 1 ? values[0] : undefined;
          if (typeof text !== 'string' || !(data instanceof CopyIn || data instanceof CopyOut)) {
            return query(...args);
          }
          return new Promise((resolve, reject) => {
            const done = (error: Error | null, rowCount: number): void => {
              if (error) reject(error);
              else resolve({ command: 'COPY', rowCount, rows: [], fields: [] });
            };
            const submittable =
              data instanceof CopyIn ? new CopyInQuery(text, data, done) : new CopyOutQuery(text, data, done);
            (client.query as unknown as (query: CopyInQuery | CopyOutQuery) => void)(submittable);
          });
        };
      },
    });
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return connect;
      return Reflect.get(target, property, receiver);
    },
  });
}
