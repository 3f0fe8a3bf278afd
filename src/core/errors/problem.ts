/**
 * One error model for the whole product (../shared/STYLE.md habit 2).
 *
 * A `Problem` is plain data shaped like RFC 9457 "problem details": the HTTP layer sends it as
 * `application/problem+json`, the CLI prints it as one line per issue. Code that finds bad input
 * throws a `ProblemError` made by one of the factories below; nothing returns error objects instead. Each
 * problem and each issue carries a code whose wording, in English and Chinese, is in ./messages.
 */
import {
  type MessageParams,
  type ProblemCode,
  type ProblemParams,
  type ProblemParamsArg,
  wordProblem,
} from './messages/index.ts';

export type { MessageParams, ProblemCode, ProblemParams } from './messages/index.ts';

/** One concrete thing wrong with the input: where (a path inside it), why (a code and its parameters). */
export interface ProblemIssue {
  /** Path inside the input, e.g. `['perspectives', 0, 'indicators', 2, 'formula']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, for the client to word in its language (messages/index.ts). */
  readonly code: ProblemCode;
  readonly params: MessageParams;
  /** The code worded in English (for logs, scripts and clients that do not word codes). */
  readonly message: string;
  /** 0-based character offset inside a text field (formulas), when it applies. */
  readonly position?: number;
}

/**
 * A remark worded like a problem without being one (why an encoding was chosen, what a conversion changed):
 * a code, its parameters and the English words.
 */
export interface ProblemNote {
  readonly code: ProblemCode;
  readonly params: MessageParams;
  readonly message: string;
}

/**
 * @example note('request.no-route', { method: 'GET', path: '/x' }).message // 'There is no route GET /x.'
 */
export function note<C extends ProblemCode>(code: C, params: ProblemParams<C>): ProblemNote {
  return { code, params, message: wordProblem(code, params) };
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
  /** Stable: clients branch on it and word it (`import.unknown-org-unit`); never reworded. */
  readonly code: ProblemCode;
  readonly params: MessageParams;
  /** The code worded in English. */
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

/**
 * A problem of a type, its code worded in English as `detail`.
 *
 * @example makeProblem('not-found', 'request.no-route', { method: 'GET', path: '/x' }).detail // 'There is no route GET /x.'
 */
export function makeProblem<C extends ProblemCode>(
  type: ProblemType,
  code: C,
  params: ProblemParams<C>,
  issues: readonly ProblemIssue[] = [],
): Problem {
  return buildProblem(type, code, params, issues);
}

function buildProblem(
  type: ProblemType,
  code: ProblemCode,
  params: MessageParams,
  issues: readonly ProblemIssue[],
): Problem {
  const { status, title } = STATUS[type];
  return { type, title, status, code, params, detail: wordProblem(code, params), issues };
}

/**
 * One issue of an input: where and why.
 *
 * @example issue('zod.too-short', { minimum: 12 }, ['password']).message // 'use at least 12 characters'
 */
export function issue<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
  path: readonly (string | number)[] = [],
  position?: number,
): ProblemIssue {
  return issueOfCode(code, params, path, position);
}

/**
 * An issue whose code is chosen at run time (zod's issues, a code read from a file), so that the type system
 * cannot match its parameters to the code; prefer `issue` wherever the code is written in the source.
 */
export function issueOfCode(
  code: ProblemCode,
  params: MessageParams,
  path: readonly (string | number)[] = [],
  position?: number,
): ProblemIssue {
  const message = wordProblem(code, params);
  return position === undefined ? { path, code, params, message } : { path, code, params, message, position };
}

/** Input that cannot be used; `path` says where (the problem then has one issue with the same code). */
export function badRequest<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
  path: readonly (string | number)[] = [],
): ProblemError {
  return new ProblemError(makeProblem('bad-request', code, params, [issue(code, params, path)]));
}

/** Several things wrong with one input, all reported at once. */
export function invalid<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
  issues: readonly ProblemIssue[],
): ProblemError {
  return new ProblemError(makeProblem('validation', code, params, issues));
}

/** A problem of `type` whose parameters may be left out when its wording has none. */
function simple(type: ProblemType) {
  return <C extends ProblemCode>(code: C, ...rest: ProblemParamsArg<C>): ProblemError => {
    const params: MessageParams = rest[0] ?? {};
    return new ProblemError(buildProblem(type, code, params, []));
  };
}

export const notFound = simple('not-found');
export const conflict = simple('conflict');
/** 403; `access.forbidden` unless a code says more. */
export const forbidden = simple('forbidden');
/** 401; `access.sign-in-first` unless a code says more. */
export const unauthorized = simple('unauthorized');
/** Too many attempts (a throttled sign-in); the HTTP layer adds `Retry-After`. */
export const tooManyRequests = simple('too-many-requests');
/** The server cannot serve this yet (e.g. a production install with no administrator). */
export const unavailable = simple('unavailable');
/** A fault of the program itself, not of the input. */
export const internal = simple('internal');

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
