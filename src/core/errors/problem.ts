/**
 * One error model for the whole product (../shared/STYLE.md habit 2).
 *
 * A `Problem` is plain data shaped like RFC 9457 "problem details": the HTTP layer sends it as
 * `application/problem+json`, the CLI prints it as one line per issue. Code that finds bad input
 * throws a `ProblemError` made by one of the factories below; nothing returns error objects instead.
 */

/** One concrete thing wrong with the input: where (a path inside it) and why. */
export interface ProblemIssue {
  /** Path inside the input, e.g. `['perspectives', 0, 'indicators', 2, 'formula']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** 0-based character offset inside a text field (formulas), when it applies. */
  readonly position?: number;
}

export type ProblemType =
  | 'bad-request'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'too-large'
  | 'too-many-requests'
  | 'internal'
  | 'unavailable';

export interface Problem {
  readonly type: ProblemType;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly issues: readonly ProblemIssue[];
}

const STATUS: Record<ProblemType, { status: number; title: string }> = {
  'bad-request': { status: 400, title: 'Bad request' },
  validation: { status: 400, title: 'Invalid input' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  forbidden: { status: 403, title: 'Forbidden' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  'too-large': { status: 413, title: 'Payload too large' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

/** The one exception type that carries a `Problem`. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

export function makeProblem(
  type: ProblemType,
  detail: string,
  issues: readonly ProblemIssue[] = [],
): Problem {
  const { status, title } = STATUS[type];
  return { type, title, status, detail, issues };
}

/** Input that cannot be used; `path` says where. */
export function badRequest(detail: string, path: readonly (string | number)[] = []): ProblemError {
  return new ProblemError(makeProblem('bad-request', detail, [{ path, message: detail }]));
}

/** Several things wrong with one input, all reported at once. */
export function invalid(detail: string, issues: readonly ProblemIssue[]): ProblemError {
  return new ProblemError(makeProblem('validation', detail, issues));
}

export function notFound(detail: string): ProblemError {
  return new ProblemError(makeProblem('not-found', detail));
}

export function conflict(detail: string): ProblemError {
  return new ProblemError(makeProblem('conflict', detail));
}

export function forbidden(detail = 'You do not have access to this resource.'): ProblemError {
  return new ProblemError(makeProblem('forbidden', detail));
}

export function unauthorized(detail = 'Sign in first.'): ProblemError {
  return new ProblemError(makeProblem('unauthorized', detail));
}

/** Too many attempts (a throttled sign-in); the HTTP layer adds `Retry-After`. */
export function tooManyRequests(detail: string): ProblemError {
  return new ProblemError(makeProblem('too-many-requests', detail));
}

/** The server cannot serve this yet (e.g. a production install with no administrator). */
export function unavailable(detail: string): ProblemError {
  return new ProblemError(makeProblem('unavailable', detail));
}

export function isProblemError(value: unknown): value is ProblemError {
  return value instanceof ProblemError;
}

/** Formats a path like `perspectives[0].indicators[2].formula`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
