import { describe, expect, it } from 'vitest';
import { chooseGranularity, lastPeriodOf, seriesWindow, supportedGranularities } from './series-window.ts';

describe('lastPeriodOf', () => {
  it.each([
    ['2024', 'month', '2024-12'],
    ['2024', 'quarter', '2024Q4'],
    ['2024', 'year', '2024'],
    ['2024Q2', 'month', '2024-06'],
    ['2024-05', 'quarter', '2024Q2'],
    ['2024-05', 'year', '2024'],
  ] as const)('gives the last %s period of %s as %s', (period, granularity, expected) => {
    expect(lastPeriodOf(period, granularity)).toBe(expected);
  });

  it('returns null for an id that is not a period', () => {
    expect(lastPeriodOf('last year', 'year')).toBeNull();
  });
});

describe('seriesWindow', () => {
  it('covers two years of months, three years of quarters and five years ending with the selection', () => {
    expect(seriesWindow('2024', 'month')).toEqual({ from: '2023-01', to: '2024-12' });
    expect(seriesWindow('2024', 'quarter')).toEqual({ from: '2022Q1', to: '2024Q4' });
    expect(seriesWindow('2016', 'year')).toEqual({ from: '2012', to: '2016' });
    expect(seriesWindow('2024-03', 'month')).toEqual({ from: '2022-04', to: '2024-03' });
  });

  it('returns null for an id that is not a period', () => {
    expect(seriesWindow('nope', 'year')).toBeNull();
  });
});

describe('supportedGranularities', () => {
  it('offers months and quarters when months with data lie in the window', () => {
    const periods = [
      { id: '2024', type: 'year' },
      { id: '2023-07', type: 'month' },
    ];
    expect(supportedGranularities('2024', periods)).toEqual(['month', 'quarter', 'year']);
  });

  it('offers years alone for an annual case whose months hold no data', () => {
    const periods = [
      { id: '2016', type: 'year' },
      { id: '2024-03', type: 'month' },
    ];
    expect(supportedGranularities('2016', periods)).toEqual(['year']);
  });
});

describe('chooseGranularity', () => {
  it('keeps a supported choice, else the selected period type, else years', () => {
    const all = ['month', 'quarter', 'year'] as const;
    expect(chooseGranularity('quarter', '2024', all)).toBe('quarter');
    expect(chooseGranularity(null, '2024-03', all)).toBe('month');
    expect(chooseGranularity('weeks', '2024', all)).toBe('year');
    expect(chooseGranularity('month', '2016', ['year'])).toBe('year');
  });
});
