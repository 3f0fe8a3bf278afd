import { forbidden } from '../../core/errors/problem.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { findUserByEmail, type UserRecord } from '../../db/repositories/user.repository.ts';
import type { Actor } from '../context.ts';

/** The signed-in user behind the actor (403 `alerts.needs-user` for a token or a system process). */
export async function requireUser(db: Executor, actor: Actor): Promise<UserRecord> {
  if (actor.principal.kind !== 'user') throw forbidden('alerts.needs-user');
  const user = await findUserByEmail(db, actor.principal.userId);
  if (user === undefined) throw forbidden('alerts.needs-user');
  return user;
}
