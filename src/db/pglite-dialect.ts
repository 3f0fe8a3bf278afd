/**
 * A Kysely dialect for PGlite, written here on purpose (about 150 lines with ./pglite-driver.ts):
 *
 * - The `kysely-pglite` package broke transaction isolation under concurrency (a rolled-back row was
 *   kept) and pulls in heavy dependencies (../shared/STACK.md).
 * - Kysely's built-in `PGliteDialect` wants a PGlite object in this thread (`query`, `transaction`).
 *   The server hosts PGlite in a worker thread because PGlite blocks its thread for a whole query, so
 *   our driver talks to the small `PgliteClient` interface instead (`query`, `exec`, `close`), which an
 *   in-process PGlite and the worker client both implement.
 * - Migration files are multi-statement scripts, which PGlite only runs through `exec`.
 *
 * The SQL side is PostgreSQL's own: the same adapter, introspector and query compiler as
 * Kysely's PostgresDialect, because PGlite is PostgreSQL.
 */
import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
} from 'kysely';
import type { PgliteClient } from './pglite-client.ts';
import { PgliteDriver } from './pglite-driver.ts';

/**
 * Kysely dialect over an open `PgliteClient`; closing the Kysely instance closes the client.
 *
 * @example new Kysely<Database>({ dialect: new PgliteDialect(await openInProcessPglite({ dataDir: null })) })
 */
export class PgliteDialect implements Dialect {
  /** One driver, so its lock on the session is shared by Kysely and by `driver.exclusive` callers. */
  readonly driver: PgliteDriver;

  constructor(client: PgliteClient) {
    this.driver = new PgliteDriver(client);
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return this.driver;
  }

  // Kysely's interface takes Kysely<any>; unknown is the honest narrowing of it.
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
