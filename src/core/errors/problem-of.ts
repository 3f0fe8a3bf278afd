/**
 * For tests: the problem an action throws. One helper for every core test that checks a refusal, instead of a
 * copy per test file.
 */
import { isProblemError, type Problem } from './problem.ts';

/**
 * The problem `action` throws; fails the test if it throws something else or nothing.
 *
 * @example problemOf(() => computeAhp([[1, 2], [1, 1]])).code // 'ahp.not-reciprocal'
 */
export function problemOf(action: () => unknown): Problem {
  try {
    action();
  } catch (error) {
    if (isProblemError(error)) return error.problem;
    throw error;
  }
  throw new Error('expected a ProblemError');
}
