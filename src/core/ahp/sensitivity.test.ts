import { describe, expect, test } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { SEED_002_MATRICES } from './fixtures.ts';
import { computeHierarchy, type HierarchyInputNode, parseJudgmentMatrix, sensitivity } from './index.ts';

/** Two criteria weighted 3:1 (0.75, 0.25) with one implicit leaf each, and two units. */
const TWO: HierarchyInputNode = {
  matrix: [
    [1, 3],
    [1 / 3, 1],
  ],
};
const TWO_SCORES = [
  [0.9, 0.2],
  [0.4, 0.8],
];

/** Seed 002 Table 4.1 over five dimensions, with Tables 4.5 and 4.6 under the last two (others leaves). */
const SEED: HierarchyInputNode = {
  matrix: parseJudgmentMatrix(SEED_002_MATRICES['table-4.1']),
  children: [
    {},
    {},
    {},
    { matrix: parseJudgmentMatrix(SEED_002_MATRICES['table-4.5']) },
    {
      matrix: parseJudgmentMatrix(SEED_002_MATRICES['table-4.6']),
    },
  ],
};

describe('sensitivity: Monte Carlo', () => {
  test('is deterministic for a seed', () => {
    const a = sensitivity(SEED, [], { draws: 200, seed: 42 });
    const b = sensitivity(SEED, [], { draws: 200, seed: 42 });
    expect(a.weights).toEqual(b.weights);
  });

  test('another seed gives other draws', () => {
    const a = sensitivity(SEED, [], { draws: 200, seed: 42 });
    const b = sensitivity(SEED, [], { draws: 200, seed: 43 });
    expect(a.weights[0]?.p95).not.toBe(b.weights[0]?.p95);
  });

  test('with a share of 0 every interval collapses onto the hierarchy’s own weights', () => {
    const base = computeHierarchy(SEED).globalWeights;
    const r = sensitivity(SEED, [], { draws: 20, perturbation: { kind: 'step', share: 0 } });
    r.weights.forEach((w, l) => {
      expect(w.p05).toBeCloseTo(base[l] ?? Number.NaN, 12);
      expect(w.p95).toBeCloseTo(base[l] ?? Number.NaN, 12);
    });
  });

  test('each interval brackets its mean and the means sum to 1', () => {
    const r = sensitivity(SEED, [], { draws: 300, seed: 5 });
    expect(r.weights).toHaveLength(13);
    for (const w of r.weights) {
      expect(w.p05).toBeLessThanOrEqual(w.mean);
      expect(w.mean).toBeLessThanOrEqual(w.p95);
    }
    expect(r.weights.reduce((s, w) => s + w.mean, 0)).toBeCloseTo(1, 12);
  });

  test('rank probabilities: each unit’s row and each rank’s column sum to 1', () => {
    const scores = [
      [0.9, 0.2],
      [0.4, 0.8],
      [0.6, 0.6],
    ];
    const r = sensitivity(TWO, scores, { draws: 400, seed: 3, perturbation: { kind: 'step', share: 1 } });
    for (const row of r.rankProbability) expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    for (let rank = 0; rank < 3; rank++) {
      expect(r.rankProbability.reduce((s, row) => s + (row[rank] ?? 0), 0)).toBeCloseTo(1, 12);
    }
  });

  test('a clear leader ranks first in every draw when judgments move by half a step', () => {
    // totals 0.725 vs 0.5 at (0.75, 0.25); half a step moves 3 within [2.6, 3.5], w1 within [0.72, 0.78].
    const r = sensitivity(TWO, TWO_SCORES, { draws: 500, seed: 9 });
    expect(r.rankProbability).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  test('spread perturbation leaves single-matrix nodes alone and moves panel nodes', () => {
    const panel: HierarchyInputNode = {
      experts: [
        {
          matrix: [
            [1, 2],
            [1 / 2, 1],
          ],
        },
        {
          matrix: [
            [1, 8],
            [1 / 8, 1],
          ],
        },
      ],
    };
    const fixed = sensitivity(TWO, [], { draws: 50, perturbation: { kind: 'spread' } });
    expect(fixed.weights[0]?.p05).toBeCloseTo(0.75, 12);
    const moved = sensitivity(panel, [], { draws: 50, perturbation: { kind: 'spread' } });
    expect(moved.weights[0]?.p95 ?? 0).toBeGreaterThan((moved.weights[0]?.p05 ?? 0) + 0.05);
  });

  test('refuses scores that do not match the leaves, and a bad number of draws, at once', () => {
    const problem = problemOf(() =>
      sensitivity(
        TWO,
        [
          [1, 2, 3],
          [1, 2],
        ],
        { draws: 0 },
      ),
    );
    expect(problem.issues.map((i) => [i.code, i.path])).toEqual([
      ['ahp.draws-invalid', ['draws']],
      ['ahp.scores-row-length', ['scores', 0]],
    ]);
  });
});

describe('sensitivity: one-at-a-time sweep (Triantaphyllou & Sánchez 1997)', () => {
  test('gives the weight at which the second unit overtakes the first, for each top-level weight', () => {
    // P_0(t) = 0.9t + 0.2(1 − t), P_1(t) = 0.4t + 0.8(1 − t) cross at t = 6/11 for w_0 (now 0.75);
    // for w_1 (now 0.25): 0.2t + 0.9(1 − t) = 0.8t + 0.4(1 − t) at t = 5/11.
    const { critical } = sensitivity(TWO, TWO_SCORES, { draws: 1 });
    expect(critical).toEqual([
      {
        criterion: 0,
        weight: expect.closeTo(0.75, 12),
        critical: expect.closeTo(6 / 11, 12),
        change: expect.closeTo(6 / 11 - 0.75, 12),
        overtakenBy: 1,
      },
      {
        criterion: 1,
        weight: expect.closeTo(0.25, 12),
        critical: expect.closeTo(5 / 11, 12),
        change: expect.closeTo(5 / 11 - 0.25, 12),
        overtakenBy: 1,
      },
    ]);
  });

  test('the sweep lines cross at the critical value: unit 1 leads below 6/11, unit 0 above', () => {
    const line = sensitivity(TWO, TWO_SCORES, { draws: 1 }).sweep[0];
    expect(line?.at).toHaveLength(21);
    const at = (t: number) => line?.at.indexOf(t) ?? -1;
    expect(line?.totals[1]?.[at(0.5)]).toBeGreaterThan(line?.totals[0]?.[at(0.5)] ?? Number.NaN);
    expect(line?.totals[0]?.[at(0.6)]).toBeGreaterThan(line?.totals[1]?.[at(0.6)] ?? Number.NaN);
  });

  test('weighs each top-level element’s leaves locally (a two-level hierarchy)', () => {
    const tree: HierarchyInputNode = {
      matrix: [
        [1, 1],
        [1, 1],
      ],
      children: [
        {},
        {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
        },
      ],
    };
    // unit scores under element 1: 0.75·s1 + 0.25·s2.  Unit 0: a = (1, 0), unit 1: a = (0, 1) → tie at 0.5
    const { critical } = sensitivity(
      tree,
      [
        [1, 0, 0],
        [0, 1, 1],
      ],
      { draws: 1 },
    );
    expect(critical[0]?.critical).toBeNull();
  });

  test('a unit that leads at every weight has no critical value', () => {
    const { critical } = sensitivity(
      TWO,
      [
        [1, 1],
        [0, 0],
      ],
      { draws: 1 },
    );
    expect(critical.map((c) => c.critical)).toEqual([null, null]);
  });
});
