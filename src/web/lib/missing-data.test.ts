import { describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';

type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

import { missingKind, noDataKey } from './missing-data.ts';

function indicator(actual: number | null, target: number | null, reason?: string): IndicatorJson {
  return {
    id: 'X1',
    name: { en: 'X1' },
    kind: 'quantitative',
    unit: null,
    decimals: 0,
    method: 'ratio',
    scored: true,
    weight: 1,
    globalWeight: 1,
    actual,
    actualSource: actual === null ? 'none' : 'formula',
    target,
    reference: null,
    quantified: null,
    score: null,
    status: 'no-data',
    ...(reason === undefined ? {} : { reason }),
  };
}

function evaluation(indicators: IndicatorJson[]): EvaluationJson {
  return {
    scorecard: 'UMG-BSC',
    orgUnit: 'UMG-B1',
    period: '2024-03',
    total: null,
    rating: null,
    ratingCode: null,
    ratingLabel: null,
    weightCoverage: 0,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [{ id: 'F', name: { en: 'F' }, weight: 1, score: null, coverage: 0, indicators }],
  };
}

describe('missingKind', () => {
  it('says targets are missing when a unit has actual values but no targets', () => {
    expect(
      missingKind(
        evaluation([indicator(12, null, 'missing-target'), indicator(null, null, 'missing-actual')]),
      ),
    ).toBe('targets');
  });

  it('says actual values are missing when only targets are set', () => {
    expect(missingKind(evaluation([indicator(null, 90, 'missing-actual')]))).toBe('actuals');
  });

  it('says nothing is entered when there are neither', () => {
    expect(missingKind(evaluation([indicator(null, null, 'missing-actual')]))).toBe('nothing');
  });

  it('says the values score nothing for the methods’ other reasons', () => {
    expect(missingKind(evaluation([indicator(0, 0, 'undefined-ratio')]))).toBe('scores');
  });
});

describe('noDataKey', () => {
  it('names the reason of a "no data" status, and leaves other statuses and unknown reasons alone', () => {
    expect([
      noDataKey({ status: 'no-data', reason: 'missing-target' }),
      noDataKey({ status: 'no-data', reason: 'missing-actual' }),
      noDataKey({ status: 'no-data', reason: 'from-a-newer-server' }),
      noDataKey({ status: 'met', reason: 'missing-target' }),
      noDataKey({ status: 'no-data', reason: undefined }),
    ]).toEqual(['missingData.short.missingTarget', 'missingData.short.missingActual', null, null, null]);
  });
});
