/**
 * The translated headline of a failed request, by its problem type (core/errors/problem.ts, plus the client's
 * `network` and `bad-response`). Under it goes the problem itself, worded from its code (problem-words.ts).
 */
import { isApiError } from '../lib/api/api-error.ts';

export type ProblemTitleKey =
  | 'errors.network'
  | 'errors.unauthorized'
  | 'errors.forbidden'
  | 'errors.notFound'
  | 'errors.badRequest'
  | 'errors.conflict'
  | 'errors.server'
  | 'errors.unknown';

const KEYS: Readonly<Record<string, ProblemTitleKey>> = {
  network: 'errors.network',
  unauthorized: 'errors.unauthorized',
  forbidden: 'errors.forbidden',
  'not-found': 'errors.notFound',
  'bad-request': 'errors.badRequest',
  validation: 'errors.badRequest',
  conflict: 'errors.conflict',
  'too-large': 'errors.badRequest',
  internal: 'errors.server',
  'bad-response': 'errors.server',
};

export function problemTitleKey(error: unknown): ProblemTitleKey {
  return isApiError(error) ? (KEYS[error.problem.type] ?? 'errors.unknown') : 'errors.unknown';
}
