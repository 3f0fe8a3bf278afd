/**
 * What every route's schema repeats: the problem responses it may send, described for OpenAPI with the
 * `application/problem+json` content type the error handler (./problem-errors.ts) sends.
 */
import { problemSchema } from '../../core/contracts/common.ts';
import { versionConflictProblemSchema } from '../../core/contracts/value-rows.ts';
import { PROBLEM_CONTENT_TYPE } from './problem-errors.ts';

const DESCRIPTIONS = {
  400: 'The request is not valid: every issue with its path.',
  401: 'Not signed in: no session cookie or API token, or one that has ended.',
  403: 'Signed in, but the roles held do not allow this (or not over this org unit), or a write without its CSRF token.',
  404: 'A code in the request names nothing.',
  409: 'The request conflicts with what is stored.',
  429: 'Too many attempts; `Retry-After` says when to try again.',
  500: 'An unexpected error; details are in the server log.',
  503: 'A production server with no administrator yet serves no data.',
} as const;

type ProblemStatus = keyof typeof DESCRIPTIONS;

function problemResponse(status: ProblemStatus) {
  return {
    description: DESCRIPTIONS[status],
    content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
  };
}

/**
 * The OpenAPI responses of the problems a route may send. Every signed-in route may also answer 401 and 403
 * (accounts), and 500 and 503; `publicProblemResponses` leaves out 401 and 403.
 */
export function problemResponses(...statuses: readonly ProblemStatus[]) {
  return publicProblemResponses(401, 403, ...statuses);
}

/** The problems of a route served without signing in (500 and 503 are always included). */
export function publicProblemResponses(...statuses: readonly ProblemStatus[]) {
  const responses: Record<number, ReturnType<typeof problemResponse>> = {};
  for (const status of [...statuses, 500, 503] as const) responses[status] = problemResponse(status);
  return responses;
}

/** The 409 of a batch write, which also carries what is stored now for each conflicting value. */
export const versionConflictResponse = {
  409: {
    description:
      'A `version` did not match what is stored; `current` holds what is stored now. Nothing was written.',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: versionConflictProblemSchema } },
  },
};
