/**
 * Sign-in with the hospital's accounts (issue 17 §4), all public routes:
 * - `GET /api/auth/oidc/login?next=` sends the browser to the OpenID Connect provider (the state in a
 *   short-lived cookie, SameSite=Lax so that it comes back with the provider's redirect);
 * - `GET /api/auth/oidc/callback` completes it: a session, then a small page that moves on to `next`. The
 *   session cookie is SameSite=Strict, which a browser does not send on the redirects of a navigation that began
 *   at the provider's site, so the move to the app is a new navigation from our own page. A failure goes to
 *   `/sign-in?sso-error=<problem code>`, which the sign-in page words;
 * - `POST /api/session/directory` signs in with a directory (LDAP) account, throttled as password sign-ins are.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GroupMapping } from '../../core/access/directory-mapping.ts';
import { directoryLoginBodySchema, SESSION_COOKIE, sessionSchema } from '../../core/contracts/accounts.ts';
import { notFound, ProblemError, unauthorized, unavailable } from '../../core/errors/problem.ts';
import { retryLater } from '../accounts/session.service.ts';
import { publicProblemResponses } from '../plugins/route-schemas.ts';
import { setSessionCookies } from '../routes/session.routes.ts';
import { signInExternal } from './external-sign-in.ts';
import { authenticateWithDirectory, DirectoryUnavailableError } from './ldap.ts';
import { OIDC_LOGIN_TTL_MS, OidcSignIn } from './oidc.ts';
import type { SsoSettings } from './sso-settings.ts';

const tags = ['accounts'];
const STATE_COOKIE = 'hbsc_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';

/** A path inside the app to go to after signing in; anything else (another site, `//host`) is `/`. */
function pathInApp(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return '/';
  return next.startsWith('/api/') ? '/' : next;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The page that moves on to the app once the session cookie is set (see the module comment). */
function continuePage(next: string): string {
  const href = escapeHtml(next);
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>HealthBSC</title></head><body><p><a href="${href}">HealthBSC</a></p></body></html>`;
}

export function ssoRoutes(settings: SsoSettings, mapping: readonly GroupMapping[]): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const oidc = settings.oidc === null ? null : new OidcSignIn(settings.oidc);

    app.get(
      '/auth/oidc/login',
      {
        config: { public: true },
        schema: {
          tags,
          summary: "Sign in through the hospital's OpenID Connect provider: a redirect to it",
          querystring: z.object({ next: z.string().max(2000).optional() }).strict(),
          response: publicProblemResponses(404),
        },
      },
      async (request, reply) => {
        if (oidc === null) throw notFound('sso.oidc-off');
        const { url, state } = await oidc.begin(app.ctx, pathInApp(request.query.next));
        reply.setCookie(STATE_COOKIE, state, {
          path: STATE_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          maxAge: OIDC_LOGIN_TTL_MS / 1000,
        });
        return reply.header('cache-control', 'no-store').redirect(url);
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { public: true },
        schema: {
          tags,
          summary: "The OpenID Connect provider's redirect back: a session, then on to the app",
          // The provider's parameters (code, state, iss, session_state, error…) are read from the URL as a whole.
          querystring: z.record(z.string(), z.string()),
          response: {
            200: z.string().describe('an HTML page moving on to the app'),
            ...publicProblemResponses(404),
          },
        },
      },
      async (request, reply) => {
        if (oidc === null || settings.publicUrl === null) throw notFound('sso.oidc-off');
        reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
        reply.header('cache-control', 'no-store');
        try {
          // The URL as the provider redirected to it: the public address, not the Host header.
          const callbackUrl = new URL(request.url, settings.publicUrl);
          const { person, next } = await oidc.complete(app.ctx, callbackUrl, request.cookies[STATE_COOKIE]);
          const signedIn = await signInExternal(app.ctx, app.accounts, mapping, person, {
            address: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            presentedToken: request.cookies[SESSION_COOKIE],
          });
          setSessionCookies(reply, signedIn.token, signedIn.session.csrfToken, signedIn.maxAgeSeconds);
          return reply.type('text/html; charset=utf-8').send(continuePage(next));
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          request.log.warn({ code: error.problem.code }, 'an OpenID Connect sign-in failed');
          return reply.redirect(`/sign-in?sso-error=${encodeURIComponent(error.problem.code)}`);
        }
      },
    );

    app.post(
      '/session/directory',
      {
        config: { public: true },
        bodyLimit: 16 * 1024,
        schema: {
          tags,
          summary: 'Sign in with a directory (LDAP / Active Directory) account: a new session cookie',
          body: directoryLoginBodySchema,
          response: { 200: sessionSchema, ...publicProblemResponses(400, 401, 403, 404, 429, 503) },
        },
      },
      async (request, reply) => {
        if (settings.ldap === null) throw notFound('sso.ldap-off');
        const login = request.body.login.trim().toLowerCase();
        const throttle = app.accounts.throttle;
        const wait = await throttle.retryAfter(login, request.ip);
        if (wait !== null) throw retryLater(wait);
        let person: Awaited<ReturnType<typeof authenticateWithDirectory>>;
        try {
          person = await authenticateWithDirectory(settings.ldap, request.body.login, request.body.password);
        } catch (error) {
          if (error instanceof DirectoryUnavailableError) {
            request.log.warn({ err: error.cause }, 'the directory server could not be asked');
            throw unavailable('sso.directory-unreachable');
          }
          throw error;
        }
        if (person === null) {
          await throttle.fail(login, request.ip);
          throw unauthorized('session.wrong-credentials');
        }
        await throttle.succeed(login);
        const signedIn = await signInExternal(
          app.ctx,
          app.accounts,
          mapping,
          { provider: 'ldap', ...person, emailVerified: true },
          {
            address: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            presentedToken: request.cookies[SESSION_COOKIE],
          },
        );
        setSessionCookies(reply, signedIn.token, signedIn.session.csrfToken, signedIn.maxAgeSeconds);
        return reply.header('cache-control', 'no-store').send(signedIn.session);
      },
    );
  };
}
