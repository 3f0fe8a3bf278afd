import { expect, test } from 'vitest';
import { shouldRetry } from './api-client.ts';
import { ApiError, networkProblem, problemFromStatus } from './api-error.ts';

const network = new ApiError(networkProblem(new TypeError('fetch failed')));

test.each([
  { failures: 0, error: new ApiError(problemFromStatus(404, 'Not Found')), expected: false },
  { failures: 0, error: new ApiError(problemFromStatus(400, 'Bad Request')), expected: false },
  { failures: 0, error: new ApiError(problemFromStatus(401, 'Unauthorized')), expected: false },
  { failures: 0, error: new ApiError(problemFromStatus(503, 'Service Unavailable')), expected: true },
  { failures: 1, error: network, expected: true },
  { failures: 2, error: network, expected: false },
])(
  'retries after $failures failure(s) with status $error.status: $expected',
  ({ failures, error, expected }) => {
    expect(shouldRetry(failures, error)).toBe(expected);
  },
);
