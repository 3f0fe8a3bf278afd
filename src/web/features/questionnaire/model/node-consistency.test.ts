import { describe, expect, it } from 'vitest';
import { buildMatrix, nodeConsistency, pairKey, pairsOf } from './node-consistency.ts';

const OPTIONS = { riTable: 'saaty1980', threshold: 0.1 } as const;

/** Perfectly consistent judgments of three items: a_12 = 2, a_13 = 4, a_23 = 2 (a_12·a_23 = a_13). */
const consistent = new Map([
  [pairKey(0, 1), 2],
  [pairKey(0, 2), 4],
  [pairKey(1, 2), 2],
]);

describe('a questionnaire node', () => {
  it('asks the pairs of four items row by row', () => {
    expect(pairsOf(4).map(({ i, j }) => pairKey(i, j))).toEqual(['0-1', '0-2', '0-3', '1-2', '1-3', '2-3']);
  });

  it('has no matrix while a pair is unanswered', () => {
    expect(buildMatrix(3, new Map([[pairKey(0, 1), 2]]))).toBeNull();
  });

  it('counts the answered pairs of an incomplete node', () => {
    expect(nodeConsistency(3, new Map([[pairKey(0, 1), 2]]), OPTIONS)).toEqual({
      state: 'incomplete',
      answered: 1,
      total: 3,
    });
  });

  it('gives weights 4/7, 2/7, 1/7 and CR 0 for perfectly consistent judgments', () => {
    const result = nodeConsistency(3, consistent, OPTIONS);
    expect(result.state).toBe('consistent');
    if (result.state === 'incomplete') return;
    expect(result.weights.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
    expect(result.cr).toBeCloseTo(0, 9);
  });

  it('suggests repairs when A > B > C yet C is judged 9 times A', () => {
    const answers = new Map([
      [pairKey(0, 1), 5],
      [pairKey(0, 2), 1 / 9],
      [pairKey(1, 2), 5],
    ]);
    const result = nodeConsistency(3, answers, OPTIONS);
    expect(result.state).toBe('inconsistent');
    if (result.state === 'incomplete') return;
    expect(result.cr).toBeGreaterThan(0.1);
    expect(result.repairs).toHaveLength(3);
  });
});
