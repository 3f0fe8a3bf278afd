/** The thresholds method (README.md in this folder): the first rule whose [min, max) holds the actual wins. */
import { describe, expect, test } from 'vitest';
import type { Direction } from '../indicators/indicator.ts';
import { quantify, type ThresholdRule } from './index.ts';

const higher: Direction = { kind: 'higher' };

// A step scale for a success rate in %: full marks from 95, part marks in [85, 95), a gap in [80, 85).
const RULES: readonly ThresholdRule[] = [
  { min: 95, score: 1 },
  { min: 85, max: 95, score: 0.6 },
  { max: 80, score: 0 },
];

describe('thresholds method', () => {
  test.each([
    ['the open-ended top rule', 98, 1],
    ['a min is inclusive', 95, 1],
    ['a max is exclusive', 94.99, 0.6],
    ['the middle rule', 85, 0.6],
    ['the open-ended bottom rule', 50, 0],
  ] as const)('%s: %d scores %d', (_name, actual, expected) => {
    expect(
      quantify({ actual, target: null, direction: higher, method: { method: 'thresholds', rules: RULES } }),
    ).toEqual({ value: expected });
  });

  test.each([80, 82.5, 84.999])('%d falls in a gap between rules and gets no-matching-rule', (actual) => {
    const result = quantify({
      actual,
      target: 90,
      direction: higher,
      method: { method: 'thresholds', rules: RULES },
    });
    expect(result).toEqual({ value: null, reason: 'no-matching-rule' });
  });

  test('the first matching rule wins when two rules share an edge', () => {
    // [90, 100) then [100, ∞): 100 belongs to the second only, because max is exclusive.
    const rules: ThresholdRule[] = [
      { min: 90, max: 100, score: 0.8 },
      { min: 100, score: 1.2 },
    ];
    const method = { method: 'thresholds', rules } as const;
    expect(quantify({ actual: 100, target: null, direction: higher, method }).value).toBe(1.2);
    expect(quantify({ actual: 99.9, target: null, direction: higher, method }).value).toBe(0.8);
  });
});
