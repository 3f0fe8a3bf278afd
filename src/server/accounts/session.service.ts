/**
 * Signing in and out (issue 4). A sign-in is throttled per account and per address (./login-throttle.ts),
 * checks the password against its argon2id hash (spending the same time when the account does not exist),
 * and on success starts a NEW session: the session a browser presented before signing in, if any, is ended, so
 * a session id planted before sign-in is never the one that signs in (session fixation, OWASP Session
 * Management Cheat Sheet: "renew the session ID after any privilege level change"). Sign-ins and sign-outs are
 * audited with the client's address; failed sign-ins once per account or address per window (login-throttle.ts).
 */
import { canAdminister } from '../../core/access/policy.ts';
import type { LoginBody, SessionResource } from '../../core/contracts/accounts.ts';
import { forbidden, makeProblem, unauthorized } from '../../core/errors/problem.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  deleteSession,
  deleteStaleSessions,
  insertSession,
} from '../../db/repositories/session.repository.ts';
import {
  findUserByEmail,
  findUserById,
  listAssignments,
  type UserRecord,
  updateUser,
} from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import type { AccountsRuntime, RequestAuth } from './accounts.plugin.ts';
import { loadUserPrincipal } from './principals.ts';
import { csrfTokenFor, randomToken, sha256Hex, verifyNothing, verifyPassword } from './secrets.ts';
import { toAssignmentBodies } from './users.service.ts';

export interface SignInInput extends LoginBody {
  readonly address: string | null;
  readonly userAgent: string | null;
  /** The session cookie the browser sent with the sign-in, if any: it is ended. */
  readonly presentedToken: string | undefined;
}

export interface SignedIn {
  /** The new session's secret: the cookie's value. */
  readonly token: string;
  readonly session: SessionResource;
  /** The cookie's lifetime, the session's at most. */
  readonly maxAgeSeconds: number;
}

/** A 429 that tells the client when to try again (the error handler also sends it as `Retry-After`). */
export function retryLater(seconds: number): ExtendedProblemError {
  return new ExtendedProblemError(
    makeProblem('too-many-requests', 'session.too-many-attempts', { seconds }),
    { retryAfter: seconds },
  );
}

async function sessionResource(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  userId: number,
  token: string,
  expiresAt: Date,
): Promise<SessionResource> {
  const db = ctx.db.kysely;
  const user = await findUserById(db, userId);
  if (user === undefined) throw unauthorized('access.sign-in-first');
  const assignments = (await listAssignments(db, { userIds: [userId] })).get(userId) ?? [];
  const principal = await loadUserPrincipal(db, user);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      assignments: toAssignmentBodies(assignments),
      administrator: canAdminister(principal),
    },
    csrfToken: csrfTokenFor(token),
    expiresAt: isoTime(expiresAt),
    demo: runtime.mode === 'demo',
  };
}

/**
 * Signs in: 429 (with `retryAfter`) while throttled, 401 for a wrong email or password (the same answer for an
 * unknown or disabled account), else a new session.
 */
export async function signIn(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  input: SignInInput,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  // Failed and refused attempts are counted (login-throttle.ts) and audited once per window, not per attempt.
  const wait = await runtime.throttle.retryAfter(email, input.address);
  if (wait !== null) throw retryLater(wait);
  const user = await findUserByEmail(ctx.db.kysely, email);
  const valid =
    user === undefined
      ? await verifyNothing(input.password)
      : await verifyPassword(user.passwordHash, input.password);
  if (user === undefined || !valid || user.disabled) {
    await runtime.throttle.fail(email, input.address);
    throw unauthorized('session.wrong-credentials');
  }
  await runtime.throttle.succeed(email);
  return openSession(ctx, runtime, user, input, async () => []);
}

/** What signing in writes besides the session: the account's own changes (a first directory sign-in). */
export type SignInWrites = (trx: Executor) => Promise<readonly AuditEntry[]>;

/**
 * Starts a new session for `user` in one transaction with `writes` (the session a browser presented before is
 * ended, stale sessions of the user removed, the sign-in audited), for a password, OIDC or LDAP sign-in alike.
 */
export async function openSession(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  user: UserRecord,
  input: Pick<SignInInput, 'address' | 'userAgent' | 'presentedToken'> & { readonly via?: string },
  writes: SignInWrites,
): Promise<SignedIn> {
  const token = randomToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + runtime.sessionMaxMs);
  const actor: Actor = {
    id: user.email,
    address: input.address,
    principal: await loadUserPrincipal(ctx.db.kysely, user),
  };
  await commitWrite(ctx, actor, async (trx) => {
    const audit = await writes(trx);
    const endedPresented =
      input.presentedToken !== undefined && input.presentedToken !== ''
        ? await deleteSession(trx, sha256Hex(input.presentedToken))
        : false;
    await deleteStaleSessions(trx, user.id, now, new Date(now.getTime() - runtime.sessionIdleMs));
    await insertSession(trx, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      now,
      expiresAt,
      address: input.address,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await updateUser(trx, user.id, { lastLoginAt: now, now: user.updatedAt });
    return {
      result: undefined,
      audit: [
        ...audit,
        {
          action: 'login',
          entity: 'session',
          entityKey: user.email,
          newValue: {
            expiresAt: isoTime(expiresAt),
            userAgent: input.userAgent?.slice(0, 500) ?? null,
            ...(input.via === undefined ? {} : { via: input.via }),
          },
        },
      ],
      // A new session is no principal anyone keeps. What others may keep changes only when the session the
      // browser presented ends or the account itself changed (a directory sign-in's roles); stale sessions
      // removed here already fail the kept checks (their last activity is the row's).
      touched: endedPresented || audit.length > 0 ? [{ kind: 'accounts' }] : [],
    };
  });
  return {
    token,
    session: await sessionResource(ctx, runtime, user.id, token, expiresAt),
    maxAgeSeconds: Math.floor(runtime.sessionMaxMs / 1000),
  };
}

function requireSession(auth: RequestAuth | null): NonNullable<RequestAuth['session']> {
  if (auth === null) throw unauthorized('access.sign-in-first');
  if (auth.session === undefined) {
    throw forbidden('session.token-has-no-session');
  }
  return auth.session;
}

/** The session of the request: who is signed in, the CSRF token, when it ends, and whether this is a demo. */
export async function currentSession(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  _actor: Actor,
  auth: RequestAuth | null,
): Promise<SessionResource> {
  const session = requireSession(auth);
  return sessionResource(ctx, runtime, session.userId, session.token, session.expiresAt);
}

/** Ends the request's session (audited). */
export async function signOut(ctx: ServerContext, actor: Actor, auth: RequestAuth | null): Promise<void> {
  const session = requireSession(auth);
  await commitWrite(ctx, actor, async (trx) => {
    await deleteSession(trx, sha256Hex(session.token));
    return {
      result: undefined,
      audit: [{ action: 'logout', entity: 'session', entityKey: actor.id }],
      touched: [{ kind: 'accounts' }],
    };
  });
}
