import { describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../../core/contracts/evaluation.ts';
import { dataStatus } from './data-status.ts';

function indicator(id: string, actual: number | null, reason?: string) {
  return {
    id,
    name: { en: `Indicator ${id}` },
    kind: 'quantitative' as const,
    unit: null,
    decimals: 1,
    method: 'ratio',
    scored: true,
    weight: 0.5,
    globalWeight: 0.25,
    actual,
    actualSource: actual === null ? ('none' as const) : ('formula' as const),
    target: 1,
    reference: null,
    quantified: actual === null ? null : 1,
    score: actual === null ? null : 25,
    status: actual === null ? ('no-data' as const) : ('met' as const),
    ...(reason === undefined ? {} : { reason }),
  };
}

function evaluation(status: 'none' | 'submitted' | 'approved' | 'reopened'): EvaluationJson {
  return {
    scorecard: 'UMG-BSC',
    orgUnit: 'UMG-B1',
    period: '2024',
    total: 80,
    rating: 'Good',
    ratingCode: 'good',
    ratingLabel: { en: 'Good' },
    weightCoverage: 0.5,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [
      {
        id: 'F',
        name: { en: 'Financial' },
        weight: 1,
        score: 80,
        coverage: 0.5,
        indicators: [indicator('F1', 3), indicator('F2', null, 'the denominator is zero')],
      },
    ],
    approval: { status, orgUnit: null, period: null, decidedBy: null, decidedAt: null },
  };
}

describe('dataStatus', () => {
  it('lists the indicators without a value, with the engine’s reason', () => {
    expect(dataStatus(evaluation('none'), [], []).missing).toEqual([
      { id: 'F2', name: { en: 'Indicator F2' }, reason: 'the denominator is zero' },
    ]);
  });

  it('counts the sub-units by the status of their approval for the period, ignoring other periods', () => {
    const status = dataStatus(
      evaluation('submitted'),
      ['A', 'B', 'C', 'D'],
      [
        { orgUnit: 'A', period: '2024', status: 'approved' },
        { orgUnit: 'B', period: '2024', status: 'submitted' },
        { orgUnit: 'C', period: '2024', status: 'reopened' },
        { orgUnit: 'D', period: '2023', status: 'approved' },
      ],
    );
    expect(status.approval).toBe('submitted');
    expect(status.subUnits).toEqual({ total: 4, approved: 1, submitted: 1, reopened: 1, notSubmitted: 1 });
  });

  it('counts every sub-unit as approved once the unit itself is approved (approval covers the subtree)', () => {
    expect(dataStatus(evaluation('approved'), ['A', 'B'], []).subUnits).toEqual({
      total: 2,
      approved: 2,
      submitted: 0,
      reopened: 0,
      notSubmitted: 0,
    });
  });

  it('has no sub-unit counts for a unit without sub-units', () => {
    expect(dataStatus(evaluation('none'), [], []).subUnits).toBeNull();
  });
});
