import { describe, expect, it, test } from 'vitest';
import {
  type DatedRecord,
  holdsFor,
  isAligned,
  periodAfter,
  periodStart,
  selectEffectiveVersion,
} from './effective-periods.ts';

test.each([
  ['2024-03', '2024-03'],
  ['2024Q3', '2024-07'],
  ['2024', '2024-01'],
])('the first month of %s is %s', (period, month) => {
  expect(periodStart(period)).toBe(month);
});

test.each<[string | null, string, boolean]>([
  [null, '1999-01', true],
  ['2025', '2025-01', true],
  ['2025', '2025Q4', true],
  ['2025', '2024-12', false],
  ['2025Q3', '2025-06', false],
  ['2025Q3', '2025', false],
  ['2025-07', '2025Q3', true],
])('something effective from %s holds for %s: %s', (effectiveFrom, period, expected) => {
  expect(holdsFor(effectiveFrom, period)).toBe(expected);
});

describe('selectEffectiveVersion', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 0, day));
  // v1 since the beginning; v2 from 2025 (recorded on the 10th); v3 from 2024, recorded later (the 20th).
  const versions: DatedRecord[] = [
    { version: 1, effectiveFrom: null, recordedAt: at(1) },
    { version: 2, effectiveFrom: '2025', recordedAt: at(10) },
    { version: 3, effectiveFrom: '2024', recordedAt: at(20) },
  ];
  const chosen = (period: string, asOf: Date | null = null) =>
    selectEffectiveVersion(versions, period, asOf)?.version ?? null;

  it('keeps a period before every later change on the version that held for it', () => {
    expect(chosen('2023')).toBe(1);
  });

  it('lets the latest recorded change reach every period from its effective-from period on', () => {
    expect([chosen('2024'), chosen('2025'), chosen('2026-05')]).toEqual([3, 3, 3]);
  });

  it('as of a date, ignores what was recorded after it', () => {
    expect([chosen('2024', at(15)), chosen('2025', at(15)), chosen('2025', at(5))]).toEqual([1, 2, 1]);
  });

  it('finds nothing as of a date before the first version was recorded', () => {
    expect(chosen('2025', new Date(Date.UTC(2025, 11, 31)))).toBeNull();
  });
});

test.each([
  ['2023', 'month', '2024-01'],
  ['2023', 'year', '2024'],
  ['2024-03', 'month', '2024-04'],
  ['2024-03', 'quarter', '2024Q2'],
  ['2024-03', 'year', '2025'],
  ['2024Q4', 'quarter', '2025Q1'],
  ['2024-12', 'year', '2025'],
] as const)('the first %s-period after %s is %s', (period, type, expected) => {
  expect(periodAfter(period, type)).toBe(expected);
});

test.each([
  ['2024', 'month', true],
  ['2024Q1', 'quarter', true],
  ['2024Q1', 'year', false],
  ['2024-03', 'quarter', false],
  ['2024-03', null, true],
] as const)('%s may start a change on a scheme of %s periods: %s', (period, type, expected) => {
  expect(isAligned(period, type)).toBe(expected);
});
