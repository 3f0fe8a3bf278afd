/**
 * Moving between periods. Quarters are three calendar months from January, April, July and October
 * (DHIS2 `yyyyQn` periods); every expected id below is worked out by hand from that calendar.
 */
import { describe, expect, test } from 'vitest';
import { ProblemError } from '../errors/problem.ts';
import {
  comparePeriodIds,
  monthFromOrdinal,
  monthOrdinal,
  monthsOf,
  nextPeriod,
  periodContaining,
  periodRange,
  previousPeriod,
  samePeriodLastYear,
} from './index.ts';

describe('monthsOf', () => {
  test.each([
    ['2024Q1', ['2024-01', '2024-02', '2024-03']],
    ['2024q4', ['2024-10', '2024-11', '2024-12']],
    ['2024-07', ['2024-07']],
    [
      '2023',
      [
        '2023-01',
        '2023-02',
        '2023-03',
        '2023-04',
        '2023-05',
        '2023-06',
        '2023-07',
        '2023-08',
        '2023-09',
        '2023-10',
        '2023-11',
        '2023-12',
      ],
    ],
  ])('the months of %s are %j', (id, months) => {
    expect(monthsOf(id)).toEqual(months);
  });
});

describe('periodContaining', () => {
  test.each([
    ['2024-01', 'quarter', '2024Q1'],
    ['2024-03', 'quarter', '2024Q1'],
    ['2024-04', 'quarter', '2024Q2'],
    ['2024-05', 'quarter', '2024Q2'],
    ['2024-09', 'quarter', '2024Q3'],
    ['2024-10', 'quarter', '2024Q4'],
    ['2024-12', 'quarter', '2024Q4'],
    ['2024-05', 'year', '2024'],
    ['2024-05', 'month', '2024-05'],
    ['2024q3', 'year', '2024'],
    ['2024Q3', 'quarter', '2024Q3'],
  ] as const)('%s lies in the %s %s', (id, type, expected) => {
    expect(periodContaining(id, type)).toBe(expected);
  });

  test.each([
    ['2024Q2', 'month'],
    ['2024', 'quarter'],
  ] as const)('refuses to put the wider %s inside a %s', (id, type) => {
    expect(() => periodContaining(id, type)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          code: type === 'month' ? 'period.not-within-month' : 'period.not-within-quarter',
          params: { period: id },
        }),
      }),
    );
  });
});

describe('previousPeriod, nextPeriod and samePeriodLastYear', () => {
  test.each([
    ['2024-01', '2023-12', '2024-02', '2023-01'],
    ['2024-03', '2024-02', '2024-04', '2023-03'],
    ['2024-12', '2024-11', '2025-01', '2023-12'],
    ['2024Q1', '2023Q4', '2024Q2', '2023Q1'],
    ['2024q3', '2024Q2', '2024Q4', '2023Q3'],
    ['2024Q4', '2024Q3', '2025Q1', '2023Q4'],
    ['2024', '2023', '2025', '2023'],
  ])('%s comes after %s and before %s; a year earlier it was %s', (id, previous, next, lastYear) => {
    expect(previousPeriod(id)).toBe(previous);
    expect(nextPeriod(id)).toBe(next);
    expect(samePeriodLastYear(id)).toBe(lastYear);
  });

  test.each([
    ['previousPeriod', () => previousPeriod('1900-01')],
    ['previousPeriod', () => previousPeriod('1900Q1')],
    ['nextPeriod', () => nextPeriod('2999')],
    ['samePeriodLastYear', () => samePeriodLastYear('1900-06')],
  ])('%s refuses to leave the years 1900–2999', (_name, call) => {
    expect(call).toThrow(ProblemError);
  });
});

describe('periodRange', () => {
  test.each([
    ['2023-11', '2024-02', ['2023-11', '2023-12', '2024-01', '2024-02']],
    ['2024-05', '2024-05', ['2024-05']],
    ['2023Q3', '2024q2', ['2023Q3', '2023Q4', '2024Q1', '2024Q2']],
    ['2021', '2024', ['2021', '2022', '2023', '2024']],
  ])('from %s to %s gives %j', (from, to, expected) => {
    expect(periodRange(from, to)).toEqual(expected);
  });

  test('a five-year month range has 60 months', () => {
    const months = periodRange('2021-01', '2025-12');
    expect(months).toHaveLength(60);
    expect(months[59]).toBe('2025-12');
  });

  test.each([
    ['2024-01', '2024Q1', 'A period range needs two periods of the same type; got 2024-01 and 2024Q1.'],
    ['2024', '2023', 'A period range must run forwards; 2024 comes after 2023.'],
    ['2024-02', '2024-01', 'A period range must run forwards; 2024-02 comes after 2024-01.'],
  ])('refuses %s to %s', (from, to, message) => {
    expect(() => periodRange(from, to)).toThrow(message);
  });
});

describe('comparePeriodIds', () => {
  test('sorts by first day, and shorter periods before longer ones that start the same day', () => {
    const ids = ['2024', '2024Q2', '2023-12', '2024Q1', '2024-01', '2024-04', '2023'];
    expect([...ids].sort(comparePeriodIds)).toEqual([
      '2023',
      '2023-12',
      '2024-01',
      '2024Q1',
      '2024',
      '2024-04',
      '2024Q2',
    ]);
  });

  test.each([
    ['2024-03', '2024-03', 0],
    ['2024q1', '2024Q1', 0],
    ['2023-12', '2024-01', -1],
    ['2024Q2', '2024Q1', 3],
  ])('compares %s with %s as %d', (a, b, expected) => {
    expect(comparePeriodIds(a, b)).toBe(expected);
  });
});

describe('monthOrdinal', () => {
  test.each([
    ['1900-01', 0],
    ['1900-12', 11],
    ['1901-01', 12],
    ['2024-03', 1490],
  ])('%s is month number %d', (id, n) => {
    expect(monthOrdinal(id)).toBe(n);
    expect(monthFromOrdinal(n)).toBe(id);
  });

  test('refuses a quarter', () => {
    expect(() => monthOrdinal('2024Q1')).toThrow('Expected a month such as 2024-03; got 2024Q1.');
  });
});
