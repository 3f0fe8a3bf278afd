/**
 * Signed-in sessions (migration 202611240900_accounts), keyed by the SHA-256 of the cookie's random token: the
 * token itself is never stored.
 */
import type { Executor } from './query-helpers.ts';

export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: number;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly email: string;
  readonly name: string | null;
  readonly disabled: boolean;
}

export async function insertSession(
  trx: Executor,
  session: {
    readonly tokenHash: string;
    readonly userId: number;
    readonly now: Date;
    readonly expiresAt: Date;
    readonly address: string | null;
    readonly userAgent: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      address: session.address,
      user_agent: session.userAgent,
    })
    .execute();
}

/** The session with this token hash and its user, or undefined. */
export async function findSession(db: Executor, tokenHash: string): Promise<SessionRecord | undefined> {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.token_hash as tokenHash',
      's.user_id as userId',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'u.email',
      'u.name',
      'u.disabled',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Records activity on a session (its idle timeout counts from here). */
export async function touchSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<boolean> {
  const result = await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of a user (a disabled account, a changed password). */
export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** Ends every session of a user but the one with `keepTokenHash` (their own password changed in it). */
export async function deleteOtherSessionsOfUser(
  db: Executor,
  userId: number,
  keepTokenHash: string,
): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where('token_hash', '<>', keepTokenHash)
    .execute();
}

/** Removes a user's sessions that have expired or been idle since `idleSince`. */
export async function deleteStaleSessions(
  db: Executor,
  userId: number,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
    .execute();
}

/**
 * Deletes every session that can no longer be used: past its end (`expires_at`), or of a disabled account. A
 * session that went idle ends at the next request and reaches its `expires_at` within hours, so this catches it
 * too. Returns how many were deleted. (The background job `session-cleanup` runs it daily.)
 */
export async function deleteDeadSessions(db: Executor, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('user_id', 'in', eb.selectFrom('app_user').select('id').where('disabled', '=', true)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
