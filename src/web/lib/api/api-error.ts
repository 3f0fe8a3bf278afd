/**
 * The web client's one error type. Every failed request becomes an `ApiError` carrying an RFC 9457 problem:
 * the server's own problem+json body when it sent one (core/contracts/common.ts `problemSchema`), otherwise a
 * problem made here from the status, so the pages handle a single shape. A problem carries a stable `code` and
 * its `params`, which the pages word in the user's language (components/problem-words.ts); `detail` is the
 * server's English wording.
 */
import type { z } from 'zod';
import type { problemIssueSchema, problemSchema } from '../../../core/contracts/common.ts';

export type ProblemBody = z.infer<typeof problemSchema>;
export type ProblemIssueBody = z.infer<typeof problemIssueSchema>;

/** Problem types the client adds to the server's (core/errors/problem.ts `ProblemType`). */
export type ClientProblemType = 'network' | 'bad-response';

/**
 * Codes of the problems the client makes itself. `request.rejected` is the server's own code for a status
 * without a body; the `client.*` codes are not in the catalog, so the page words them by their title's key
 * (`errors.network`, `errors.server`) and shows the browser's detail.
 */
export const CLIENT_PROBLEM_CODES = {
  rejected: 'request.rejected',
  network: 'client.network',
  badResponse: 'client.bad-response',
} as const;

const TYPES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
};

export class ApiError extends Error {
  readonly problem: ProblemBody;
  constructor(problem: ProblemBody) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }
  /** The HTTP status; 0 when no response came back. */
  get status(): number {
    return this.problem.status;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * A problem for a response that did not carry one (a proxy's HTML error page, an empty body).
 *
 * @example problemFromStatus(502, 'Bad Gateway').type // 'internal'
 */
export function problemFromStatus(status: number, statusText: string): ProblemBody {
  const type = TYPES_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad-response');
  const title = statusText === '' ? `HTTP ${status}` : statusText;
  return {
    type,
    title,
    status,
    code: CLIENT_PROBLEM_CODES.rejected,
    params: { status },
    detail: `The server answered ${status} ${statusText}`.trim(),
    issues: [],
  };
}

/** A problem for a request that got no answer at all (offline, refused, reset). */
export function networkProblem(error: unknown): ProblemBody {
  return {
    type: 'network',
    // i18n-ignore: the problem's own title, for logs; the page shows errors.network instead.
    title: 'Network error',
    status: 0,
    code: CLIENT_PROBLEM_CODES.network,
    params: {},
    detail: error instanceof Error ? error.message : String(error),
    issues: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function paramsOf(value: unknown): ProblemBody['params'] {
  if (!isRecord(value)) return {};
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value)) {
    if (typeof param === 'string' || typeof param === 'number') params[name] = param;
  }
  return params;
}

function issueOf(value: unknown): ProblemIssueBody | null {
  if (!isRecord(value) || typeof value.message !== 'string' || !Array.isArray(value.path)) return null;
  const path = value.path.filter((part) => typeof part === 'string' || typeof part === 'number');
  return {
    path,
    code: typeof value.code === 'string' ? value.code : '',
    params: paramsOf(value.params),
    message: value.message,
    ...(typeof value.position === 'number' ? { position: value.position } : {}),
  };
}

/**
 * A parsed JSON body as a problem, or null when it is not one. A server older than problem codes sends no
 * `code` or `params`: they come out as `''` and `{}`, which no catalog words, so the page shows `detail`.
 * Members beyond RFC 9457's (a 409's `current`, a 429's `retryAfter`) are kept for problem-extensions.ts.
 *
 * @example toProblemBody({ type: 'not-found', title: 'Not found', status: 404, detail: 'x', issues: [] })?.code // ''
 */
export function toProblemBody(value: unknown): ProblemBody | null {
  if (
    !isRecord(value) ||
    typeof value.type !== 'string' ||
    typeof value.title !== 'string' ||
    typeof value.status !== 'number' ||
    typeof value.detail !== 'string' ||
    !Array.isArray(value.issues)
  ) {
    return null;
  }
  return {
    ...value,
    type: value.type,
    title: value.title,
    status: value.status,
    code: typeof value.code === 'string' ? value.code : '',
    params: paramsOf(value.params),
    detail: value.detail,
    issues: value.issues.flatMap((issue) => issueOf(issue) ?? []),
  };
}
