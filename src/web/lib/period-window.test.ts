import { expect, test } from 'vitest';
import { periodBefore, trendWindow } from './period-window.ts';

// Calendar arithmetic over core/periods ids (month 2024-03, quarter 2024Q1, year 2024).
test.each([
  { period: '2016', expected: { from: '2012', to: '2016' } },
  { period: '2024Q1', expected: { from: '2022Q2', to: '2024Q1' } },
  { period: '2024-03', expected: { from: '2023-04', to: '2024-03' } },
  { period: '2024-12', expected: { from: '2024-01', to: '2024-12' } },
  { period: 'last year', expected: null },
])('shows the trend up to $period from $expected.from', ({ period, expected }) => {
  expect(trendWindow(period)).toEqual(expected);
});

test.each([
  { period: '2016', expected: '2015' },
  { period: '2024Q1', expected: '2023Q4' },
  { period: '2024-01', expected: '2023-12' },
  { period: '24', expected: null },
])('compares $period with $expected', ({ period, expected }) => {
  expect(periodBefore(period)).toBe(expected);
});
