import { isProblemError, type Problem } from '../errors/problem.ts';
import type { Criterion } from './types.ts';

/** `n` criteria all with the given direction. */
export const directions = (...list: readonly ('higher' | 'lower')[]): Criterion[] =>
  list.map((direction) => ({ direction }));

export const allHigher = (n: number): Criterion[] =>
  Array.from({ length: n }, () => ({ direction: 'higher' }));

/** The problem an action throws (fails the test if it throws something else or nothing). */
export function problemOf(action: () => unknown): Problem {
  try {
    action();
  } catch (error) {
    if (isProblemError(error)) return error.problem;
    throw error;
  }
  throw new Error('expected a ProblemError');
}
