/** The linear method (README.md in this folder): 0 at the floor, 1 at the target, a straight line. */
import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import type { Direction } from '../indicators/indicator.ts';
import { quantify } from './index.ts';

const higher: Direction = { kind: 'higher' };
const lower: Direction = { kind: 'lower' };

describe('linear method', () => {
  test.each([
    // Higher: floor 50, target 90 → (actual − 50) / 40.
    ['higher, halfway between floor and target', higher, 70, 90, 50, undefined, 20 / 40],
    ['higher, at the floor', higher, 50, 90, 50, undefined, 0],
    ['higher, below the floor', higher, 30, 90, 50, undefined, 0],
    ['higher, at the target', higher, 90, 90, 50, undefined, 1],
    ['higher, beyond the target with the default cap', higher, 100, 90, 50, undefined, 1],
    ['higher, beyond the target with no cap', higher, 100, 90, 50, null, 50 / 40],
    ['higher, beyond the target with cap 1.1', higher, 100, 90, 50, 1.1, 1.1],
    // Lower: floor 12 (worst), target 6 → (12 − actual) / 6.
    ['lower, halfway between floor and target', lower, 9, 6, 12, undefined, 3 / 6],
    ['lower, at the floor', lower, 12, 6, 12, undefined, 0],
    ['lower, past the floor', lower, 15, 6, 12, undefined, 0],
    ['lower, at the target', lower, 6, 6, 12, undefined, 1],
    ['lower, better than the target with the default cap', lower, 3, 6, 12, undefined, 1],
    ['lower, better than the target with no cap', lower, 3, 6, 12, null, 9 / 6],
  ] as const)('%s', (_name, direction, actual, target, floor, cap, expected) => {
    const method =
      cap === undefined ? { method: 'linear' as const, floor } : { method: 'linear' as const, floor, cap };
    expect(quantify({ actual, target, direction, method })).toEqual({ value: expected });
  });

  test('a missing target gives missing-target', () => {
    const result = quantify({
      actual: 70,
      target: null,
      direction: higher,
      method: { method: 'linear', floor: 50 },
    });
    expect(result).toEqual({ value: null, reason: 'missing-target' });
  });

  test.each([
    ['a higher floor at the target', higher, 90, 90],
    ['a higher floor above the target', higher, 95, 90],
    ['a lower floor below the target', lower, 4, 6],
  ] as const)('%s is rejected with the floor path', (_name, direction, floor, target) => {
    let caught: unknown;
    try {
      quantify({ actual: 80, target, direction, method: { method: 'linear', floor } });
    } catch (error) {
      caught = error;
    }
    expect(isProblemError(caught)).toBe(true);
    if (isProblemError(caught)) {
      expect(caught.problem.type).toBe('validation');
      expect(caught.problem.issues.map((issue) => issue.path)).toEqual([['method', 'floor']]);
    }
  });
});
