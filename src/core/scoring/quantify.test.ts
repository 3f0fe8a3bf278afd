/** `quantify`: every reason for a missing value, and the inputs it refuses (README.md in this folder). */
import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import type { Direction } from '../indicators/indicator.ts';
import { type NoValueReason, type QuantifyInput, quantify } from './index.ts';

const higher: Direction = { kind: 'higher' };
const lower: Direction = { kind: 'lower' };
const band: Direction = { kind: 'band', lower: 95, upper: 105 };

describe('quantify gives no value, with a reason', () => {
  const cases: readonly (readonly [string, QuantifyInput, NoValueReason])[] = [
    [
      'ratio without an actual',
      { actual: null, target: 20, direction: higher, method: { method: 'ratio' } },
      'missing-actual',
    ],
    [
      'ratio without actual or target',
      { actual: null, target: null, direction: lower, method: { method: 'ratio' } },
      'missing-actual',
    ],
    [
      'linear without an actual',
      { actual: null, target: 90, direction: higher, method: { method: 'linear', floor: 50 } },
      'missing-actual',
    ],
    [
      'band without an actual',
      { actual: null, target: 100, direction: band, method: { method: 'band', tolerance: 5 } },
      'missing-actual',
    ],
    [
      'thresholds without an actual',
      {
        actual: null,
        target: null,
        direction: higher,
        method: { method: 'thresholds', rules: [{ score: 1 }] },
      },
      'missing-actual',
    ],
    [
      'higher ratio without a target',
      { actual: 16, target: null, direction: higher, method: { method: 'ratio' } },
      'missing-target',
    ],
    [
      'lower ratio without a target',
      { actual: 16, target: null, direction: lower, method: { method: 'ratio' } },
      'missing-target',
    ],
    [
      'linear without a target',
      { actual: 16, target: null, direction: lower, method: { method: 'linear', floor: 30 } },
      'missing-target',
    ],
    [
      'higher ratio with target 0',
      { actual: 5, target: 0, direction: higher, method: { method: 'ratio' } },
      'undefined-ratio',
    ],
    [
      'lower ratio with actual 0 and no cap',
      { actual: 0, target: 0.1, direction: lower, method: { method: 'ratio', cap: null } },
      'undefined-ratio',
    ],
    [
      'thresholds with no rule for the value',
      {
        actual: 50,
        target: null,
        direction: higher,
        method: { method: 'thresholds', rules: [{ min: 60, score: 1 }] },
      },
      'no-matching-rule',
    ],
    [
      'rubric without ratings',
      { actual: null, target: null, direction: higher, method: { method: 'rubric' } },
      'no-ratings',
    ],
  ];

  test.each(cases)('%s', (_name, input, reason) => {
    expect(quantify(input)).toEqual({ value: null, reason });
  });
});

function problemOf(input: QuantifyInput): { type: string; paths: unknown[] } | undefined {
  try {
    quantify(input);
  } catch (error) {
    if (isProblemError(error)) {
      return { type: error.problem.type, paths: error.problem.issues.map((issue) => issue.path) };
    }
    throw error;
  }
  return undefined;
}

describe('quantify refuses unusable input', () => {
  test.each([
    [
      'a band method on a higher indicator',
      { actual: 100, target: 100, direction: higher, method: { method: 'band', tolerance: 5 } },
      'validation',
      [['method']],
    ],
    [
      'a linear method on a band indicator',
      { actual: 100, target: 100, direction: band, method: { method: 'linear', floor: 80 } },
      'validation',
      [['method']],
    ],
    [
      'a negative cap',
      { actual: 1, target: 2, direction: higher, method: { method: 'ratio', cap: -1 } },
      'validation',
      [['method', 'cap']],
    ],
    [
      'an actual that is not a number',
      { actual: Number.NaN, target: 2, direction: higher, method: { method: 'ratio' } },
      'bad-request',
      [['actual']],
    ],
    [
      'an infinite target',
      { actual: 1, target: Number.POSITIVE_INFINITY, direction: higher, method: { method: 'ratio' } },
      'bad-request',
      [['target']],
    ],
  ] as const)('%s', (_name, input, type, paths) => {
    expect(problemOf(input)).toEqual({ type, paths });
  });
});
