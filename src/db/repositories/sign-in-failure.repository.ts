/**
 * Failed sign-ins per account and per address (migration 202612062000_sign_in_throttle): the throttle's state,
 * shared by every server on the database. See server/accounts/login-throttle.ts for the rules.
 */
import type { Executor } from './query-helpers.ts';

export type FailureKind = 'account' | 'address';

export interface FailureKey {
  readonly kind: FailureKind;
  readonly key: string;
}

export interface FailureRecord extends FailureKey {
  readonly failures: number;
  readonly refused: number;
  readonly firstAt: Date;
  readonly lastAt: Date;
  readonly blockedUntil: Date | null;
}

const COLUMNS = [
  'kind',
  'key',
  'failures',
  'refused',
  'first_at as firstAt',
  'last_at as lastAt',
  'blocked_until as blockedUntil',
] as const;

/** The rows of these keys (absent keys have none). */
export async function findFailures(db: Executor, keys: readonly FailureKey[]): Promise<FailureRecord[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('sign_in_failure')
    .select(COLUMNS)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('key', '=', k.key)]))))
    .execute();
}

/** The row of a key, locked until the transaction ends (PostgreSQL; PGlite runs one transaction at a time). */
export async function lockFailure(trx: Executor, key: FailureKey): Promise<FailureRecord | undefined> {
  return trx
    .selectFrom('sign_in_failure')
    .select(COLUMNS)
    .where('kind', '=', key.kind)
    .where('key', '=', key.key)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes a key's row as given (created when absent). */
export async function saveFailure(trx: Executor, row: FailureRecord): Promise<void> {
  const values = {
    failures: row.failures,
    refused: row.refused,
    first_at: row.firstAt,
    last_at: row.lastAt,
    blocked_until: row.blockedUntil,
  };
  await trx
    .insertInto('sign_in_failure')
    .values({ kind: row.kind, key: row.key, ...values })
    .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet(values))
    .execute();
}

/** Counts a sign-in refused while blocked (no password was checked). */
export async function countRefused(db: Executor, keys: readonly FailureKey[]): Promise<void> {
  for (const key of keys) {
    await db
      .updateTable('sign_in_failure')
      .set((eb) => ({ refused: eb('refused', '+', 1) }))
      .where('kind', '=', key.kind)
      .where('key', '=', key.key)
      .execute();
  }
}

export async function deleteFailure(trx: Executor, key: FailureKey): Promise<void> {
  await trx.deleteFrom('sign_in_failure').where('kind', '=', key.kind).where('key', '=', key.key).execute();
}

/** Rows whose window began before `before` (ended windows), locked, at most `limit`. */
export async function lockEndedFailures(
  trx: Executor,
  before: Date,
  limit: number,
): Promise<FailureRecord[]> {
  return trx
    .selectFrom('sign_in_failure')
    .select(COLUMNS)
    .where('first_at', '<=', before)
    .orderBy('first_at')
    .limit(limit)
    .forUpdate()
    .execute();
}
