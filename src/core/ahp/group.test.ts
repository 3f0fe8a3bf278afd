import { describe, expect, test } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { fromUpperTriangle } from './fixtures.ts';
import { aggregateGroup, computeAhp, parseJudgmentMatrix } from './index.ts';

/**
 * A hand-checkable group (Forman & Peniwati 1998, EJOR 108:165–169: AIJ = geometric mean of judgments;
 * Aczél & Saaty 1983, J. Math. Psych. 27:93–102: the geometric mean is the aggregation that keeps reciprocity).
 * No published group example could be confirmed with the search tool, so the numbers are built to be checked
 * by hand:
 *
 *   expert   a12  a13  a23
 *   1         1    2    1
 *   2         2    4    2
 *   3         4    8    4
 *   AIJ      ∛(1·2·4) = 2   ∛(2·4·8) = 4   ∛(1·2·4) = 2
 *
 * The aggregated matrix [[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]] is consistent (2 · 2 = 4), so its weights are
 * exactly 4/7, 2/7, 1/7 and CR = 0, although experts 1 and 3 are each inconsistent (1 · 1 ≠ 2, 4 · 4 ≠ 8;
 * numpy: CR 0.0516 each with RI(3) = 0.52).
 */
describe('group AHP on three experts (3×3)', () => {
  const experts = [
    { matrix: parseJudgmentMatrix(fromUpperTriangle(1, 2, 1)) },
    { matrix: parseJudgmentMatrix(fromUpperTriangle(2, 4, 2)) },
    { matrix: parseJudgmentMatrix(fromUpperTriangle(4, 8, 4)) },
  ];

  test('AIJ takes the geometric mean of each judgment and keeps the matrix reciprocal', () => {
    const result = aggregateGroup(experts, 'aij');
    const expected = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    result.aggregatedMatrix.forEach((row, i) => {
      row.forEach((a, j) => {
        expect(a).toBeCloseTo(expected[i]?.[j] ?? Number.NaN, 12);
        expect(a * (result.aggregatedMatrix[j]?.[i] ?? Number.NaN)).toBeCloseTo(1, 15);
      });
    });
  });

  test('AIJ gives weights 4/7, 2/7, 1/7 with CR 0', () => {
    const result = aggregateGroup(experts, 'aij');
    expect(result.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(result.weights[1]).toBeCloseTo(2 / 7, 12);
    expect(result.weights[2]).toBeCloseTo(1 / 7, 12);
    expect(result.cr).toBeCloseTo(0, 12);
    expect(result).toMatchObject({
      aggregation: 'aij',
      method: 'eigenvector',
      riTable: 'seed002',
      consistent: true,
    });
  });

  test('each expert keeps their own result: experts 1 and 3 have CR 0.0516, expert 2 has 0', () => {
    const result = aggregateGroup(experts, 'aij');
    expect(result.experts.map((e) => e.cr)).toEqual([
      expect.closeTo(0.051559, 6),
      expect.closeTo(0, 12),
      expect.closeTo(0.051559, 6),
    ]);
    // numpy: expert 1's eigenvector 0.412599, 0.327480, 0.259921.
    expect(result.experts[0]?.weights[0]).toBeCloseTo(0.412599, 6);
  });

  test('AIP equals AIJ here, because for n = 3 the eigenvector is the row geometric mean', () => {
    // For 3×3 reciprocal matrices the principal eigenvector equals the normalised row geometric means
    // (Crawford & Williams 1985), and geometric means commute, so aggregating priorities or judgments agree.
    const aip = aggregateGroup(experts, 'aip');
    expect(aip.aggregation).toBe('aip');
    expect(aip.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(aip.lambdaMax).toBeCloseTo(3, 12);
  });

  test('expert weights 2 : 1 : 1 weight the geometric mean: a12 = 1^½ · 2^¼ · 4^¼ = 2^¾', () => {
    // a13 = 2^½ · 4^¼ · 8^¼ = 2^1.75, a23 = 2^¾. Not consistent any more (2^¾ · 2^¾ ≠ 2^1.75).
    // numpy: weights 0.532989, 0.299130, 0.167881; λmax 3.003337; CR 0.003209.
    const weighted = experts.map((e, k) => ({ ...e, weight: k === 0 ? 2 : 1 }));
    const result = aggregateGroup(weighted, 'aij');
    expect(result.aggregatedMatrix[0]?.[1]).toBeCloseTo(2 ** 0.75, 12);
    expect(result.aggregatedMatrix[0]?.[2]).toBeCloseTo(2 ** 1.75, 12);
    expect(result.weights[0]).toBeCloseTo(0.532989, 6);
    expect(result.weights[2]).toBeCloseTo(0.167881, 6);
    expect(result.cr).toBeCloseTo(0.003209, 6);
  });
});

/**
 * Three experts on four criteria, where AIJ and AIP differ. Upper triangles (a12 a13 a14 a23 a24 a34):
 * expert 1: 2 4 3 2 2 1; expert 2: 3 5 5 1 2 2; expert 3: 1 3 4 3 2 1/2.
 * AIJ: a12 = ∛6 = 1.817121, a13 = a14 = ∛60 = 3.914868, a23 = ∛6, a24 = 2, a34 = 1.
 * numpy (eigenvector, RI(4) = 0.89):
 *   AIJ weights 0.489122 0.253278 0.130392 0.127208, λmax 4.002734, CR 0.001024
 *   AIP weights 0.491934 0.250511 0.130108 0.127447, λ against the AIJ matrix 4.002878, CR 0.001078
 */
describe('group AHP on three experts (4×4)', () => {
  const upper = (a12: number, a13: number, a14: number, a23: number, a24: number, a34: number) => [
    [1, a12, a13, a14],
    [1 / a12, 1, a23, a24],
    [1 / a13, 1 / a23, 1, a34],
    [1 / a14, 1 / a24, 1 / a34, 1],
  ];
  const experts = [
    { matrix: upper(2, 4, 3, 2, 2, 1) },
    { matrix: upper(3, 5, 5, 1, 2, 2) },
    { matrix: upper(1, 3, 4, 3, 2, 1 / 2) },
  ];

  test('AIJ analyses the geometric-mean matrix', () => {
    const result = aggregateGroup(experts, 'aij');
    expect(result.aggregatedMatrix[0]?.[1]).toBeCloseTo(Math.cbrt(6), 12);
    expect(result.aggregatedMatrix[0]?.[2]).toBeCloseTo(Math.cbrt(60), 12);
    [0.489122, 0.253278, 0.130392, 0.127208].forEach((w, i) => {
      expect(result.weights[i]).toBeCloseTo(w, 6);
    });
    expect(result.lambdaMax).toBeCloseTo(4.002734, 6);
    expect(result.cr).toBeCloseTo(0.001024, 6);
  });

  test('AIP combines the experts’ priority vectors and measures them against the AIJ matrix', () => {
    const result = aggregateGroup(experts, 'aip');
    [0.491934, 0.250511, 0.130108, 0.127447].forEach((w, i) => {
      expect(result.weights[i]).toBeCloseTo(w, 6);
    });
    expect(result.lambdaMax).toBeCloseTo(4.002878, 6);
    expect(result.cr).toBeCloseTo(0.001078, 6);
    expect(result.aggregatedMatrix).toEqual(aggregateGroup(experts, 'aij').aggregatedMatrix);
  });

  test('a single expert’s AIJ result is that expert’s own result', () => {
    const [first] = experts;
    if (first === undefined) throw new Error('fixture');
    const group = aggregateGroup([first], 'aij');
    const alone = computeAhp(first.matrix);
    expect(group.weights).toEqual(alone.weights.map((w) => expect.closeTo(w, 12)));
    expect(group.cr).toBeCloseTo(alone.cr, 12);
  });
});

describe('group AHP input errors', () => {
  test('no experts is a bad request', () => {
    expect(problemOf(() => aggregateGroup([])).issues[0]).toMatchObject({
      path: ['experts'],
      code: 'ahp.no-experts',
    });
  });

  test('every expert’s problems are reported at once, with paths inside experts[k]', () => {
    const problem = problemOf(() =>
      aggregateGroup([
        {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
          weight: 0,
        },
        {
          matrix: [
            [1, 0],
            [1, 1],
          ],
        },
        {
          matrix: [
            [1, 3],
            [0.5, 1],
          ],
        },
      ]),
    );
    expect(problem.type).toBe('validation');
    expect(problem.issues).toEqual([
      {
        path: ['experts', 0, 'weight'],
        code: 'ahp.expert-weight-not-positive',
        params: { where: 'experts[0].weight', weight: '0' },
        message: 'experts[0].weight = 0 must be a positive number',
      },
      {
        path: ['experts', 1, 'matrix', 0, 1],
        code: 'ahp.entry-not-positive',
        params: { where: 'experts[1].matrix[0][1]', value: '0' },
        message: 'experts[1].matrix[0][1] = 0 must be a positive finite number',
      },
      {
        path: ['experts', 2, 'matrix', 1, 0],
        code: 'ahp.not-reciprocal-fraction',
        params: {
          where: 'experts[2].matrix[1][0]',
          value: '0.5',
          other: 'experts[2].matrix[0][1]',
          otherValue: '3',
          typed: '1/3',
          expected: '0.333333',
        },
        message:
          'experts[2].matrix[1][0] = 0.5 is not the reciprocal of experts[2].matrix[0][1] = 3 (expected 1/3 = 0.333333); write it as "1/3"',
      },
    ]);
  });

  test('experts comparing different numbers of elements are rejected', () => {
    const problem = problemOf(() =>
      aggregateGroup([
        { matrix: parseJudgmentMatrix(fromUpperTriangle(2, 4, 2)) },
        {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
        },
      ]),
    );
    expect(problem.issues).toEqual([
      {
        path: ['experts', 1, 'matrix'],
        code: 'ahp.expert-size-mismatch',
        params: { where: 'experts[1].matrix', size: 2, first: 'experts[0].matrix', n: 3 },
        message:
          'experts[1].matrix is 2×2 but experts[0].matrix is 3×3; every expert must compare the same elements',
      },
    ]);
  });
});
