import { describe, expect, test } from 'vitest';
import { averageRanks, rankSumRatio, topsis } from './index.ts';
import { allHigher, directions, problemOf } from './test-helpers.ts';

/**
 * Papathanasiou, J. & Ploskas, N. (2018), _Multiple Criteria Decision Aid: Methods, Examples and Python
 * Implementations_, Springer, ch. 1 "TOPSIS": six alternatives × four benefit criteria, weights 0.4, 0.3, 0.1,
 * 0.2; closeness with vector normalisation 0.387, 0.327, 0.391, 0.615, 0.868, 0.493 (R: 0.387215, 0.327170,
 * 0.390670, 0.614660, 0.868495, 0.492848).
 */
const PAPATHANASIOU_PLOSKAS = [
  [8, 7, 2, 1],
  [5, 3, 7, 5],
  [7, 5, 6, 4],
  [9, 9, 7, 3],
  [11, 10, 3, 7],
  [6, 9, 5, 4],
];
const PP_WEIGHTS = [0.4, 0.3, 0.1, 0.2];

describe('topsis', () => {
  test('vector normalisation reproduces Papathanasiou & Ploskas (2018) to the 3 dp printed', () => {
    const { closeness } = topsis(PAPATHANASIOU_PLOSKAS, PP_WEIGHTS, allHigher(4), 'vector');
    [0.387, 0.327, 0.391, 0.615, 0.868, 0.493].forEach((c, i) => {
      expect(closeness[i]).toBeCloseTo(c, 3);
    });
  });

  test('ranks the units 1 = best by closeness', () => {
    expect(topsis(PAPATHANASIOU_PLOSKAS, PP_WEIGHTS, allHigher(4), 'vector').ranking).toEqual([
      5, 6, 4, 2, 1, 3,
    ]);
  });

  test('min–max normalisation on the same data (no published min–max table; R reference to 6 dp)', () => {
    // R: r = (x − min)/(max − min), ideal = column max, anti-ideal = column min of the weighted matrix.
    const { closeness } = topsis(PAPATHANASIOU_PLOSKAS, PP_WEIGHTS, allHigher(4), 'minmax');
    [0.446614, 0.248352, 0.3634, 0.668221, 0.870736, 0.45117].forEach((c, i) => {
      expect(closeness[i]).toBeCloseTo(c, 6);
    });
  });

  test('lower criteria take the column minimum as ideal (vector) or are reversed (min–max)', () => {
    const criteria = directions('higher', 'lower', 'higher', 'lower');
    const vector = topsis(PAPATHANASIOU_PLOSKAS, PP_WEIGHTS, criteria, 'vector').closeness;
    const minmax = topsis(PAPATHANASIOU_PLOSKAS, PP_WEIGHTS, criteria, 'minmax').closeness;
    // R reference.
    [0.583695, 0.464007, 0.513373, 0.514792, 0.434127, 0.300524].forEach((c, i) => {
      expect(vector[i]).toBeCloseTo(c, 6);
    });
    [0.52442, 0.433904, 0.487026, 0.516388, 0.520249, 0.244984].forEach((c, i) => {
      expect(minmax[i]).toBeCloseTo(c, 6);
    });
  });

  test('refuses weights of the wrong length', () => {
    const problem = problemOf(() => topsis(PAPATHANASIOU_PLOSKAS, [1, 1], allHigher(4)));
    expect(problem.issues.map((i) => i.code)).toEqual(['ranking.weights-length']);
  });

  test('refuses a ragged matrix, naming the row', () => {
    const problem = problemOf(() => topsis([[1, 2], [3]], [1, 1], allHigher(2)));
    expect(problem.issues.map((i) => [i.code, i.path])).toEqual([['ranking.row-length', ['matrix', 1]]]);
  });
});

describe('averageRanks', () => {
  test('gives tied values the mean of their positions', () => {
    expect(averageRanks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
  });
});

/**
 * RSR (Tian 1988). No published table was at hand to copy, so this example is worked by hand: four units,
 * two criteria (the second lower is better).
 *   column 1 (higher) 80, 90, 70, 90 → ranks 2, 3.5, 1, 3.5
 *   column 2 (lower)   5,  3,  4,  2 → ranks 1, 3, 2, 4
 *   RSR = (R1 + R2)/(2·4): 3/8, 6.5/8, 3/8, 7.5/8 = 0.375, 0.8125, 0.375, 0.9375
 *   cumulative frequency of the sorted RSR: 0.375 ×2 (mean position 1.5), 0.8125 (3), 0.9375 (4, last)
 *   p = 1.5/4, 3/4, corrected 1 − 1/16 → probit 5 + Φ⁻¹(p): 4.681360, 5.674490, 6.534121
 */
describe('rankSumRatio', () => {
  const matrix = [
    [80, 5],
    [90, 3],
    [70, 4],
    [90, 2],
  ];
  const criteria = directions('higher', 'lower');

  test('RSR is the mean rank share, ties averaged', () => {
    expect(rankSumRatio(matrix, criteria).rsr).toEqual([0.375, 0.8125, 0.375, 0.9375]);
  });

  test('ranking 1 = best, tied RSR share the average place', () => {
    expect(rankSumRatio(matrix, criteria).ranking).toEqual([3.5, 2, 3.5, 1]);
  });

  test('probit = 5 + Φ⁻¹ of the cumulative frequency, the last corrected to 1 − 1/(4n)', () => {
    const { probit } = rankSumRatio(matrix, criteria);
    // Φ⁻¹(0.375) = −0.318639, Φ⁻¹(0.75) = 0.674490, Φ⁻¹(0.9375) = 1.534121 (R qnorm).
    [4.681361, 5.67449, 4.681361, 6.534121].forEach((p, i) => {
      expect(probit[i]).toBeCloseTo(p, 5);
    });
  });

  test('classes by probit < 4, 4–6, ≥ 6, class 1 = best', () => {
    expect(rankSumRatio(matrix, criteria).class).toEqual([2, 2, 2, 1]);
  });

  test('cut points are configurable', () => {
    expect(rankSumRatio(matrix, criteria, { cutpoints: [5] }).class).toEqual([2, 1, 2, 1]);
  });

  test('weighted RSR uses the normalised weights: Σ w_j R_ij / n', () => {
    // weights 3:1 → (0.75·R1 + 0.25·R2)/4: 1.75/4, 3.375/4, 1.25/4, 3.625/4
    expect(rankSumRatio(matrix, criteria, { weights: [3, 1] }).rsr).toEqual([
      0.4375, 0.84375, 0.3125, 0.90625,
    ]);
  });

  test('refuses cut points that do not increase', () => {
    expect(problemOf(() => rankSumRatio(matrix, criteria, { cutpoints: [6, 4] })).code).toBe(
      'ranking.cutpoints-invalid',
    );
  });
});
