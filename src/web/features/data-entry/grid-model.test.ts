import { describe, expect, it } from 'vitest';
import type { DataElement } from '../../../core/contracts/data-elements.ts';
import { monthsOf } from '../../../core/periods/index.ts';
import type { ScorecardFile } from '../../../core/scorecard/scorecard-schema.ts';
import {
  cellKey,
  type GridRow,
  gridColumns,
  gridSpan,
  gridValues,
  scorecardDataElements,
} from './grid-model.ts';

type Indicator = ScorecardFile['perspectives'][number]['indicators'][number];

function indicator(id: string, extra: Partial<Indicator>): Indicator {
  return { id, name: { en: id }, kind: 'quantitative', decimals: 2, direction: 'higher', ...extra };
}

describe('scorecardDataElements', () => {
  it('lists the codes every formula reads once, in order of first appearance, skipping qualitative indicators', () => {
    const file = {
      perspectives: [
        {
          id: 'F',
          name: { en: 'Financial' },
          objectives: [],
          indicators: [
            indicator('F1', { formula: 'medical_revenue / {total-revenue} * 100' }),
            indicator('F2', {
              formula: { numerator: 'beds + extra_beds', denominator: 'medical_revenue', factor: 1 },
            }),
          ],
        },
        {
          id: 'R',
          name: { en: 'Social' },
          objectives: [],
          indicators: [
            indicator('R1', { kind: 'qualitative' }),
            indicator('R2', { formula: 'if(staff > 0, coalesce(nurses, 0) / staff, 0)' }),
          ],
        },
      ],
    };
    expect(scorecardDataElements(file)).toEqual([
      'medical_revenue',
      'total-revenue',
      'beds',
      'extra_beds',
      'staff',
      'nurses',
    ]);
  });

  it('skips a formula that does not parse instead of guessing', () => {
    const file = {
      perspectives: [
        {
          id: 'F',
          name: { en: 'F' },
          objectives: [],
          indicators: [indicator('F1', { formula: 'a + * b' }), indicator('F2', { formula: 'c' })],
        },
      ],
    };
    expect(scorecardDataElements(file)).toEqual(['c']);
  });
});

describe('gridSpan', () => {
  it.each([
    ['2024', '2024', 12, '2024-01', '2024-12'],
    ['2024Q2', '2024Q2', 3, '2024-04', '2024-06'],
    ['2024-05', '2024', 12, '2024-01', '2024-12'],
  ])('%s covers %s: %i months from %s to %s', (selected, period, count, first, last) => {
    const span = gridSpan(selected);
    expect(span?.period).toBe(period);
    expect(span?.months.length).toBe(count);
    expect([span?.months[0], span?.months.at(-1)]).toEqual([first, last]);
  });

  it('is null for an id that is not a period', () => {
    expect(gridSpan('last year')).toBeNull();
  });
});

describe('cellKey', () => {
  it('tells apart codes that would run together', () => {
    expect(cellKey('a-2024', '01')).not.toBe(cellKey('a', '2024-01'));
  });
});

describe('gridColumns', () => {
  it('adds the year after the months when an element is reported per year', () => {
    expect(
      gridColumns({ period: '2024', months: monthsOf('2024') }, new Set(['month', 'year'] as const)),
    ).toEqual([...monthsOf('2024'), '2024']);
  });

  it('adds the four quarters when an element is reported per quarter', () => {
    expect(
      gridColumns({ period: '2024', months: monthsOf('2024') }, new Set(['quarter'] as const)).slice(12),
    ).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
  });

  it('shows only the months when every element is monthly', () => {
    expect(
      gridColumns({ period: '2024Q2', months: monthsOf('2024Q2') }, new Set(['month'] as const)),
    ).toEqual(['2024-04', '2024-05', '2024-06']);
  });
});

describe('gridValues', () => {
  const span = { period: '2024', months: monthsOf('2024') };
  const row = (code: string, periodType: DataElement['periodType'] | undefined): GridRow => ({
    code,
    element:
      periodType === undefined
        ? undefined
        : {
            code,
            name: { en: code },
            valueType: 'number',
            unit: null,
            aggregation: 'sum',
            periodType,
            timeAggregation: 'sum',
            missingValues: null,
            min: null,
            max: null,
            description: null,
            outliers: null,
            createdAt: '2024-01-01T00:00:00.000Z',
            updatedAt: '2024-01-01T00:00:00.000Z',
          },
  });

  it("reads the grid's unit from its first column to its last, for its rows' elements in order", () => {
    expect(gridValues('AZ', span, [row('beds', 'month'), row('staff', 'year')]).query).toEqual({
      orgUnit: 'AZ',
      from: '2024-01',
      to: '2024',
      dataElements: ['beds', 'staff'],
    });
  });

  it('has the month columns only when every row is monthly, or unknown to the server', () => {
    expect(gridValues('AZ', span, [row('beds', 'month'), row('ghost', undefined)]).months).toEqual(
      monthsOf('2024'),
    );
  });
});
