/**
 * The band method: seed 002's budget expenditure execution rate F5 (Table 4.9, 103.2 % against 100 %) is on
 * target, so it is kept within a band; here [95, 105] with a tolerance of 10 points.
 */
import { describe, expect, test } from 'vitest';
import type { Direction } from '../indicators/indicator.ts';
import { quantify } from './index.ts';

const nearHundred: Direction = { kind: 'band', lower: 95, upper: 105 };
const method = { method: 'band', tolerance: 10 } as const;

describe('band method', () => {
  test.each([
    ['inside the band (seed 002 F5)', 103.2, 1],
    ['on the lower edge', 95, 1],
    ['on the upper edge', 105, 1],
    ['halfway out below', 90, 0.5],
    ['halfway out above', 110, 0.5],
    ['a quarter of the tolerance out above', 107.5, 0.75],
    ['exactly the tolerance out', 115, 0],
    ['beyond the tolerance below', 70, 0],
    ['beyond the tolerance above', 140, 0],
  ] as const)('%s: %d scores %d', (_name, actual, expected) => {
    const result = quantify({ actual, target: 100, direction: nearHundred, method });
    expect(result.value).toBeCloseTo(expected, 12);
    expect(result.reason).toBeUndefined();
  });

  test('a band with equal edges scores 1 only at that value', () => {
    const exact: Direction = { kind: 'band', lower: 100, upper: 100 };
    expect(quantify({ actual: 100, target: null, direction: exact, method }).value).toBe(1);
    expect(quantify({ actual: 98, target: null, direction: exact, method }).value).toBeCloseTo(0.8, 12);
  });
});
