/**
 * Surveys in core: the nodes of AZ Hospital's hierarchy (seed 002 §4.1), one expert's consistency feedback,
 * the panel's AIJ result, and the result as a weights block that compiles to the same weights.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyNode } from '../contracts/surveys.ts';
import {
  computeSurveyResults,
  type ExpertAnswers,
  nodeConsistency,
  type SurveyAhpSettings,
} from './index.ts';

const SETTINGS: SurveyAhpSettings = { scale: 'saaty', riTable: 'seed002', threshold: 0.1 };

const threeNode: SurveyNode = {
  key: 'perspectives',
  parent: null,
  parentElement: null,
  level: 'perspectives',
  title: { en: 'Perspectives' },
  elements: [
    { id: 'A', name: { en: 'A' } },
    { id: 'B', name: { en: 'B' } },
    { id: 'C', name: { en: 'C' } },
  ],
  pairs: [
    { i: 0, j: 1 },
    { i: 0, j: 2 },
    { i: 1, j: 2 },
  ],
};

describe('nodeConsistency', () => {
  it('gives the weights of a consistent node and no repairs', () => {
    const result = nodeConsistency(threeNode, [2, 4, 2], SETTINGS);
    expect(result?.weights.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
    expect([result?.cr.toFixed(6), result?.repairs]).toEqual(['0.000000', []]);
  });

  it('is null while a pair is unanswered', () => {
    expect(nodeConsistency(threeNode, [2, null, 2], SETTINGS)).toBeNull();
  });

  it('lists three judgments to revisit when CR passes the threshold, the worst first', () => {
    // A > B (3), B > C (3), yet C > A (3): a circulant cycle, λmax = 1 + 3 + 1/3, CI = 2/3, CR = (2/3)/0.52.
    const result = nodeConsistency(threeNode, [3, 1 / 3, 3], SETTINGS);
    expect(result?.consistent).toBe(false);
    expect(result?.cr.toFixed(4)).toBe('1.2821');
    expect(result?.repairs.length).toBe(3);
    expect(result?.repairs[0]?.crAfterOnScale).toBeLessThan(result?.cr ?? 0);
  });
});

describe('computeSurveyResults', () => {
  const experts: ExpertAnswers[] = [
    { id: 1, name: 'A', weight: 1, answers: new Map([['perspectives', [1, 2, 1]]]) },
    { id: 2, name: 'B', weight: 1, answers: new Map([['perspectives', [2, 4, 2]]]) },
    { id: 3, name: 'C', weight: 1, answers: new Map([['perspectives', [4, 8, 4]]]) },
  ];

  it('aggregates the judgments by their geometric mean (AIJ): 4/7, 2/7, 1/7', () => {
    const result = computeSurveyResults([threeNode], experts, SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'include',
    });
    expect(result.nodes[0]?.weights?.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
  });

  it('leaves an inconsistent expert out when asked, and shows the weights both ways', () => {
    const withCycle = [
      ...experts,
      { id: 4, name: 'D', weight: 1, answers: new Map([['perspectives', [9, 1 / 9, 9]]]) },
    ];
    const result = computeSurveyResults([threeNode], withCycle, SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'exclude',
    });
    const node = result.nodes[0];
    expect(node?.experts).toEqual([1, 2, 3]);
    expect(node?.effect.exclude?.map((w) => w.toFixed(4))).toEqual(['0.5714', '0.2857', '0.1429']);
    expect(node?.effect.include?.map((w) => w.toFixed(4))).not.toEqual(['0.5714', '0.2857', '0.1429']);
    expect(result.experts.map((e) => e.consistent)).toEqual([true, true, true, false]);
  });

  it('gives the geometric SD of each comparison: a12 = 1, 2, 4 spread by a factor of 2', () => {
    const result = computeSurveyResults([threeNode], experts, SETTINGS, {
      aggregation: 'aij',
      inconsistent: 'include',
    });
    expect(result.nodes[0]?.spread[0]).toEqual({
      i: 0,
      j: 1,
      geometricMean: expect.closeTo(2, 9),
      geometricSd: expect.closeTo(2, 9),
    });
  });
});
