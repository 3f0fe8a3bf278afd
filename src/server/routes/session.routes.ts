/**
 * `/api/meta` (public: the server's mode, whether it is a demo, whether setup is needed) and `/api/session`:
 * sign in (POST, public), read the session (GET), sign out (DELETE), change one's own password (POST
 * /api/session/password: the current password required; the account's other sessions end). The session lives in an httpOnly,
 * SameSite=Strict cookie; the CSRF token comes back in the body and in the readable `healthbsc_csrf` cookie.
 * `/api/me/last-view` (GET, PUT): the scorecard and unit the user last looked at, kept across machines.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import packageJson from '../../../package.json' with { type: 'json' };
import {
  CSRF_COOKIE,
  changePasswordBodySchema,
  lastViewSchema,
  loginBodySchema,
  metaSchema,
  putLastViewBodySchema,
  SESSION_COOKIE,
  sessionSchema,
} from '../../core/contracts/accounts.ts';
import { ownLastView, saveLastView } from '../accounts/last-view.service.ts';
import { changeOwnPassword } from '../accounts/own-password.service.ts';
import { currentSession, signIn, signOut } from '../accounts/session.service.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses, publicProblemResponses } from '../plugins/route-schemas.ts';

const tags = ['accounts'];

/** The session's cookies after any sign-in (password, OIDC, LDAP). */
export function setSessionCookies(reply: FastifyReply, token: string, csrf: string, maxAge: number): void {
  // `secure: 'auto'`: Secure when the request came over HTTPS (behind a proxy, as X-Forwarded-Proto says when
  // HEALTHBSC_TRUST_PROXY trusts it), so a hospital's plain-HTTP intranet still works.
  const common = { path: '/', sameSite: 'strict', secure: 'auto', maxAge } as const;
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export const sessionRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/meta',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The server: version, mode, whether it is a demo and whether an administrator is needed',
        response: { 200: metaSchema, ...publicProblemResponses() },
      },
    },
    async () => ({
      name: 'HealthBSC' as const,
      version: packageJson.version,
      mode: app.accounts.mode,
      demo: app.accounts.mode === 'demo',
      setupRequired: app.accounts.mode === 'production' && !(await app.accounts.admins.exists()),
      signIn: app.accounts.signInMethods,
    }),
  );

  app.post(
    '/session',
    {
      config: { public: true },
      // An email and a password: a larger body is not a sign-in (and argon2 hashes whatever it is given).
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        summary: 'Sign in: a new session cookie (any earlier one ends) and the CSRF token for writes',
        body: loginBodySchema,
        response: { 200: sessionSchema, ...publicProblemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(app.ctx, app.accounts, {
        ...request.body,
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        presentedToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookies(reply, signedIn.token, signedIn.session.csrfToken, signedIn.maxAgeSeconds);
      return reply.header('cache-control', 'no-store').send(signedIn.session);
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their role assignments, the CSRF token and whether this is a demo',
        response: { 200: sessionSchema, ...problemResponses() },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await currentSession(app.ctx, app.accounts, getActor(request), request.auth)),
  );

  app.delete(
    '/session',
    {
      schema: {
        tags,
        summary: 'Sign out: the session ends and its cookies are cleared',
        response: { 204: z.null().describe('Signed out'), ...problemResponses() },
      },
    },
    async (request, reply) => {
      await signOut(app.ctx, getActor(request), request.auth);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/session/password',
    {
      schema: {
        tags,
        summary: "Change one's own password (the current one required); the account's other sessions end",
        body: changePasswordBodySchema,
        response: { 204: z.null().describe('Changed'), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(app.ctx, getActor(request), request.auth, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me/last-view',
    {
      schema: {
        tags,
        summary: 'The scorecard and unit the signed-in user last looked at (restored at the next sign-in)',
        response: { 200: lastViewSchema, ...problemResponses() },
      },
    },
    async (request) => ownLastView(app.ctx, getActor(request)),
  );

  app.put(
    '/me/last-view',
    {
      schema: {
        tags,
        summary: 'Remember the scorecard and unit the signed-in user looks at',
        body: putLastViewBodySchema,
        response: { 200: lastViewSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => saveLastView(app.ctx, getActor(request), request.body),
  );
};
