/**
 * A daily clean-up of signed-in sessions that can no longer be used (expired, or of a disabled account). A
 * session is checked at each request, so such rows are harmless, but without this they would pile up: one per
 * sign-in, forever. It also closes ended windows of failed sign-ins (../accounts/login-throttle.ts).
 *
 * API tokens need nothing here: a token is not a session (each request presents it, and nothing is kept per
 * use), and revoked or expired tokens stay listed on purpose, for the token list and the audit trail.
 */
import { deleteDeadSessions } from '../../db/repositories/session.repository.ts';
import { LoginThrottle } from '../accounts/login-throttle.ts';
import type { JobDefinition } from './job-definition.ts';

/** Every day at 03:15 in the server's time zone, when hospitals' systems are quiet. */
export const SESSION_CLEANUP_CRON = '15 3 * * *';

/**
 * @example scheduler.register(sessionCleanupJob());
 */
export function sessionCleanupJob(): JobDefinition {
  return {
    name: 'session-cleanup',
    description: 'admin.jobs.catalog.sessionCleanup',
    cron: SESSION_CLEANUP_CRON,
    retry: { limit: 2, delaySeconds: 300 },
    timeoutSeconds: 300,
    handler: async ({ ctx }) => {
      const deletedSessions = await deleteDeadSessions(ctx.db.kysely, ctx.now());
      // Not a commitWrite (nothing to audit): the servers that keep sessions in memory are told here.
      if (deletedSessions > 0) ctx.changes.publish({ kind: 'accounts' });
      return {
        deletedSessions,
        // Failed sign-in windows that have ended: their one audit row each, and their counters removed.
        closedSignInWindows: await new LoginThrottle(ctx).closeEndedWindows(),
      };
    },
  };
}
