import { describe, expect, test } from 'vitest';
import { isTimeZone, pullPeriodFor } from './pull-period.ts';

describe('pullPeriodFor', () => {
  test('a monthly pull early in March reads February, on the calendar of its time zone', () => {
    // 01:00 on 1 March in Shanghai is still 29 February in UTC.
    expect(pullPeriodFor(new Date('2024-02-29T17:00:00Z'), 'Asia/Shanghai', 'month', -1)).toEqual({
      period: '2024-02',
      period_start: '2024-02-01',
      period_end: '2024-03-01',
    });
  });

  test('the same instant read in UTC is still February, so the month before is January', () => {
    expect(pullPeriodFor(new Date('2024-02-29T17:00:00Z'), 'UTC', 'month', -1).period).toBe('2024-01');
  });

  test('offset 0 reads the period holding the run', () => {
    expect(pullPeriodFor(new Date('2024-05-15T00:00:00Z'), 'UTC', 'month', 0).period).toBe('2024-05');
  });

  test('a quarterly pull in early April reads the first quarter, ending on 1 April', () => {
    expect(pullPeriodFor(new Date('2024-04-02T03:00:00Z'), 'UTC', 'quarter', -1)).toEqual({
      period: '2024Q1',
      period_start: '2024-01-01',
      period_end: '2024-04-01',
    });
  });

  test('a yearly pull in January reads the year before', () => {
    expect(pullPeriodFor(new Date('2025-01-05T00:00:00Z'), 'UTC', 'year', -1)).toEqual({
      period: '2024',
      period_start: '2024-01-01',
      period_end: '2025-01-01',
    });
  });
});

describe('isTimeZone', () => {
  test.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Mars/Olympus', false],
  ])('%s → %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});
