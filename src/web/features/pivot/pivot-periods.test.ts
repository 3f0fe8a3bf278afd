import { describe, expect, test } from 'vitest';
import { pivotRange, unitLabel } from './pivot-periods.ts';

describe('pivotRange', () => {
  test.each([
    ['2024', 'month', { from: '2024-01', to: '2024-12' }],
    ['2024-03', 'month', { from: '2024-01', to: '2024-12' }],
    ['2024Q3', 'quarter', { from: '2024Q1', to: '2024Q4' }],
    ['2024', 'year', { from: '2020', to: '2024' }],
  ] as const)('gives %s as %s columns %o', (period, granularity, range) => {
    expect(pivotRange(period, granularity)).toEqual(range);
  });
});

describe('unitLabel', () => {
  test('names the parent of a unit deeper in the subtree', () => {
    expect(unitLabel('外科', '东城分院', true)).toBe('外科 · 东城分院');
  });
  test('leaves a child of the table’s parent as it is', () => {
    expect(unitLabel('东城分院', '云湖医疗集团', false)).toBe('东城分院');
  });
});
