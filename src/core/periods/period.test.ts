/**
 * Period ids and their dates. Expected dates follow the Gregorian calendar (leap years divisible by 4,
 * centuries only when divisible by 400), checked against any calendar: February 2024 has 29 days, February
 * 2023 and February 1900 have 28, February 2000 has 29.
 */
import { describe, expect, test } from 'vitest';
import { type Problem, ProblemError } from '../errors/problem.ts';
import { daysInMonth, makePeriod, parsePeriod, tryParsePeriod } from './index.ts';

function problemFrom(call: () => unknown): Problem {
  try {
    call();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('parsePeriod', () => {
  test.each([
    ['2024-03', '2024-03', 'month', 2024, 3, '2024-03-01', '2024-03-31'],
    ['2024-02', '2024-02', 'month', 2024, 2, '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02', 'month', 2023, 2, '2023-02-01', '2023-02-28'],
    ['2000-02', '2000-02', 'month', 2000, 2, '2000-02-01', '2000-02-29'],
    ['1900-02', '1900-02', 'month', 1900, 2, '1900-02-01', '1900-02-28'],
    ['2024-04', '2024-04', 'month', 2024, 4, '2024-04-01', '2024-04-30'],
    ['2024-12', '2024-12', 'month', 2024, 12, '2024-12-01', '2024-12-31'],
    ['2024Q1', '2024Q1', 'quarter', 2024, 1, '2024-01-01', '2024-03-31'],
    ['2024q2', '2024Q2', 'quarter', 2024, 2, '2024-04-01', '2024-06-30'],
    ['2024Q3', '2024Q3', 'quarter', 2024, 3, '2024-07-01', '2024-09-30'],
    ['2024Q4', '2024Q4', 'quarter', 2024, 4, '2024-10-01', '2024-12-31'],
    ['2024', '2024', 'year', 2024, 1, '2024-01-01', '2024-12-31'],
    ['1900', '1900', 'year', 1900, 1, '1900-01-01', '1900-12-31'],
    ['2999-12', '2999-12', 'month', 2999, 12, '2999-12-01', '2999-12-31'],
  ] as const)(
    'reads %s as %s, a %s of %d (index %d) from %s to %s',
    (input, id, type, year, index, startDate, endDate) => {
      expect(parsePeriod(input)).toEqual({ id, type, year, index, startDate, endDate });
    },
  );

  test.each([
    ['2024-13', "'2024-13' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['2024-00', "'2024-00' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['2024Q5', "'2024Q5' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['2024Q0', "'2024Q0' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['2024-3', "'2024-3' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['202403', "'202403' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['2024-03-01', "'2024-03-01' is not a period: use 2024-03, 2024Q1 or 2024"],
    [' 2024', "' 2024' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['', "'' is not a period: use 2024-03, 2024Q1 or 2024"],
    ['1899-12', "'1899-12' is not a period: years run from 1900 to 2999"],
    ['3000', "'3000' is not a period: years run from 1900 to 2999"],
  ])('refuses %j with the message %j', (input, message) => {
    const problem = problemFrom(() => parsePeriod(input, ['rows', 4, 'period']));
    const code = message.includes('years run') ? 'period.year-out-of-range' : 'period.not-a-period';
    const params = code === 'period.not-a-period' ? { value: input } : { value: input, min: 1900, max: 2999 };
    expect(problem.type).toBe('bad-request');
    expect(problem.detail).toBe(message);
    expect(problem.issues).toEqual([{ path: ['rows', 4, 'period'], code, params, message }]);
  });
});

describe('tryParsePeriod', () => {
  test.each([
    ['2024q4', '2024Q4'],
    ['2024-06', '2024-06'],
    ['2024Q9', null],
    ['24-06', null],
    ['1066', null],
  ])('reads %j as %j', (input, expected) => {
    expect(tryParsePeriod(input)?.id ?? null).toBe(expected);
  });
});

describe('daysInMonth', () => {
  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2024, 1, 31],
    [2024, 4, 30],
    [2024, 6, 30],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('makePeriod', () => {
  test('builds a quarter from its year and index', () => {
    expect(makePeriod('quarter', 2023, 4)).toEqual({
      id: '2023Q4',
      type: 'quarter',
      year: 2023,
      index: 4,
      startDate: '2023-10-01',
      endDate: '2023-12-31',
    });
  });

  test.each([
    ['month', 2024, 13],
    ['quarter', 2024, 5],
    ['year', 2024, 2],
    ['month', 1899, 1],
    ['year', 3000, 1],
  ] as const)('refuses a %s of %d with index %d', (type, year, index) => {
    expect(() => makePeriod(type, year, index)).toThrow(ProblemError);
  });
});
