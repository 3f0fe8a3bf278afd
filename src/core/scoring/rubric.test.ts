/** Qualitative indicators: seed 002 §4.2.2, Tables 4.10–4.11 (ratings on 0–100, one per rater). */
import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import type { Direction } from '../indicators/indicator.ts';
import { quantify, quantifyRubric } from './index.ts';

const higher: Direction = { kind: 'higher' };

function problemOf(run: () => unknown): { type: string; paths: unknown[] } | undefined {
  try {
    run();
  } catch (error) {
    if (isProblemError(error)) {
      return { type: error.problem.type, paths: error.problem.issues.map((issue) => issue.path) };
    }
    throw error;
  }
  return undefined;
}

describe('rubric method', () => {
  test.each([
    ['one rater (seed 002 Table 4.11, patient satisfaction)', [95], 0.95],
    ['three raters', [80, 90, 94], (80 + 90 + 94) / 3 / 100],
    ['the bottom of the scale', [0, 0], 0],
    ['the top of the scale', [100], 1],
  ] as const)('%s: the mean ÷ 100', (_name, ratings, expected) => {
    const result = quantifyRubric(ratings);
    expect(result.value).toBeCloseTo(expected, 12);
    expect(result.reason).toBeUndefined();
  });

  test('no ratings gives no-ratings', () => {
    expect(quantifyRubric([])).toEqual({ value: null, reason: 'no-ratings' });
  });

  test.each([
    ['above 100', [90, 101], 1],
    ['below 0', [-1], 0],
    ['not a number', [80, 85, Number.NaN], 2],
    ['infinite', [Number.POSITIVE_INFINITY], 0],
  ] as const)('a rating %s is a bad request that names its index', (_name, ratings, index) => {
    expect(problemOf(() => quantifyRubric(ratings))).toEqual({ type: 'bad-request', paths: [[index]] });
  });

  test('quantify with the rubric method reads the actual as the mean rating', () => {
    expect(quantify({ actual: 85, target: null, direction: higher, method: { method: 'rubric' } })).toEqual({
      value: 0.85,
    });
  });

  test('quantify with the rubric method and no actual gives no-ratings', () => {
    expect(quantify({ actual: null, target: 90, direction: higher, method: { method: 'rubric' } })).toEqual({
      value: null,
      reason: 'no-ratings',
    });
  });

  test('quantify with the rubric method rejects a mean above 100', () => {
    const run = () =>
      quantify({ actual: 105, target: null, direction: higher, method: { method: 'rubric' } });
    expect(problemOf(run)).toEqual({ type: 'bad-request', paths: [['actual']] });
  });
});
