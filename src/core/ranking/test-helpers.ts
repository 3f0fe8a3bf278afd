import type { Criterion } from './types.ts';

/** `n` criteria all with the given direction. */
export const directions = (...list: readonly ('higher' | 'lower')[]): Criterion[] =>
  list.map((direction) => ({ direction }));

export const allHigher = (n: number): Criterion[] =>
  Array.from({ length: n }, () => ({ direction: 'higher' }));

export { problemOf } from '../errors/problem-of.ts';
