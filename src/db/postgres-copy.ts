/**
 * `COPY … FROM STDIN` through Kysely on PostgreSQL, without another dependency: a statement compiled with a
 * `CopyIn` as its one parameter (`copyFrom` below) is sent by the pool's client as a COPY, the `CopyIn`'s text
 * streamed as the data. The statement then runs on the connection of the caller's transaction, like any other,
 * so a bulk load through COPY commits or rolls back with the rest of its write. pg's client accepts any object
 * with `submit` as a query (the interface pg-copy-streams implements); `CopyInQuery` is that, for data already
 * in memory. PGlite has no such path here: its writers keep their `unnest` statements.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';

/** The data of a COPY in text format: lines of tab-separated fields, `\N` for null (`copyText`). */
export class CopyIn {
  readonly chunks: readonly string[];

  constructor(chunks: readonly string[]) {
    this.chunks = chunks;
  }
}

/**
 * Runs `COPY <target> FROM STDIN` with `data` on `db`'s connection (a transaction's, when `db` is one); only on
 * a Kysely built by `connect` for PostgreSQL. Returns the number of rows copied.
 */
export async function copyFrom<DB>(db: Kysely<DB>, target: string, data: CopyIn): Promise<number> {
  const result = await db.executeQuery(CompiledQuery.raw(`copy ${target} from stdin`, [data]));
  return Number(result.numAffectedRows ?? 0);
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
}

/** pg's Submittable for a COPY FROM STDIN whose data is in memory. */
class CopyInQuery {
  readonly #text: string;
  readonly #data: CopyIn;
  readonly #done: (error: Error | null, rowCount: number) => void;
  #error: Error | null = null;
  #rowCount = 0;

  constructor(text: string, data: CopyIn, done: (error: Error | null, rowCount: number) => void) {
    this.#text = text;
    this.#data = data;
    this.#done = done;
  }

  submit(connection: PgConnection): void {
    connection.query(this.#text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    for (const chunk of this.#data.chunks) connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    this.#rowCount = Number(/COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleError(error: Error): void {
    this.#error = error;
  }

  handleReadyForQuery(): void {
    this.#done(this.#error, this.#rowCount);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

type QueryArgs = Parameters<pg.PoolClient['query']>;

/**
 * Wraps a pool for Kysely's PostgresDialect so that its clients send a statement whose one parameter is a
 * `CopyIn` as a COPY (see the file's comment); every other statement goes to pg as it is.
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
          if (typeof text !== 'string' || !(data instanceof CopyIn)) return query(...args);
          return new Promise((resolve, reject) => {
            const submittable = new CopyInQuery(text, data, (error, rowCount) => {
              if (error) reject(error);
              else resolve({ command: 'COPY', rowCount, rows: [], fields: [] });
            });
            (client.query as unknown as (query: CopyInQuery) => void)(submittable);
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
