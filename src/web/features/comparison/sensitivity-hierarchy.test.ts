import { describe, expect, it } from 'vitest';
import { readHierarchy, sensitivity } from '../../../core/ahp/index.ts';
import { hierarchyNodeSchema } from '../../../core/contracts/ahp-input.ts';
import type { RankedUnit } from '../../lib/api/rankings.ts';
import { buildHierarchyPlan, type HierarchyWeights } from './sensitivity-hierarchy.ts';

/** A ranked unit with only what the builder reads: its rank and its indicators' scores and weights. */
function unit(
  orgUnit: string,
  rank: number | null,
  scores: Record<string, Record<string, number | null>>,
): RankedUnit {
  return {
    rank,
    orgUnit,
    name: { en: orgUnit },
    type: 'department',
    level: 3,
    cohort: 'department@3',
    role: null,
    evaluation: {
      perspectives: Object.entries(scores).map(([id, indicators]) => ({
        id,
        name: { en: id },
        weight: 0,
        score: null,
        indicators: Object.entries(indicators).map(([indicator, score]) => ({
          id: indicator,
          name: { en: indicator },
          weight: indicator === 'C2' ? 0.4 : 0.6,
          score,
        })),
      })),
    },
  } as unknown as RankedUnit;
}

const DECLARED = [
  { id: 'F', indicators: ['F1', 'F2'] },
  { id: 'C', indicators: ['C1'] },
];

/** F and C equal; within F, F1 three times F2 (AHP); C has one indicator. */
const WEIGHTS: HierarchyWeights = {
  perspectives: { manual: { F: 0.5, C: 0.5 } },
  indicators: {
    F: {
      ahp: {
        matrix: [
          [1, 3],
          ['1/3', 1],
        ],
      },
    },
    C: { manual: { C1: 1 } },
  },
};

const ITEMS = [
  unit('A', 1, { F: { F1: 1, F2: 0 }, C: { C1: 0 } }),
  unit('B', 2, { F: { F1: 0, F2: 1 }, C: { C1: 1 } }),
  unit('X', 3, { F: { F1: 1, F2: null }, C: { C1: 1 } }),
];

describe('buildHierarchyPlan', () => {
  it('posts the perspectives with each perspective’s indicators under it, leaves depth-first', () => {
    const plan = buildHierarchyPlan(WEIGHTS, DECLARED, ITEMS, { draws: 50, seed: 3 });
    expect(plan?.body).toEqual({
      hierarchy: {
        matrix: [
          [1, 1],
          [1, 1],
        ],
        children: [
          {
            matrix: [
              [1, 3],
              ['1/3', 1],
            ],
          },
          { matrix: [[1]] },
        ],
      },
      scores: [
        [1, 0, 0],
        [0, 1, 1],
      ],
      units: ['A', 'B'],
      draws: 50,
      seed: 3,
    });
  });

  it('gives every indicator its global weight: with no perturbation 0.5·0.75, 0.5·0.25 and 0.5·1', () => {
    const plan = buildHierarchyPlan(WEIGHTS, DECLARED, ITEMS, { draws: 20, seed: 1 });
    // The route reads the posted hierarchy so (server/ahp/ahp.routes.ts).
    const hierarchy = readHierarchy(hierarchyNodeSchema.parse(plan?.body.hierarchy));
    const result = sensitivity(hierarchy, plan?.body.scores ?? [], {
      draws: 20,
      perturbation: { kind: 'step', share: 0 },
    });
    const round = (x: number) => Math.round(x * 1e12) / 1e12;
    expect(result.weights.map((w) => [round(w.p05), round(w.mean), round(w.p95)])).toEqual([
      [0.375, 0.375, 0.375],
      [0.125, 0.125, 0.125],
      [0.5, 0.5, 0.5],
    ]);
    // A's total 0.375, B's 0.625: B first in every draw.
    expect(result.rankProbability).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('takes a perspective weighed through objectives with its indicators’ weights as evaluated', () => {
    const plan = buildHierarchyPlan(
      { ...WEIGHTS, indicators: { F: WEIGHTS.indicators.F ?? { manual: {} } }, objectives: { C: {} } },
      [
        { id: 'F', indicators: ['F1', 'F2'] },
        { id: 'C', indicators: ['C1', 'C2'] },
      ],
      [
        unit('A', 1, { F: { F1: 1, F2: 0 }, C: { C1: 0, C2: 1 } }),
        unit('B', 2, { F: { F1: 0, F2: 1 }, C: { C1: 1, C2: 0 } }),
      ],
    );
    expect(plan?.body.hierarchy.children).toEqual([
      {
        matrix: [
          [1, 3],
          ['1/3', 1],
        ],
      },
      {
        matrix: [
          [1, 0.6 / 0.4],
          [0.4 / 0.6, 1],
        ],
      },
    ]);
  });

  it('has nothing to vary with fewer than two units scored on every indicator', () => {
    expect(
      buildHierarchyPlan(
        WEIGHTS,
        DECLARED,
        [ITEMS[0], ITEMS[2]].filter((x) => x !== undefined),
      ),
    ).toBeNull();
  });
});
