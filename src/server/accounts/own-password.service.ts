/**
 * A signed-in person changes their own password (issue 11): the current password is required (a session left
 * open on a ward's computer must not let a passer-by take the account over), the new one meets the password
 * policy, and every other session of the account ends, so a thief holding an old session is signed out. The
 * change is audited without either password.
 */
import type { ChangePasswordBody } from '../../core/contracts/accounts.ts';
import { badRequest, forbidden, unauthorized } from '../../core/errors/problem.ts';
import { deleteOtherSessionsOfUser } from '../../db/repositories/session.repository.ts';
import { findUserById, updateUser } from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { commitWrite } from '../services/commit-write.ts';
import type { RequestAuth } from './accounts.plugin.ts';
import { hashPassword, sha256Hex, verifyPassword } from './secrets.ts';
import { requirePasswordPolicy } from './users.service.ts';

/**
 * Changes the password of the request's own account: 400 `guard.current-password-wrong` when the current
 * password does not match, 400 `account.password-policy` for a weak new one, 403 for an API token.
 *
 * @example await changeOwnPassword(ctx, actor, request.auth, { currentPassword: 'old…', newPassword: 'new…' });
 */
export async function changeOwnPassword(
  ctx: ServerContext,
  actor: Actor,
  auth: RequestAuth | null,
  body: ChangePasswordBody,
): Promise<void> {
  if (auth === null) throw unauthorized('access.sign-in-first');
  const session = auth.session;
  if (session === undefined) throw forbidden('session.token-has-no-session');
  const user = await findUserById(ctx.db.kysely, session.userId);
  if (user === undefined) throw unauthorized('access.sign-in-first');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw badRequest('guard.current-password-wrong', {}, ['currentPassword']);
  }
  if (body.newPassword === body.currentPassword) {
    throw badRequest('guard.password-unchanged', {}, ['newPassword']);
  }
  requirePasswordPolicy(body.newPassword, user.email);
  const passwordHash = await hashPassword(body.newPassword);
  await commitWrite(ctx, actor, async (trx) => {
    await updateUser(trx, user.id, { passwordHash, now: ctx.now() });
    await deleteOtherSessionsOfUser(trx, user.id, sha256Hex(session.token));
    return {
      result: undefined,
      audit: [
        { action: 'password-change', entity: 'app_user', entityKey: user.email, newValue: { own: true } },
      ],
      touched: [{ kind: 'accounts' }],
    };
  });
}
