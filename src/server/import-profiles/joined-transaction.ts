/**
 * A context whose database is an open transaction: the services it is handed (the checked imports) write in
 * that transaction instead of opening their own, so several imports commit or roll back together. Kysely
 * refuses `transaction()` on a transaction; here it joins the open one instead.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ServerContext } from '../context.ts';

/**
 * `ctx` with `db.kysely` = `trx`, whose `transaction().execute(fn)` runs `fn(trx)`.
 *
 * @example await ctx.db.kysely.transaction().execute((trx) => commitImport(joinTransaction(ctx, trx), actor, input));
 */
export function joinTransaction(ctx: ServerContext, trx: Transaction<Database>): ServerContext {
  const joined = { execute: <T>(work: (t: Transaction<Database>) => Promise<T>): Promise<T> => work(trx) };
  const kysely: Kysely<Database> = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely's classes keep their state in private fields: call their methods on the transaction itself.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...ctx, db: { ...ctx.db, kysely } };
}
