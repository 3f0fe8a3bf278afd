/**
 * Rows of seed 002's financial perspective (AZ Hospital 2016: F1 7.2 vs target 6.9 → 1, met; F2 1.8 vs 2 → 0.9,
 * watch; F3 16 % vs 20 % → 0.8, off track; each status as the API sends it) against an invented previous year,
 * to check status and change.
 */
import { describe, expect, it, test } from 'vitest';
import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import type { IndicatorStatus } from '../../lib/status.ts';
import { indicatorRows, previousEvaluation } from './indicator-rows.ts';

type PerspectiveJson = EvaluationJson['perspectives'][number];

function financial(
  values: readonly [string, number | null, number | null, IndicatorStatus][],
): PerspectiveJson {
  return {
    id: 'F',
    name: { en: 'Financial', zh: '财务维度' },
    weight: 0.3764,
    score: 91.93,
    coverage: 1,
    indicators: values.map(([id, actual, quantified, status]) => ({
      id,
      name: { en: id },
      kind: 'quantitative',
      unit: null,
      decimals: 1,
      method: 'ratio',
      scored: true,
      weight: 0.2,
      globalWeight: 0.05,
      actual,
      actualSource: actual === null ? 'none' : 'reported',
      target: null,
      reference: null,
      quantified,
      score: null,
      status,
    })),
  };
}

const AZ_2016 = financial([
  ['F1', 7.2, 1, 'met'],
  ['F2', 1.8, 0.9, 'watch'],
  ['F3', 16, 0.8, 'off-track'],
  ['F4', null, null, 'no-data'],
]);

describe('indicatorRows', () => {
  test.each([
    { id: 'F1', status: 'met', change: 0.4, trend: 'same' },
    { id: 'F2', status: 'watch', change: -0.2, trend: 'worse' },
    { id: 'F3', status: 'off-track', change: 2, trend: 'better' },
    { id: 'F4', status: 'no-data', change: null, trend: 'unknown' },
  ])(
    'gives $id the status $status, a change of $change and the trend $trend',
    ({ id, status, change, trend }) => {
      const previous = financial([
        ['F1', 6.8, 1, 'met'],
        ['F2', 2, 1, 'met'],
        ['F3', 14, 0.7, 'off-track'],
        ['F4', 3, 1, 'met'],
      ]);
      const row = indicatorRows(AZ_2016, previous).find((entry) => entry.key === id);
      expect(row?.status).toBe(status);
      expect(row?.change === null ? null : Number(row?.change.toFixed(6))).toBe(change);
      expect(row?.trend).toBe(trend);
    },
  );

  it('shows the status the evaluation sent, not one of its own from the quantified value', () => {
    // A scorecard may set its own thresholds (core/scoring/status.ts): 0.9 is "met" at met = 0.9.
    const own = financial([['F2', 1.8, 0.9, 'met']]);
    expect(indicatorRows(own, undefined)[0]?.status).toBe('met');
  });

  it('has no change and an unknown trend without a previous period', () => {
    expect(indicatorRows(AZ_2016, undefined).map((row) => [row.change, row.trend])).toEqual([
      [null, 'unknown'],
      [null, 'unknown'],
      [null, 'unknown'],
      [null, 'unknown'],
    ]);
  });
});

describe('indicatorRows against last year and over the trend', () => {
  const lastYear = financial([
    ['F1', 7, 1, 'met'],
    ['F2', 1.5, 0.75, 'off-track'],
    ['F3', 18, 0.9, 'watch'],
    ['F4', null, null, 'no-data'],
  ]);
  const rows = indicatorRows(AZ_2016, undefined, {
    yearAgo: lastYear,
    trend: [lastYear, undefined, AZ_2016],
  });

  test.each([
    { id: 'F1', changeYear: 0.2, trendYear: 'same', sparkline: [7, null, 7.2] },
    { id: 'F2', changeYear: 0.3, trendYear: 'better', sparkline: [1.5, null, 1.8] },
    { id: 'F3', changeYear: -2, trendYear: 'worse', sparkline: [18, null, 16] },
    { id: 'F4', changeYear: null, trendYear: 'unknown', sparkline: [null, null, null] },
  ])(
    'gives $id a change of $changeYear since last year ($trendYear) and its actuals over the trend',
    ({ id, changeYear, trendYear, sparkline }) => {
      const row = rows.find((entry) => entry.key === id);
      expect(row?.changeYear === null ? null : Number(row?.changeYear.toFixed(6))).toBe(changeYear);
      expect(row?.trendYear).toBe(trendYear);
      expect(row?.sparkline).toEqual(sparkline);
    },
  );
});

describe('previousEvaluation', () => {
  const evaluation = (period: string, coverage: number): EvaluationJson => ({
    scorecard: 'AZ-HOSPITAL',
    orgUnit: 'AZ',
    period,
    total: coverage === 0 ? null : 90,
    rating: null,
    ratingCode: null,
    ratingLabel: null,
    weightCoverage: coverage,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [],
  });

  test.each([
    {
      name: 'finds the previous period in the series',
      items: [evaluation('2015', 1), evaluation('2016', 1)],
      previous: '2015',
      found: true,
    },
    {
      name: 'ignores a previous period without data (AZ Hospital has only 2016)',
      items: [evaluation('2015', 0), evaluation('2016', 1)],
      previous: '2015',
      found: false,
    },
    {
      name: 'gives nothing when the series lacks the period',
      items: [evaluation('2016', 1)],
      previous: '2015',
      found: false,
    },
  ])('$name', ({ items, previous, found }) => {
    const series = { items: items.map((item) => ({ period: item.period ?? '', evaluation: item })) };
    expect(previousEvaluation(series, previous)?.period).toBe(found ? previous : undefined);
  });
});
