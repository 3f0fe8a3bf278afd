import { describe, expect, it } from 'vitest';
import type { ApprovalResource } from '../../../core/contracts/approvals.ts';
import { columnLocks } from './column-locks.ts';

function approval(
  period: string,
  status: ApprovalResource['status'],
  scorecard = 'UMG-BSC',
): ApprovalResource {
  return {
    scorecard,
    orgUnit: 'UMG-B1-INTM',
    period,
    status,
    submittedBy: 'entry@demo.healthbsc',
    submittedAt: '2026-11-23T06:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    reason: null,
    updatedAt: '2026-11-23T06:00:00.000Z',
  };
}

const COLUMNS = ['2024-02', '2024-03', '2024-04', '2024Q1', '2024'];
const locked = (approvals: ApprovalResource[], scorecard = 'UMG-BSC') =>
  [...columnLocks(approvals, COLUMNS, scorecard)].map(
    ([column, by]) => `${column}:${by.period}:${by.status}`,
  );

describe('columnLocks', () => {
  it('a month approved locks that month only, not its neighbours, its quarter or its year', () => {
    expect(locked([approval('2024-03', 'approved')])).toEqual(['2024-03:2024-03:approved']);
  });

  it('a quarter approved locks its months and itself; a year approved locks every column', () => {
    expect(locked([approval('2024Q1', 'approved')])).toEqual([
      '2024-02:2024Q1:approved',
      '2024-03:2024Q1:approved',
      '2024Q1:2024Q1:approved',
    ]);
    expect(locked([approval('2024', 'approved')])).toHaveLength(5);
  });

  it('a reopened approval locks nothing; a submitted one only on its own scorecard', () => {
    expect(locked([approval('2024', 'reopened'), approval('2024-02', 'submitted', 'OTHER')])).toEqual([]);
    expect(locked([approval('2024-04', 'submitted')])).toEqual(['2024-04:2024-04:submitted']);
  });

  it("another scorecard's approval locks the values too, as the server does, and is named before a submission", () => {
    expect(
      locked([approval('2024-03', 'submitted'), approval('2024Q1', 'approved', 'UMG-DEPT-BSC')]),
    ).toEqual(['2024-02:2024Q1:approved', '2024-03:2024Q1:approved', '2024Q1:2024Q1:approved']);
  });
});
