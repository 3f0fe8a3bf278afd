import { describe, expect, it } from 'vitest';
import { approvalPeriodOf } from './approval-period.ts';

describe('approvalPeriodOf', () => {
  it('approves a chosen month on its own, though the grid shows its year', () => {
    expect(approvalPeriodOf('2024-03', '2024')).toBe('2024-03');
  });

  it("approves the grid's span when a year or quarter is chosen", () => {
    expect([approvalPeriodOf('2024', '2024'), approvalPeriodOf('2024Q2', '2024Q2')]).toEqual([
      '2024',
      '2024Q2',
    ]);
  });
});
