/**
 * The web client's one error type. Every failed request becomes an `ApiError` carrying an RFC 9457 problem:
 * the server's own problem+json body when it sent one (core/contracts/common.ts `problemSchema`), otherwise a
 * problem made here from the status, so the pages handle a single shape.
 */
import type { z } from 'zod';
import type { problemSchema } from '../../../core/contracts/common.ts';

export type ProblemBody = z.infer<typeof problemSchema>;

/** Problem types the client adds to the server's (core/errors/problem.ts `ProblemType`). */
export type ClientProblemType = 'network' | 'bad-response';

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
  return { type, title, status, detail: `The server answered ${status} ${statusText}`.trim(), issues: [] };
}

/** Whether a parsed JSON body is an RFC 9457 problem as the server sends it. */
export function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null) return false;
  const record: Record<string, unknown> = { ...value };
  return (
    typeof record.type === 'string' &&
    typeof record.title === 'string' &&
    typeof record.status === 'number' &&
    typeof record.detail === 'string' &&
    Array.isArray(record.issues)
  );
}
