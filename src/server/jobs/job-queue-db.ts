/**
 * pg-boss talks to the database through ours: its `db` option takes anything with `executeSql(text, values)`.
 * On PostgreSQL that is our pool, on PGlite our single session (in its worker thread), both through
 * `Db.runSql` (../../db/connect.ts), so the same scheduler runs on either engine and pg-boss opens no
 * connection of its own.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Db as PgBossDb } from 'pg-boss';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';

/**
 * pg-boss's database: every statement through `Db.runSql`.
 *
 * @example new PgBoss({ db: jobQueueDatabase(db), migrate: false })
 */
export function jobQueueDatabase(db: Db): PgBossDb {
  return { executeSql: (text, values) => db.runSql(text, values) };
}

/**
 * pg-boss's database inside one of our transactions (its `db` option of `send`), so that queueing a run commits
 * or rolls back with the audit row that records it. `send` runs one parameterised statement, which is all this
 * supports (no script).
 */
export function transactionDatabase(trx: Kysely<Database>): PgBossDb {
  return {
    executeSql: async (text, values = []) => {
      const { rows } = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...rows] };
    },
  };
}
