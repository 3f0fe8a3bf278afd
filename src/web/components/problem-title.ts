/**
 * The translated headline of a failed request, by its problem type (core/errors/problem.ts, plus the client's
 * `network` and `bad-response`). The server's `detail` is shown under it as the server wrote it.
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

/** The detail under the headline: the server's own words, or the error's message. */
export function problemDetail(error: unknown): string {
  if (isApiError(error)) return error.problem.detail;
  return error instanceof Error ? error.message : '';
}
