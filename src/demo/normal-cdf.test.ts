import { describe, expect, test } from 'vitest';
import { normalCdf } from './normal-cdf.ts';
import { HYPERTENSION_TARGET_Z } from './targets.ts';
import { twoProportionZTest } from './two-proportion-z-test.ts';

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
  ])('Φ(%f) = %f within the 7.5e-8 error bound of formula 26.2.17', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(7.5e-8);
  });

  test('puts the two-sided p-value of seed 000’s hypertension result, 0.145, at the hard-coded z', () => {
    expect(2 * (1 - normalCdf(HYPERTENSION_TARGET_Z))).toBeCloseTo(0.145, 6);
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
    expect(result.pValue).toBeCloseTo(1, 7);
  });
});
