import { describe, expect, test } from 'vitest';
import {
  fromUpperTriangle,
  SAATY_1980_WEALTH_OF_NATIONS,
  SAATY_1990_HOUSE_ALTERNATIVES,
  SAATY_1990_HOUSE_CRITERIA,
} from './fixtures.ts';
import { computeAhp, parseJudgmentMatrix } from './index.ts';

/**
 * Saaty, T.L. (1990) "How to make a decision: the analytic hierarchy process", EJOR 48:9–26.
 * Table 2 (criteria for buying a house) publishes the priorities .173 .054 .188 .018 .031 .036 .167 .333,
 * λmax = 9.669, CI = 0.238, CR = 0.169 (RI(8) = 1.41). The matrix also appears in public implementations
 * of the example (e.g. an "AHPHouse" script found with the code search tool). numpy agrees:
 * eigenvector 0.173017 0.053976 0.188110 0.017508 0.031044 0.036322 0.166834 0.333189, λmax 9.668887,
 * CI 0.238412, CR 0.169087.
 */
describe('Saaty 1990 house example', () => {
  const criteria = parseJudgmentMatrix(SAATY_1990_HOUSE_CRITERIA);

  test('the criteria matrix gives λmax 9.669, CI 0.238 and CR 0.169, so it is not acceptably consistent', () => {
    const result = computeAhp(criteria, { riTable: 'saaty1980' });
    expect(result.lambdaMax).toBeCloseTo(9.669, 3);
    expect(result.ci).toBeCloseTo(0.238, 3);
    expect(result.cr).toBeCloseTo(0.169, 3);
    expect(result.consistent).toBe(false);
  });

  test.each([
    { name: 'size of house', index: 0, expected: 0.173 },
    { name: 'transportation', index: 1, expected: 0.054 },
    { name: 'neighborhood', index: 2, expected: 0.188 },
    { name: 'age of house', index: 3, expected: 0.018 },
    { name: 'yard space', index: 4, expected: 0.031 },
    { name: 'modern facilities', index: 5, expected: 0.036 },
    { name: 'general condition', index: 6, expected: 0.167 },
    { name: 'financing', index: 7, expected: 0.333 },
  ])('the priority of $name is $expected', ({ index, expected }) => {
    const result = computeAhp(criteria, { riTable: 'saaty1980' });
    expect(result.weights[index]).toBeCloseTo(expected, 3);
  });

  /**
   * Table 3 compares houses A, B, C under each criterion (RI(3) = 0.58). The paper prints these to 3 dp; the
   * expected values here are an independent numpy computation (power iteration to 1e-15) at 4 dp, since not
   * every printed digit could be confirmed with the search tool.
   */
  test.each([
    { criterion: 'size', weights: [0.7536, 0.1811, 0.0653], lambdaMax: 3.1356, cr: 0.1169 },
    { criterion: 'transportation', weights: [0.2331, 0.0545, 0.7125], lambdaMax: 3.247, cr: 0.2129 },
    { criterion: 'neighborhood', weights: [0.7536, 0.0653, 0.1811], lambdaMax: 3.1356, cr: 0.1169 },
    { criterion: 'age', weights: [1 / 3, 1 / 3, 1 / 3], lambdaMax: 3, cr: 0 },
    { criterion: 'yard', weights: [0.6738, 0.1007, 0.2255], lambdaMax: 3.0858, cr: 0.0739 },
    { criterion: 'modern facilities', weights: [0.7466, 0.0601, 0.1933], lambdaMax: 3.1973, cr: 0.1701 },
    { criterion: 'general condition', weights: [0.2, 0.4, 0.4], lambdaMax: 3, cr: 0 },
    { criterion: 'financing', weights: [0.0719, 0.6491, 0.279], lambdaMax: 3.0649, cr: 0.0559 },
  ])(
    'houses compared on $criterion give $weights with λmax $lambdaMax',
    ({ criterion, weights, lambdaMax, cr }) => {
      const row = SAATY_1990_HOUSE_ALTERNATIVES.find(([name]) => name === criterion);
      if (row === undefined) throw new Error(`no row for ${criterion}`);
      const [, ab, ac, bc] = row;
      const result = computeAhp(parseJudgmentMatrix(fromUpperTriangle(ab, ac, bc)), { riTable: 'saaty1980' });
      weights.forEach((w, i) => {
        expect(result.weights[i]).toBeCloseTo(w, 4);
      });
      expect(result.lambdaMax).toBeCloseTo(lambdaMax, 4);
      expect(result.cr).toBeCloseTo(cr, 4);
    },
  );

  test('synthesis gives the published overall priorities A 0.396, B 0.341, C 0.263', () => {
    const criteriaWeights = computeAhp(criteria).weights;
    const overall = [0, 0, 0];
    SAATY_1990_HOUSE_ALTERNATIVES.forEach(([, ab, ac, bc], c) => {
      const local = computeAhp(parseJudgmentMatrix(fromUpperTriangle(ab, ac, bc))).weights;
      local.forEach((w, house) => {
        overall[house] = (overall[house] ?? 0) + (criteriaWeights[c] ?? 0) * w;
      });
    });
    // numpy: 0.39589, 0.34071, 0.26340
    expect(overall[0]).toBeCloseTo(0.396, 3);
    expect(overall[1]).toBeCloseTo(0.341, 3);
    expect(overall[2]).toBeCloseTo(0.263, 3);
  });
});

/**
 * Saaty (1980) The Analytic Hierarchy Process §2 (Saaty & Khouja 1976): relative wealth of seven nations.
 * Published eigenvector .427 .230 .021 .052 .052 .123 .094 and λmax = 7.61 (the actual GNP shares were
 * .413 .225 .043 .069 .055 .104 .091). numpy: 0.427115 0.230293 0.020795 0.052380 0.052380 0.122719 0.094317,
 * λmax 7.607657, CR 0.0767 with RI(7) = 1.32.
 */
describe('Saaty 1980 wealth of nations', () => {
  test.each([
    ['US', 0, 0.427],
    ['USSR', 1, 0.23],
    ['China', 2, 0.021],
    ['France', 3, 0.052],
    ['UK', 4, 0.052],
    ['Japan', 5, 0.123],
    ['West Germany', 6, 0.094],
  ])('the priority of %s (row %d) is %f', (_name, index, expected) => {
    const result = computeAhp(parseJudgmentMatrix(SAATY_1980_WEALTH_OF_NATIONS), { riTable: 'saaty1980' });
    expect(result.weights[index]).toBeCloseTo(expected, 3);
  });

  test('λmax is 7.61 and the matrix is acceptably consistent (CR 0.077)', () => {
    const result = computeAhp(parseJudgmentMatrix(SAATY_1980_WEALTH_OF_NATIONS), { riTable: 'saaty1980' });
    expect(result.lambdaMax).toBeCloseTo(7.61, 2);
    expect(result.cr).toBeCloseTo(0.0767, 4);
    expect(result.consistent).toBe(true);
  });
});
