/** The ratio method of seed 002 (002_db9e4dc6af8d1a80.txt §4.2.1, under Table 4.8), its caps and edge cases. */
import { describe, expect, test } from 'vitest';
import type { Direction } from '../indicators/indicator.ts';
import { quantify } from './index.ts';

const higher: Direction = { kind: 'higher' };
const lower: Direction = { kind: 'lower' };
const band: Direction = { kind: 'band', lower: 95, upper: 105 };

describe('ratio method', () => {
  test.each([
    // [direction, actual, target, cap, expected]
    ['higher below target', higher, 16, 20, undefined, 16 / 20],
    ['higher above target, default cap 1', higher, 7.2, 6.9, undefined, 1],
    ['higher above target, no cap', higher, 98, 90, null, 98 / 90],
    ['higher above target, cap 1.05', higher, 98, 90, 1.05, 1.05],
    ['higher with a negative actual (a falling growth rate)', higher, -2, 8, undefined, 0],
    ['lower above target', lower, 37, 30, undefined, 30 / 37],
    ['lower below target, default cap 1', lower, 5, 7.5, undefined, 1],
    ['lower below target, no cap', lower, 5, 7.5, null, 7.5 / 5],
    ['lower with actual 0 and a cap: the best possible', lower, 0, 0.1, undefined, 1],
    ['lower with actual 0 and cap 1.2', lower, 0, 0.1, 1.2, 1.2],
    ['lower with target 0 and actual above it', lower, 2, 0, undefined, 0],
    ['band direction inside the band', band, 103.2, 100, undefined, 1],
    ['band direction on the lower edge', band, 95, 100, undefined, 1],
    ['band direction on the upper edge', band, 105, 100, undefined, 1],
    ['band direction below the band: ratio to the lower edge', band, 76, null, undefined, 76 / 95],
    ['band direction above the band: ratio to the upper edge', band, 120, null, undefined, 105 / 120],
  ] as const)('%s', (_name, direction, actual, target, cap, expected) => {
    const method = cap === undefined ? { method: 'ratio' as const } : { method: 'ratio' as const, cap };
    const result = quantify({ actual, target, direction, method });
    expect(result).toEqual({ value: expected });
  });

  test.each([
    ['higher with target 0', higher, 5, 0, undefined],
    ['higher with a negative target', higher, 5, -1, undefined],
    ['lower with a negative target', lower, 5, -1, undefined],
    ['lower with actual 0 and no cap', lower, 0, 0.1, null],
    ['lower with a negative actual and no cap', lower, -1, 0.1, null],
    [
      'band direction below a band that starts at 0',
      { kind: 'band', lower: 0, upper: 5 },
      -1,
      null,
      undefined,
    ],
    [
      'band direction above a band that ends below 0',
      { kind: 'band', lower: -5, upper: -1 },
      2,
      null,
      undefined,
    ],
  ] as const)('%s has an undefined ratio', (_name, direction, actual, target, cap) => {
    const method = cap === undefined ? { method: 'ratio' as const } : { method: 'ratio' as const, cap };
    expect(quantify({ actual, target, direction, method })).toEqual({
      value: null,
      reason: 'undefined-ratio',
    });
  });

  test('a band direction needs no target number', () => {
    expect(quantify({ actual: 100, target: null, direction: band, method: { method: 'ratio' } })).toEqual({
      value: 1,
    });
  });
});
