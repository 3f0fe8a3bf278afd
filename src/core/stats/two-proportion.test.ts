import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import { normalCdf, twoProportionTest, twoProportionZTest } from './index.ts';

describe('normalCdf', () => {
  // Φ(x) to 10 decimals, from standard normal tables (Abramowitz & Stegun Table 26.1) and the textbook
  // quantiles 1.959964 (97.5 %), 2.575829 (99.5 %), 3.290527 (99.95 %).
  test.each([
    [0, 0.5],
    [0.5, 0.6914624613],
    [1, 0.8413447461],
    [-1, 0.1586552539],
    [1.959963985, 0.975],
    [-1.96, 0.0249978951],
    [2.575829304, 0.995],
    [3.290526731, 0.9995],
    [5, 0.9999997133],
  ])('Φ(%f) = %f to 10 decimals', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(5e-11);
  });

  test('keeps its relative accuracy far in the lower tail (R: pnorm(-30) = 4.906714e-198)', () => {
    expect(normalCdf(-30) / 4.906713927148187e-198).toBeCloseTo(1, 12);
  });
});

describe('twoProportionZTest', () => {
  // Worked examples of the pooled test: homeworksource.com/p/1008622 (140/200 vs 255/340: z = −1.266015, its
  // sign for p₁ − p₂) and homeworksource.com/p/997366 (28/254 vs 36/301: |z| = 0.344, two-sided p = 0.7307).
  test.each([
    [140, 200, 255, 340, 1.266015, 0.2055],
    [28, 254, 36, 301, 0.344, 0.7307],
  ])('compares %i/%i with %i/%i: z = %f, p = %f', (x1, n1, x2, n2, z, p) => {
    const result = twoProportionZTest(x1, n1, x2, n2);
    expect(result.z).toBeCloseTo(z, 3);
    expect(result.pValue).toBeCloseTo(p, 4);
  });

  test('gives z = 0 and p = 1 when both proportions are equal', () => {
    const result = twoProportionZTest(30, 100, 60, 200);
    expect(result.z).toBe(0);
    expect(result.pValue).toBe(1);
  });

  test('is prop.test without continuity correction: z² = X² and the same p-value', () => {
    const z = twoProportionZTest(140, 200, 255, 340);
    const chi = twoProportionTest([140, 255], [200, 340], { correct: false });
    expect(z.z ** 2).toBeCloseTo(chi.statistic, 12);
    expect(z.pValue).toBeCloseTo(chi.p, 14);
  });
});

describe('twoProportionTest input', () => {
  test('rejects a count above its trials with stats.count-out-of-range', () => {
    let code = '';
    try {
      twoProportionTest([11, 3], [10, 10]);
    } catch (error) {
      if (isProblemError(error)) code = error.problem.code;
    }
    expect(code).toBe('stats.count-out-of-range');
  });
});
