/**
 * Who sends each request, decided once before any route runs (issue 4). Registered by `buildApp` before the
 * routes; hooks and decorators apply to the whole app.
 *
 * For every route under `/api`:
 * 1. production mode with no administrator yet: 503, except `GET /api/meta`, `GET /api/health/ready` and the API
 *    documentation;
 * 2. `Authorization: Bearer hbsc_…`: an API token (an unknown, revoked or expired one is a 401, never a fallback
 *    to the cookie); otherwise the session cookie, if it names a live session;
 * 3. no principal: 401, unless the route is public (`config: { public: true }`: signing in, `/api/meta`, the docs);
 * 4. a cookie-authenticated write (POST, PUT, PATCH, DELETE) must carry the session's CSRF token in
 *    `x-csrf-token` (403 otherwise). Token-authenticated requests carry no cookie, so they need none.
 * The session or token and its principal come from memory while this process hears every write to the accounts
 * (./principal-cache.ts; each such write publishes `accounts`), so a signed-in request runs no SQL; every check
 * above is still made on each request, against the clock.
 * Routes outside `/api` (the web app's files) are left alone. `getActor` (../plugins/actor.ts) then turns
 * `request.auth` into the services' Actor, and the services apply the policy.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Principal } from '../../core/access/principal.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../core/contracts/accounts.ts';
import { forbidden, unauthorized, unavailable } from '../../core/errors/problem.ts';
import { touchApiToken } from '../../db/repositories/api-token.repository.ts';
import { deleteSession, touchSession } from '../../db/repositories/session.repository.ts';
import { hasInstallationAdmin } from '../../db/repositories/user.repository.ts';
import type { ServerContext } from '../context.ts';
import { type HearingEpoch, NEVER_HEARD } from '../evaluation/known-revisions.ts';
import { LoginThrottle, type ThrottleSettings } from './login-throttle.ts';
import { PrincipalCache, type SessionEntry } from './principal-cache.ts';
import { API_TOKEN_PREFIX, csrfTokenFor, sameSecret, sha256Hex } from './secrets.ts';

export type ServerMode = 'demo' | 'production';

export interface AccountsOptions {
  /** `production` (the default here) refuses to serve data until an administrator exists; `demo` says so. */
  readonly mode?: ServerMode;
  /** A session ends after this long without a request. Default 120 minutes. */
  readonly sessionIdleMinutes?: number;
  /** A session ends this long after sign-in, however active. Default 12 hours. */
  readonly sessionMaxHours?: number;
  readonly throttle?: Partial<ThrottleSettings>;
  /** Which sign-ins besides local accounts the sign-in page offers (../sso): their labels, or null when off. */
  readonly signInMethods?: SignInMethods;
  /**
   * While this process hears every write to the accounts (../evaluation/known-revisions.ts: `ALWAYS_HEARD` on
   * PGlite, the change relay's epoch on PostgreSQL), sessions, tokens and their principals are kept in memory
   * (./principal-cache.ts). Default `NEVER_HEARD`: every request reads them from the database.
   */
  readonly hearing?: HearingEpoch;
}

/** The sign-ins besides local accounts, as `/api/meta` tells the sign-in page. */
export interface SignInMethods {
  readonly oidc: { readonly name: string | null } | null;
  readonly ldap: { readonly name: string | null } | null;
}

/** Whether an administrator exists: once one does, it is not asked again. */
export class AdminPresence {
  readonly #ctx: ServerContext;
  #known = false;
  constructor(ctx: ServerContext) {
    this.#ctx = ctx;
  }
  async exists(): Promise<boolean> {
    if (!this.#known) this.#known = await hasInstallationAdmin(this.#ctx.db.kysely);
    return this.#known;
  }
}

export interface AccountsRuntime {
  readonly mode: ServerMode;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  readonly throttle: LoginThrottle;
  readonly admins: AdminPresence;
  readonly signInMethods: SignInMethods;
  /** The sessions and API tokens with their principals, as this process may keep them. */
  readonly principals: PrincipalCache;
}

/** How a request was authenticated. */
export interface RequestAuth {
  readonly principal: Principal;
  readonly via: 'session' | 'token';
  /** The session's secret token (the cookie's value) and its end, for a session. */
  readonly session?: { readonly token: string; readonly userId: number; readonly expiresAt: Date };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The accounts' settings, the sign-in throttle and whether an administrator exists. */
    readonly accounts: AccountsRuntime;
  }
  interface FastifyRequest {
    /** Who sent the request, or null (set by the accounts plugin before any handler). */
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Served without a principal (signing in, the server's mode). */
    public?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Touch a session or token at most this often (a write per request would be wasted). */
const TOUCH_EVERY_MS = 60_000;

function isDocumentation(url: string): boolean {
  return url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');
}

async function authenticateToken(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  token: string,
): Promise<RequestAuth> {
  const now = ctx.now();
  const tokenHash = sha256Hex(token);
  const row = token.startsWith(API_TOKEN_PREFIX) ? await runtime.principals.token(tokenHash) : undefined;
  if (row === undefined || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) {
    throw unauthorized('token.invalid');
  }
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(ctx.db.kysely, row.id, now);
    runtime.principals.touched(tokenHash, now);
  }
  return { principal: row.principal, via: 'token' };
}

function hasEnded(runtime: AccountsRuntime, session: SessionEntry, now: Date): boolean {
  const idle = now.getTime() - session.lastSeenAt.getTime() > runtime.sessionIdleMs;
  return session.disabled || session.expiresAt <= now || idle;
}

async function authenticateSession(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  token: string,
): Promise<RequestAuth | null> {
  const db = ctx.db.kysely;
  const tokenHash = sha256Hex(token);
  let session = await runtime.principals.session(tokenHash);
  if (session === undefined) return null;
  const now = ctx.now();
  // Another server may have moved its last activity without telling this one: the row decides, not memory.
  if (session.kept && hasEnded(runtime, session, now)) {
    session = await runtime.principals.session(tokenHash, { fresh: true });
    if (session === undefined) return null;
  }
  if (hasEnded(runtime, session, now)) {
    // Not a commitWrite (nothing to audit), so the other servers are told here.
    if (await deleteSession(db, tokenHash)) ctx.changes.publish({ kind: 'accounts' });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, tokenHash, now);
    runtime.principals.touched(tokenHash, now);
  }
  return {
    principal: session.principal,
    via: 'session',
    session: { token, userId: session.userId, expiresAt: session.expiresAt },
  };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw unauthorized('token.bad-header');
  return match[1] ?? null;
}

async function authenticate(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  request: FastifyRequest,
): Promise<RequestAuth | null> {
  const bearer = bearerToken(request);
  if (bearer !== null) return authenticateToken(ctx, runtime, bearer);
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie === undefined || cookie === '' ? null : authenticateSession(ctx, runtime, cookie);
}

function checkCsrf(request: FastifyRequest, auth: RequestAuth): void {
  if (auth.session === undefined || !UNSAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  const expected = csrfTokenFor(auth.session.token);
  if (typeof sent !== 'string' || !sameSecret(sent, expected)) {
    throw forbidden('access.csrf-token-missing', { header: CSRF_HEADER });
  }
}

const plugin: FastifyPluginAsync<AccountsOptions> = async (app: FastifyInstance, options) => {
  const ctx = app.ctx;
  const runtime: AccountsRuntime = {
    mode: options.mode ?? 'production',
    sessionIdleMs: (options.sessionIdleMinutes ?? 120) * 60_000,
    sessionMaxMs: (options.sessionMaxHours ?? 12) * 3_600_000,
    throttle: new LoginThrottle(ctx, options.throttle),
    admins: new AdminPresence(ctx),
    signInMethods: options.signInMethods ?? { oidc: null, ldap: null },
    principals: new PrincipalCache(ctx.db.kysely, ctx.changes, options.hearing ?? NEVER_HEARD),
  };
  await app.register(fastifyCookie);
  app.decorate('accounts', runtime);
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    request.auth = null;
    const url = request.routeOptions.url;
    // No route matched (the 404 handler answers) or not the API (the web app's files): nothing to decide.
    if (url === undefined || !url.startsWith('/api')) return;
    const documentation = isDocumentation(url);
    const isPublic = documentation || request.routeOptions.config.public === true;
    // The readiness check answers for the process, set up or not (a load balancer asks it before anyone can).
    if (
      runtime.mode === 'production' &&
      url !== '/api/meta' &&
      url !== '/api/health/ready' &&
      !documentation
    ) {
      if (!(await runtime.admins.exists())) throw unavailable('access.setup-required');
    }
    const auth = await authenticate(ctx, runtime, request);
    request.auth = auth;
    if (auth === null) {
      if (!isPublic) throw unauthorized('access.sign-in-first');
      return;
    }
    if (!isPublic) checkCsrf(request, auth);
  });
};

/**
 * The plugin, marked to share its hooks and decorators with the whole app (Fastify's `skip-override`, what the
 * fastify-plugin package sets), so they reach routes registered beside it.
 */
export const accountsPlugin: FastifyPluginAsync<AccountsOptions> = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'healthbsc-accounts',
});
