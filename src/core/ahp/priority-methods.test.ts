import { describe, expect, test } from 'vitest';
import { SAATY_1990_HOUSE_CRITERIA } from './fixtures.ts';
import { computeAhp, type PriorityMethod, parseJudgmentMatrix } from './index.ts';

const methods: PriorityMethod[] = ['eigenvector', 'geometric', 'sum-product'];

describe('on a consistent matrix every method gives the exact priorities', () => {
  // a_ij = w_i / w_j for w = (6, 3, 2, 1) / 12: a consistent matrix (a_ik = a_ij · a_jk), so the principal
  // eigenvector, the row geometric means and the normalised column averages all equal w, and λmax = n
  // (Saaty 1980 §1: λmax = n if and only if A is consistent).
  const consistent = parseJudgmentMatrix([
    [1, 2, 3, 6],
    ['1/2', 1, '3/2', 3],
    ['1/3', '2/3', 1, 2],
    ['1/6', '1/3', '1/2', 1],
  ]);
  const exact = [0.5, 0.25, 1 / 6, 1 / 12];

  test.each(methods)('%s returns w = (6, 3, 2, 1)/12 with λmax = 4 and CR = 0', (method) => {
    const result = computeAhp(consistent, { method });
    result.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(exact[i] ?? Number.NaN, 12);
    });
    expect(result.lambdaMax).toBeCloseTo(4, 12);
    expect(result.cr).toBeCloseTo(0, 12);
    expect(result.method).toBe(method);
  });
});

/**
 * Saaty 1990 house criteria (an inconsistent matrix, CR 0.169): the approximate methods differ slightly from
 * the eigenvector. Expected values from an independent numpy computation; λ for the approximate methods is
 * mean((Aw)_i / w_i), CR with Saaty's RI(8) = 1.41.
 */
describe('on the Saaty 1990 house criteria the methods differ slightly', () => {
  const house = parseJudgmentMatrix(SAATY_1990_HOUSE_CRITERIA);

  test.each([
    {
      method: 'eigenvector',
      weights: [0.173017, 0.053976, 0.18811, 0.017508, 0.031044, 0.036322, 0.166834, 0.333189],
      lambdaMax: 9.668887,
      cr: 0.169087,
    },
    {
      method: 'geometric',
      weights: [0.174805, 0.062647, 0.148706, 0.019345, 0.03557, 0.0423, 0.167016, 0.34961],
      lambdaMax: 9.593203,
      cr: 0.161419,
    },
    {
      method: 'sum-product',
      weights: [0.174375, 0.066084, 0.170152, 0.018899, 0.03525, 0.044457, 0.178489, 0.312293],
      lambdaMax: 9.618187,
      cr: 0.16395,
    },
  ] as const)('$method gives λ $lambdaMax and CR $cr', ({ method, weights, lambdaMax, cr }) => {
    const result = computeAhp(house, { method, riTable: 'saaty1980' });
    result.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(weights[i] ?? Number.NaN, 4);
    });
    expect(result.lambdaMax).toBeCloseTo(lambdaMax, 4);
    expect(result.cr).toBeCloseTo(cr, 4);
  });
});
