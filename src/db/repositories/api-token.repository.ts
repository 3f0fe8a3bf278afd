/**
 * API tokens for integrations (migration 202611240900_accounts), kept as the SHA-256 of the token.
 */
import { sql } from 'kysely';
import type { Executor, PageRows, PageWindow } from './query-helpers.ts';

export interface ApiTokenRecord {
  readonly id: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly lastUsedAt: Date | null;
}

function selectTokens(db: Executor) {
  return db
    .selectFrom('api_token')
    .select([
      'id',
      'name',
      'token_hash as tokenHash',
      'created_by as createdBy',
      'created_at as createdAt',
      'expires_at as expiresAt',
      'revoked_at as revokedAt',
      'revoked_by as revokedBy',
      'last_used_at as lastUsedAt',
    ]);
}

export async function insertApiToken(
  trx: Executor,
  token: {
    readonly name: string;
    readonly tokenHash: string;
    readonly createdBy: string;
    readonly now: Date;
    readonly expiresAt: Date | null;
  },
): Promise<ApiTokenRecord> {
  const { id } = await trx
    .insertInto('api_token')
    .values({
      name: token.name,
      token_hash: token.tokenHash,
      created_by: token.createdBy,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return selectTokens(trx).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function findApiTokenByHash(
  db: Executor,
  tokenHash: string,
): Promise<ApiTokenRecord | undefined> {
  return selectTokens(db).where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findApiTokenById(db: Executor, id: number): Promise<ApiTokenRecord | undefined> {
  return selectTokens(db).where('id', '=', id).executeTakeFirst();
}

export async function findApiTokenByName(db: Executor, name: string): Promise<ApiTokenRecord | undefined> {
  return selectTokens(db).where('name', '=', name).executeTakeFirst();
}

/** One page of tokens, newest first. */
export async function listApiTokens(db: Executor, window: PageWindow): Promise<PageRows<ApiTokenRecord>> {
  const [rows, count] = await Promise.all([
    selectTokens(db).orderBy('id', 'desc').limit(window.limit).offset(window.offset).execute(),
    db.selectFrom('api_token').select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function revokeApiToken(
  trx: Executor,
  id: number,
  by: string,
  now: Date,
): Promise<ApiTokenRecord> {
  await trx.updateTable('api_token').set({ revoked_at: now, revoked_by: by }).where('id', '=', id).execute();
  return selectTokens(trx).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function touchApiToken(db: Executor, id: number, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}
