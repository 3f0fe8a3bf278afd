/**
 * The one error handler (../shared/STYLE.md habit 2): every error leaves as an RFC 9457 problem with
 * `content-type: application/problem+json` and the body `{ type, title, status, detail, issues }`.
 * - a ProblemError (services, request validation): its own status and body, plus any extension members (a
 *   `retryAfter` member, in seconds, is also sent as the `Retry-After` header, RFC 9110 §10.2.3);
 * - Fastify's own client errors (malformed JSON, a body over the limit, a wrong content type): their status and
 *   message, which Fastify writes for clients;
 * - an unknown route: 404;
 * - a query PostgreSQL cancelled (its `statement_timeout`, code 57014): 503 `guard.statement-timed-out`;
 * - anything else: 500 with a generic detail and the request id. The error (its stack, SQL text) goes to the
 *   server log only, never to the client.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemCode } from '../../core/errors/messages/index.ts';
import { isProblemError, makeProblem, type Problem, type ProblemType } from '../../core/errors/problem.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TYPES_BY_STATUS: Readonly<Record<number, ProblemType>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  429: 'too-many-requests',
  503: 'unavailable',
};

function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  extensions: Readonly<Record<string, unknown>> = {},
): FastifyReply {
  // Extension members follow the standard ones and never replace them (RFC 9457 §3.2).
  const body: Record<string, unknown> = { ...problem };
  for (const [key, value] of Object.entries(extensions)) if (!(key in body)) body[key] = value;
  const retryAfter = extensions.retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
  // A serializer of our own: the route's response schemas describe its successes, not its problems.
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** The codes of Fastify's own client errors: none of their wordings has parameters. */
type FastifyProblemCode = Extract<
  ProblemCode,
  'request.malformed-json' | 'request.empty-body' | 'request.too-large' | 'request.unsupported-media-type'
>;

/** Fastify's own error codes, as problem codes the client can word. */
const FASTIFY_CODES: Readonly<Record<string, FastifyProblemCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty-body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported-media-type',
  FST_REQ_FILE_TOO_LARGE: 'request.too-large',
  FST_PARTS_LIMIT: 'request.too-large',
  FST_FILES_LIMIT: 'request.too-large',
  FST_FIELDS_LIMIT: 'request.too-large',
};

/**
 * A client error Fastify raised itself (it sets a 4xx `statusCode` and a message written for clients). Its
 * message stays the English `detail` (it names the exact fault); the code lets the client word it.
 */
function fastifyClientProblem(error: FastifyError): Problem | null {
  const status = error.statusCode;
  if (
    status === undefined ||
    status < 400 ||
    status > 499 ||
    typeof error.code !== 'string' ||
    !error.code.startsWith('FST_')
  ) {
    return null;
  }
  const type = TYPES_BY_STATUS[status] ?? 'bad-request';
  const mapped = FASTIFY_CODES[error.code];
  const base =
    mapped !== undefined ? makeProblem(type, mapped, {}) : makeProblem(type, 'request.rejected', { status });
  return {
    ...base,
    detail: error.message,
    status,
    title: TYPES_BY_STATUS[status] === undefined ? (STATUS_CODES[status] ?? base.title) : base.title,
  };
}

/** PostgreSQL's `query_canceled`: the statement timeout (or a cancel) stopped a query. */
const QUERY_CANCELED = '57014';

function isStatementTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === QUERY_CANCELED;
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isStatementTimeout(error)) {
    request.log.warn({ err: error }, 'statement timed out');
    return sendProblem(reply, makeProblem('unavailable', 'guard.statement-timed-out', {}), { retryAfter: 5 });
  }
  if (isProblemError(error)) {
    return sendProblem(reply, error.problem, error instanceof ExtendedProblemError ? error.extensions : {});
  }
  const clientProblem = fastifyClientProblem(error);
  if (clientProblem !== null) return sendProblem(reply, clientProblem);
  request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, makeProblem('internal', 'request.internal', { requestId: request.id }));
}

/** Installs the error and not-found handlers on `app` (call before registering routes). */
export function registerProblemErrors(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    return sendProblem(reply, makeProblem('not-found', 'request.no-route', { method: request.method, path }));
  });
}
