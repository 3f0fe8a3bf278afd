import { describe, expect, it } from 'vitest';
import { bandOf, childValues, findIndicator, hasAnyActual, periodRows } from './indicator-series.ts';
import { evaluationJson, indicatorJson } from './test-fixtures.ts';

describe('findIndicator', () => {
  it('finds the indicator and the perspective it belongs to', () => {
    const found = findIndicator(evaluationJson([indicatorJson('C1'), indicatorJson('C2')]), 'C2');
    expect(found?.perspective.id).toBe('C');
    expect(found?.indicator.id).toBe('C2');
  });

  it('returns null for an id the scorecard does not have', () => {
    expect(findIndicator(evaluationJson([indicatorJson('C1')]), 'NOPE')).toBeNull();
  });
});

describe('bandOf', () => {
  it('gives the band of a band direction and null for higher, lower or unknown', () => {
    expect(bandOf({ band: [95, 105] })).toEqual([95, 105]);
    expect(bandOf('higher')).toBeNull();
    expect(bandOf('lower')).toBeNull();
    expect(bandOf(undefined)).toBeNull();
  });
});

describe('periodRows', () => {
  it('takes the indicator out of every period of the series, with its status', () => {
    const series = {
      items: [
        { period: '2015', evaluation: evaluationJson([indicatorJson('C1')], '2015') },
        {
          period: '2016',
          evaluation: evaluationJson(
            [
              indicatorJson('C1', {
                actual: 92,
                target: 100,
                reference: 90,
                quantified: 0.92,
                score: 46,
                status: 'watch',
              }),
            ],
            '2016',
          ),
        },
        { period: '2017', evaluation: evaluationJson([indicatorJson('OTHER', { actual: 1 })], '2017') },
      ],
    };
    const rows = periodRows(series, 'C1');
    expect(rows).toEqual([
      {
        period: '2015',
        actual: null,
        target: null,
        reference: null,
        quantified: null,
        score: null,
        status: 'no-data',
      },
      {
        period: '2016',
        actual: 92,
        target: 100,
        reference: 90,
        quantified: 0.92,
        score: 46,
        status: 'watch',
      },
      {
        period: '2017',
        actual: null,
        target: null,
        reference: null,
        quantified: null,
        score: null,
        status: 'no-data',
      },
    ]);
    expect(hasAnyActual(rows)).toBe(true);
    expect(hasAnyActual(rows.filter((row) => row.period !== '2016'))).toBe(false);
  });
});

describe('childValues', () => {
  const unit = (orgUnit: string, role: string | null, values: Parameters<typeof indicatorJson>[1]) => ({
    orgUnit,
    name: { en: orgUnit },
    role,
    evaluation: evaluationJson([indicatorJson('C1', values)]),
  });

  it('puts the units closest to target first, then the better actual value, units without a value last', () => {
    const items = [
      unit('B1', 'branch', { actual: 80, quantified: 0.8, status: 'off-track' }),
      unit('B2', 'branch', {}),
      unit('HEAD', 'head', { actual: 120, quantified: 1, status: 'met' }),
      unit('B3', 'branch', { actual: 110, quantified: 1, status: 'met' }),
    ];
    const higher = childValues(items, 'C1', 'higher');
    expect(higher.map((child) => child.orgUnit)).toEqual(['HEAD', 'B3', 'B1', 'B2']);
    expect(higher[0]).toMatchObject({ role: 'head', actual: 120, status: 'met' });
    expect(higher[3]).toMatchObject({ actual: null, status: 'no-data' });
    // Lower is better: among units on target, the lower value comes first.
    expect(childValues(items, 'C1', 'lower').map((child) => child.orgUnit)).toEqual([
      'B3',
      'HEAD',
      'B1',
      'B2',
    ]);
  });
});
