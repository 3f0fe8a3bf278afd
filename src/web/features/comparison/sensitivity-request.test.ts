import { describe, expect, it } from 'vitest';
import type { RankedUnit } from '../../lib/api/rankings.ts';
import { buildSensitivityPlan } from './sensitivity-request.ts';

/** A ranked unit with only what the builder reads: its rank and its perspectives' scores. */
function unit(orgUnit: string, rank: number | null, scores: Record<string, number | null>): RankedUnit {
  return {
    rank,
    orgUnit,
    name: { en: orgUnit },
    type: 'department',
    level: 3,
    cohort: 'department@3',
    role: null,
    evaluation: {
      perspectives: Object.entries(scores).map(([id, score]) => ({ id, name: { en: id }, weight: 0, score })),
    },
  } as unknown as RankedUnit;
}

describe('buildSensitivityPlan', () => {
  it('turns manual weights into the consistent ratio matrix, leaving out zero weights', () => {
    const plan = buildSensitivityPlan(
      { manual: { F: 0.75, C: 0.125, I: 0.125, S: 0 } },
      ['F', 'C', 'I', 'S'],
      [unit('A', 1, { F: 90, C: 80, I: 70, S: 10 }), unit('B', 2, { F: 60, C: 95, I: 85, S: 20 })],
    );
    expect(plan?.perspectives).toEqual(['F', 'C', 'I']);
    expect(plan?.body).toEqual({
      hierarchy: {
        matrix: [
          [1, 6, 6],
          [1 / 6, 1, 1],
          [1 / 6, 1, 1],
        ],
      },
      scores: [
        [90, 80, 70],
        [60, 95, 85],
      ],
      units: ['A', 'B'],
      draws: 1000,
      seed: 1,
    });
  });

  it('posts AHP judgments as written, in their order, and skips unranked or incomplete units', () => {
    const plan = buildSensitivityPlan(
      {
        ahp: {
          order: ['C', 'F'],
          matrix: [
            [1, '1/3'],
            [3, 1],
          ],
        },
      },
      ['F', 'C'],
      [
        unit('A', 1, { F: 90, C: 80 }),
        unit('B', null, { F: null, C: null }),
        unit('C', 2, { F: null, C: 50 }),
        unit('D', 3, { F: 40, C: 60 }),
      ],
      { draws: 200, seed: 7 },
    );
    expect(plan?.body).toEqual({
      hierarchy: {
        matrix: [
          [1, '1/3'],
          [3, 1],
        ],
      },
      scores: [
        [80, 90],
        [60, 40],
      ],
      units: ['A', 'D'],
      draws: 200,
      seed: 7,
    });
  });

  it('has nothing to vary with fewer than two complete units', () => {
    const plan = buildSensitivityPlan(
      { manual: { F: 0.5, C: 0.5 } },
      ['F', 'C'],
      [unit('A', 1, { F: 1, C: 2 })],
    );
    expect(plan).toBeNull();
  });
});
