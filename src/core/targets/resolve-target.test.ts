import { describe, expect, test } from 'vitest';
import { TargetIndex, type TargetRow } from './resolve-target.ts';

function row(patch: Partial<TargetRow> & Pick<TargetRow, 'periodId' | 'target'>): TargetRow {
  return {
    indicator: 'OCC',
    orgUnitId: null,
    groupId: null,
    level: null,
    lower: null,
    upper: null,
    reference: null,
    source: null,
    ...patch,
  };
}

const index = new TargetIndex([
  row({ periodId: '2024', target: 85 }),
  row({ periodId: '2024', level: 3, target: 80 }),
  row({ periodId: '2024', groupId: 9, target: 75 }),
  row({ periodId: '2024', orgUnitId: 42, target: 70 }),
  row({ periodId: '2024Q2', target: 88 }),
  row({ periodId: '2024-05', target: 90 }),
  row({ indicator: 'MORT', periodId: '2024', target: 1 }),
]);

describe('TargetIndex.resolve', () => {
  test.each([
    ['a unit with its own target', { id: 42, level: 3, groupIds: new Set([9]) }, '2024', 70],
    ['a member of a group', { id: 41, level: 3, groupIds: new Set([9]) }, '2024', 75],
    ['a unit at a level with a target', { id: 40, level: 3, groupIds: new Set<number>() }, '2024', 80],
    ['any other unit', { id: 39, level: 2, groupIds: new Set<number>() }, '2024', 85],
    ['a month with its own target', { id: 42, level: 3, groupIds: new Set([9]) }, '2024-05', 90],
    ['a month of a quarter with a target', { id: 42, level: 3, groupIds: new Set([9]) }, '2024-04', 88],
    ['a month that falls back to the year', { id: 42, level: 3, groupIds: new Set([9]) }, '2024-01', 70],
    [
      'a quarter that falls back to the year',
      { id: 39, level: 2, groupIds: new Set<number>() },
      '2024Q1',
      85,
    ],
  ])('picks the most specific period, then scope: %s', (_name, unit, period, expected) => {
    expect(index.resolve('OCC', unit, period)?.target).toBe(expected);
  });

  test.each([
    ['another year', 'OCC', '2023'],
    ['an indicator without targets', 'SAT', '2024'],
  ])('finds nothing for %s', (_name, indicator, period) => {
    expect(index.resolve(indicator, { id: 1, level: 1, groupIds: new Set() }, period)).toBeNull();
  });
});

describe('TargetIndex.trace', () => {
  const unit = { id: 39, level: 2, groupIds: new Set<number>() };

  test('lists the periods tried up to the quarter that had a target', () => {
    const trace = index.trace('OCC', unit, '2024-04');
    expect(trace.periods).toEqual(['2024-04', '2024Q2']);
    expect(trace.row?.target).toBe(88);
  });

  test('lists month, quarter and year when only the year has a target', () => {
    const trace = index.trace('OCC', unit, '2024-01');
    expect(trace.periods).toEqual(['2024-01', '2024Q1', '2024']);
    expect(trace.row?.periodId).toBe('2024');
  });

  test('finds nothing for an indicator without targets, after trying every period', () => {
    expect(index.trace('NONE', unit, '2024Q3')).toEqual({ row: null, periods: ['2024Q3', '2024'] });
  });
});

describe('a volume without a yearly target', () => {
  const unit = { id: 7, level: 2, groupIds: new Set<number>() };
  const row = (periodId: string, target: number): TargetRow => ({
    indicator: 'VISITS',
    orgUnitId: null,
    groupId: null,
    level: null,
    periodId,
    target,
    lower: null,
    upper: null,
    reference: null,
    source: null,
  });
  const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
  const monthly = months.map((m, i) => row(`2024-${m}`, 100 + i));

  test('takes the sum of its twelve monthly targets', () => {
    const index = new TargetIndex(monthly);
    expect(index.resolve('VISITS', unit, '2024', { volume: true })?.target).toBe(1266); // 12 × 100 + 66
  });

  test("takes a quarter's three monthly targets", () => {
    const index = new TargetIndex(monthly);
    expect(index.resolve('VISITS', unit, '2024Q2', { volume: true })?.target).toBe(312); // 103 + 104 + 105
  });

  test('keeps its own yearly target when it has one', () => {
    const index = new TargetIndex([...monthly, row('2024', 1000)]);
    expect(index.resolve('VISITS', unit, '2024', { volume: true })?.target).toBe(1000);
  });

  test('has none when a month has no target', () => {
    const index = new TargetIndex(monthly.slice(1));
    expect(index.resolve('VISITS', unit, '2024', { volume: true })).toBeNull();
  });

  test('a rate does not sum its months', () => {
    const index = new TargetIndex(monthly);
    expect(index.resolve('VISITS', unit, '2024')).toBeNull();
  });
});
