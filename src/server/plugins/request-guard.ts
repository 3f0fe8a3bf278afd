/**
 * What keeps one request from freezing or breaking the others (issue 11, part 3), decided before any handler:
 * - every path and query parameter under `/api` is refused (400 `guard.control-character`) when it holds a
 *   control character (U+0000–U+001F, U+007F): no code, period or name has one, and a NUL byte reaching
 *   PostgreSQL is an error of its own (`invalid byte sequence`), which answered 500 before;
 * - heavy requests (rankings, series, imports: `HEAVY_ROUTES`) run at most `maxHeavy` at a time; one more is
 *   refused at once with 503 `guard.busy` and `Retry-After`, rather than queued behind them. On PGlite, which
 *   cannot cancel a running query, this cap is the guard; on PostgreSQL the statement timeout adds to it;
 * - a request still unanswered after `requestTimeoutMs` is answered 503 `guard.timed-out` (the handler may
 *   still finish; its answer is dropped). Imports are left out: their checks report progress for minutes.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, makeProblem } from '../../core/errors/problem.ts';
import { controlCharacterIn } from '../../core/guard/edge-checks.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';

export interface RequestGuardOptions {
  /** Heavy requests served at once; more are refused with 503. Default 8. */
  readonly maxHeavy?: number;
  /** Milliseconds before an unanswered request is answered 503. Default 60,000; 0 turns it off. */
  readonly requestTimeoutMs?: number;
  /** The `Retry-After` of a refused heavy request, in seconds. Default 2. */
  readonly retryAfterSeconds?: number;
}

export const DEFAULT_MAX_HEAVY = 8;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Routes (method and Fastify route URL) whose answer costs seconds of CPU or a whole file's reading. */
export const HEAVY_ROUTES: readonly { readonly method: string; readonly url: string }[] = [
  { method: 'GET', url: '/api/rankings' },
  { method: 'GET', url: '/api/rankings/matrix' },
  { method: 'GET', url: '/api/series' },
  { method: 'POST', url: '/api/imports' },
];

/** Routes the request timeout leaves alone (a whole file checked and written, with progress). */
const UNTIMED = new Set(['POST /api/imports']);

/** `text` with its control characters shown as `?`, shortened, to name a parameter in a problem. */
function shown(text: string): string {
  let out = '';
  for (const char of text.slice(0, 64)) out += controlCharacterIn(char) === null ? char : '?';
  return out;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    // Malformed %-escapes are Fastify's to refuse; what is here is checked as it is.
    return text;
  }
}

/** Refuses a control character anywhere in the raw path or query string, naming the parameter. */
function checkParameters(request: FastifyRequest): void {
  const url = request.raw.url ?? request.url;
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const pathChar = controlCharacterIn(decoded(path));
  if (pathChar !== null) {
    throw badRequest('guard.control-character', { part: 'path', name: shown(path), char: pathChar }, [
      'path',
    ]);
  }
  if (mark < 0) return;
  for (const pair of url.slice(mark + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = decoded(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decoded(pair.slice(equals + 1));
    const char = controlCharacterIn(name) ?? controlCharacterIn(value);
    if (char !== null) {
      const named = shown(name);
      throw badRequest('guard.control-character', { part: 'query', name: named, char }, [named]);
    }
  }
}

function isHeavy(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return HEAVY_ROUTES.some((route) => route.method === request.method && route.url === url);
}

/** Calls `done` once when the answer has gone out or the client went away. */
function whenClosed(reply: FastifyReply, done: () => void): void {
  let called = false;
  reply.raw.once('close', () => {
    if (called) return;
    called = true;
    done();
  });
}

const plugin: FastifyPluginAsync<RequestGuardOptions> = async (app: FastifyInstance, options) => {
  const maxHeavy = options.maxHeavy ?? DEFAULT_MAX_HEAVY;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const retryAfter = options.retryAfterSeconds ?? 2;
  let heavy = 0;

  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api')) return;
    checkParameters(request);
    if (isHeavy(request)) {
      if (heavy >= maxHeavy) {
        throw new ExtendedProblemError(
          makeProblem('unavailable', 'guard.busy', { limit: maxHeavy, seconds: retryAfter }),
          { retryAfter },
        );
      }
      heavy += 1;
      whenClosed(reply, () => {
        heavy -= 1;
      });
    }
    if (timeoutMs > 0 && !UNTIMED.has(`${request.method} ${url}`)) {
      const timer = setTimeout(() => {
        if (reply.sent) return;
        const seconds = Math.ceil(timeoutMs / 1000);
        reply.send(
          new ExtendedProblemError(makeProblem('unavailable', 'guard.timed-out', { seconds }), {
            retryAfter,
          }),
        );
      }, timeoutMs);
      timer.unref();
      whenClosed(reply, () => clearTimeout(timer));
    }
  });
};

/** The plugin, sharing its hook with the whole app (Fastify's `skip-override`, as fastify-plugin sets it). */
export const requestGuardPlugin: FastifyPluginAsync<RequestGuardOptions> = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'healthbsc-request-guard',
});
