/**
 * `computeComposite`: seed 002's aggregation (002_db9e4dc6af8d1a80.txt §4.2.1 and Table 4.14) and the two
 * missing-data policies, worked out by hand. The full AZ Hospital case is in seed-002.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import { computeComposite, type PerspectiveInput } from './index.ts';

/*
 * Perspective A (W 0.6): a1 w 0.5 q 0.8; a2 w 0.3 no data; a3 w 0.2 q 1.0.
 * Perspective B (W 0.4): b1 w 1 no data.
 *   Σ w with data in A = 0.5 + 0.2 = 0.7, Σ w all = 1.0 → coverage A = 0.7; B has coverage 0.
 *   Σ wq in A = 0.5 × 0.8 + 0.2 × 1.0 = 0.6.
 * renormalize: S_A = 100 × 0.6 / 0.7 = 85.714…; S_B = null; V = 0.6 × 85.714… / 0.6 = 85.714….
 * zero:        S_A = 100 × 0.6 / 1.0 = 60;      S_B = null, counted 0; V = (0.6 × 60 + 0.4 × 0) / 1.0 = 36.
 * Total coverage either way = (0.6 × 0.7 + 0.4 × 0) / 1.0 = 0.42.
 */
const PARTIAL: readonly PerspectiveInput[] = [
  {
    id: 'A',
    weight: 0.6,
    indicators: [
      { id: 'a1', weight: 0.5, quantified: 0.8 },
      { id: 'a2', weight: 0.3, quantified: null },
      { id: 'a3', weight: 0.2, quantified: 1.0 },
    ],
  },
  { id: 'B', weight: 0.4, indicators: [{ id: 'b1', weight: 1, quantified: null }] },
];

describe('missing-data policies on the same input', () => {
  test.each([
    ['renormalize', (100 * 0.6) / 0.7, (100 * 0.6) / 0.7],
    ['zero', (100 * 0.6) / 1.0, (0.6 * 60 + 0.4 * 0) / 1.0],
  ] as const)('%s: perspective A scores %d and V %d', (policy, scoreA, total) => {
    const result = computeComposite(PARTIAL, policy);
    expect(result.policy).toBe(policy);
    expect(result.perspectives[0]?.score).toBeCloseTo(scoreA, 12);
    expect(result.perspectives[1]?.score).toBeNull();
    expect(result.total).toBeCloseTo(total, 12);
  });

  test.each(['renormalize', 'zero'] as const)(
    '%s: coverage is 0.7 for A, 0 for B and 0.42 in total',
    (policy) => {
      const result = computeComposite(PARTIAL, policy);
      expect(result.perspectives[0]?.coverage).toBeCloseTo(0.7, 12);
      expect(result.perspectives[1]?.coverage).toBe(0);
      expect(result.coverage).toBeCloseTo(0.6 * 0.7, 12);
    },
  );

  test('renormalize is the default', () => {
    expect(computeComposite(PARTIAL).policy).toBe('renormalize');
  });

  test('indicators keep their own score, null without data, and their global weight', () => {
    const [a1, a2] = computeComposite(PARTIAL).perspectives[0]?.indicators ?? [];
    expect(a1).toEqual({
      id: 'a1',
      weight: 0.5,
      globalWeight: 0.6 * 0.5,
      quantified: 0.8,
      score: 100 * 0.5 * 0.8,
    });
    expect(a2).toEqual({ id: 'a2', weight: 0.3, globalWeight: 0.6 * 0.3, quantified: null, score: null });
  });

  test.each(['renormalize', 'zero'] as const)(
    '%s: nothing with data gives a null total and coverage 0',
    (policy) => {
      const empty: PerspectiveInput[] = [
        { id: 'A', weight: 0.5, indicators: [{ id: 'a1', weight: 1, quantified: null }] },
        { id: 'B', weight: 0.5, indicators: [{ id: 'b1', weight: 1, quantified: null }] },
      ];
      const result = computeComposite(empty, policy);
      expect(result.total).toBeNull();
      expect(result.coverage).toBe(0);
      expect(result.perspectives.map((p) => p.score)).toEqual([null, null]);
    },
  );
});

describe('the composite with full data', () => {
  test('V is the weighted mean of perspective scores, which are weighted means × 100', () => {
    // F: (0.5 × 1 + 0.5 × 0.8) / 1 = 0.9 → 90; C: 0.95 → 95; V = 0.6 × 90 + 0.4 × 95 = 92.
    const result = computeComposite([
      {
        id: 'F',
        weight: 0.6,
        indicators: [
          { id: 'F1', weight: 0.5, quantified: 1 },
          { id: 'F2', weight: 0.5, quantified: 0.8 },
        ],
      },
      { id: 'C', weight: 0.4, indicators: [{ id: 'C1', weight: 1, quantified: 0.95 }] },
    ]);
    expect(result.perspectives.map((p) => p.score)).toEqual([90, 95]);
    expect(result.total).toBeCloseTo(0.6 * 90 + 0.4 * 95, 12);
    expect(result.coverage).toBe(1);
  });

  test('weights that do not add up to 1 are normalised', () => {
    // Relative weights 2 : 1 behave like 2/3 : 1/3.
    const result = computeComposite([
      {
        id: 'P',
        weight: 3,
        indicators: [
          { id: 'x', weight: 2, quantified: 1 },
          { id: 'y', weight: 1, quantified: 0.4 },
        ],
      },
    ]);
    expect(result.perspectives[0]?.score).toBeCloseTo((100 * (2 * 1 + 1 * 0.4)) / 3, 12);
    expect(result.total).toBeCloseTo((100 * 2.4) / 3, 12);
  });

  test('an uncapped value above 1 can lift a score above 100 (seed 002 I1, 1.0889)', () => {
    const result = computeComposite([
      { id: 'I', weight: 1, indicators: [{ id: 'I1', weight: 1, quantified: 98 / 90 }] },
    ]);
    expect(result.total).toBeCloseTo((100 * 98) / 90, 12);
  });
});

function issuePaths(perspectives: readonly PerspectiveInput[]): unknown[] {
  try {
    computeComposite(perspectives);
  } catch (error) {
    if (isProblemError(error) && error.problem.type === 'validation') {
      return error.problem.issues.map((issue) => issue.path);
    }
    throw error;
  }
  return [];
}

describe('computeComposite refuses input it cannot score', () => {
  test.each([
    ['no perspectives', [], [[]]],
    [
      'a negative weight',
      [{ id: 'A', weight: -1, indicators: [{ id: 'a', weight: 1, quantified: 1 }] }],
      [[0, 'weight'], []],
    ],
    [
      'a quantified value that is not a number',
      [{ id: 'A', weight: 1, indicators: [{ id: 'a', weight: 1, quantified: Number.NaN }] }],
      [[0, 'indicators', 0, 'quantified']],
    ],
    ['a perspective without indicators', [{ id: 'A', weight: 1, indicators: [] }], [[0, 'indicators']]],
    [
      'an indicator id used twice',
      [
        { id: 'A', weight: 1, indicators: [{ id: 'a', weight: 1, quantified: 1 }] },
        { id: 'B', weight: 1, indicators: [{ id: 'a', weight: 1, quantified: 1 }] },
      ],
      [[1, 'indicators', 0, 'id']],
    ],
    [
      'perspective weights that add up to 0',
      [{ id: 'A', weight: 0, indicators: [{ id: 'a', weight: 1, quantified: 1 }] }],
      [[]],
    ],
  ] as const)('%s', (_name, perspectives, paths) => {
    expect(issuePaths(perspectives)).toEqual(paths);
  });
});
