import { describe, expect, it } from 'vitest';
import { dueDateAfter, proposedTitle } from './action-defaults.ts';

describe('dueDateAfter', () => {
  it('counts days across a year end', () => {
    expect(dueDateAfter(new Date('2026-12-06T16:00:00Z'), 28)).toBe('2027-01-03');
  });

  it('reads the day in UTC, whatever the hour', () => {
    expect(dueDateAfter(new Date('2026-02-28T23:59:00Z'), 1)).toBe('2026-03-01');
  });
});

describe('proposedTitle', () => {
  it('names the indicator and the unit', () => {
    expect(proposedTitle('Bed occupancy', 'Internal medicine')).toBe('Bed occupancy · Internal medicine');
  });

  it('leaves out a missing part', () => {
    expect(proposedTitle('Bed occupancy', ' ')).toBe('Bed occupancy');
  });

  it('keeps within the 300 characters the server takes', () => {
    expect(proposedTitle('x'.repeat(400), 'Unit')).toHaveLength(300);
  });
});
