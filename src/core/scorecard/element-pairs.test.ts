/**
 * Which elements roll up together (element-pairs.ts): a ratio's elements unless they declare zero or required,
 * an expression's elements that declare pairwise, never across period types; and which indicators are volumes.
 */
import { describe, expect, test } from 'vitest';
import { compileScorecard } from './compile-scorecard.ts';
import { isVolumeIndicator, type PairedElement, pairsOfScorecard } from './element-pairs.ts';
import type { ScorecardFileInput } from './scorecard-schema.ts';

const file: ScorecardFileInput = {
  format: 'healthbsc/scorecard@2',
  code: 'PAIRS',
  name: { en: 'Pairs' },
  dataElements: ['occupied', 'available', 'deaths', 'discharges', 'visits', 'a', 'b'].map((code) => ({
    code,
    name: { en: code },
  })),
  perspectives: [
    {
      id: 'I',
      name: { en: 'Internal' },
      indicators: [
        {
          id: 'OCC',
          name: { en: 'Occupancy' },
          formula: { numerator: 'occupied', denominator: 'available' },
        },
        {
          id: 'MORT',
          name: { en: 'Mortality' },
          formula: { numerator: 'deaths', denominator: 'discharges' },
        },
        { id: 'VISITS', name: { en: 'Visits' }, formula: 'visits' },
        { id: 'AB', name: { en: 'A minus B' }, formula: 'a - b' },
      ],
    },
  ],
  weights: {
    perspectives: { manual: { I: 1 } },
    indicators: { I: { manual: { OCC: 0.25, MORT: 0.25, VISITS: 0.25, AB: 0.25 } } },
  },
};
const scorecard = compileScorecard(file);

function elements(overrides: Record<string, Partial<PairedElement>> = {}): Map<string, PairedElement> {
  const all = ['occupied', 'available', 'deaths', 'discharges', 'visits', 'a', 'b'];
  return new Map(
    all.map((code) => [
      code,
      { periodType: 'month', missingValues: null, ...overrides[code] } as PairedElement,
    ]),
  );
}

describe('pairsOfScorecard', () => {
  test('pairs the elements of each ratio, the denominator named as its weight', () => {
    expect(pairsOfScorecard(scorecard, elements()).map((p) => [p.indicator, p.codes, p.denominator])).toEqual(
      [
        ['OCC', ['occupied', 'available'], 'available'],
        ['MORT', ['deaths', 'discharges'], 'discharges'],
      ],
    );
  });

  test('leaves a ratio unpaired when one element declares zero', () => {
    const pairs = pairsOfScorecard(scorecard, elements({ deaths: { missingValues: 'zero' } }));
    expect(pairs.map((p) => p.indicator)).toEqual(['OCC']);
  });

  test('pairs an expression’s elements that declare pairwise, with no denominator', () => {
    const pairs = pairsOfScorecard(
      scorecard,
      elements({ a: { missingValues: 'pairwise' }, b: { missingValues: 'pairwise' } }),
    );
    expect(pairs.at(-1)).toEqual({
      indicator: 'AB',
      codes: ['a', 'b'],
      denominator: null,
      periodType: 'month',
    });
  });

  test('does not pair elements of different period types', () => {
    const pairs = pairsOfScorecard(scorecard, elements({ deaths: { periodType: 'year' } }));
    expect(pairs.map((p) => p.indicator)).toEqual(['OCC']);
  });
});

describe('isVolumeIndicator', () => {
  const indicator = (id: string) => {
    const found = scorecard.perspectives[0]?.indicators.find((i) => i.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const rules = new Map([
    ['visits', { timeAggregation: 'sum' }],
    ['occupied', { timeAggregation: 'sum' }],
    ['available', { timeAggregation: 'sum' }],
  ]);

  test('a count summed over months is a volume', () => {
    expect(isVolumeIndicator(indicator('VISITS'), rules)).toBe(true);
  });

  test('a ratio is not', () => {
    expect(isVolumeIndicator(indicator('OCC'), rules)).toBe(false);
  });

  test('a stock (last month) is not', () => {
    expect(isVolumeIndicator(indicator('VISITS'), new Map([['visits', { timeAggregation: 'last' }]]))).toBe(
      false,
    );
  });
});
