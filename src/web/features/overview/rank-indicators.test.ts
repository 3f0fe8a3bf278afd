/**
 * Against seed 002's AZ Hospital 2016 (the demo's `GET /api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016`):
 * quantified values and global weights of a subset of its indicators.
 */
import { describe, expect, it, test } from 'vitest';
import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import { type IndicatorJson, rankIndicators } from './rank-indicators.ts';

function indicator(id: string, quantified: number | null, globalWeight: number): IndicatorJson {
  return {
    id,
    name: { en: id },
    kind: 'quantitative',
    unit: null,
    decimals: 1,
    method: 'ratio',
    scored: true,
    weight: globalWeight,
    globalWeight,
    actual: null,
    actualSource: 'reported',
    target: null,
    reference: null,
    quantified,
    score: null,
    // The API's status by the default thresholds; ranking reads only the quantified value.
    status:
      quantified === null ? 'no-data' : quantified >= 1 ? 'met' : quantified >= 0.9 ? 'watch' : 'off-track',
  };
}

function evaluationOf(perspectives: Record<string, IndicatorJson[]>): EvaluationJson {
  return {
    scorecard: 'AZ-HOSPITAL',
    orgUnit: 'AZ',
    period: '2016',
    total: 92.57,
    rating: 'Very good',
    ratingCode: 'very-good',
    ratingLabel: { en: 'Very good', zh: '优秀' },
    weightCoverage: 1,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: Object.entries(perspectives).map(([id, indicators]) => ({
      id,
      name: { en: id },
      weight: 0.2,
      score: null,
      coverage: 1,
      indicators,
    })),
  };
}

const AZ_2016 = evaluationOf({
  F: [
    indicator('F1', 1, 0.1285),
    indicator('F2', 0.9, 0.0645),
    indicator('F3', 0.8, 0.0873),
    indicator('F6', 0.8108, 0.034),
  ],
  C: [indicator('C2', 0.625, 0.0192), indicator('C3', 0.6667, 0.0163), indicator('C4', 1, 0.0314)],
  I: [indicator('I1', 1.0889, 0.023), indicator('I8', 1, 0.0322)],
  S: [indicator('S3', 1, 0.0562), indicator('S4', null, 0.021)],
});

describe('rankIndicators', () => {
  test.each([
    { count: 3, best: ['I1', 'F1', 'S3'], worst: ['C2', 'C3', 'F3'] },
    { count: 5, best: ['I1', 'F1', 'S3', 'I8', 'C4'], worst: ['C2', 'C3', 'F3', 'F6', 'F2'] },
    { count: 1, best: ['I1'], worst: ['C2'] },
  ])('picks the $count best and worst of AZ Hospital 2016', ({ count, best, worst }) => {
    const ranked = rankIndicators(AZ_2016, count);
    expect(ranked.best.map((entry) => entry.indicator.id)).toEqual(best);
    expect(ranked.worst.map((entry) => entry.indicator.id)).toEqual(worst);
  });

  it('lists only indicators off track or on watch as needing attention, and none of them among the best', () => {
    const ranked = rankIndicators(AZ_2016, 10);
    expect({
      best: ranked.best.map((entry) => entry.indicator.id),
      worst: ranked.worst.map((entry) => [entry.indicator.id, entry.indicator.status]),
      withValue: ranked.withValue,
    }).toEqual({
      best: ['I1', 'F1', 'S3', 'I8', 'C4'],
      worst: [
        ['C2', 'off-track'],
        ['C3', 'off-track'],
        ['F3', 'off-track'],
        ['F6', 'off-track'],
        ['F2', 'watch'],
      ],
      withValue: 10,
    });
  });

  it('needs no attention when every indicator with a value is on target', () => {
    const ranked = rankIndicators(
      evaluationOf({ S: [indicator('S3', 1, 0.5), indicator('S4', null, 0.5)] }),
      5,
    );
    expect([ranked.best.map((entry) => entry.indicator.id), ranked.worst, ranked.withValue]).toEqual([
      ['S3'],
      [],
      1,
    ]);
  });
});
