import { describe, expect, it } from 'vitest';
import type { ApprovalSpan } from '../access/approval-lock.ts';
import { tryParsePeriod } from '../periods/index.ts';
import { unapprovedPeriods, unnamedPeriods } from './unapproved-periods.ts';

function approval(
  periodId: string,
  orgUnitPath: string,
  status: ApprovalSpan['status'] = 'approved',
): ApprovalSpan {
  const period = tryParsePeriod(periodId);
  if (!period) throw new Error('fixture');
  return {
    scorecardId: 1,
    orgUnitPath,
    periodId,
    periodStart: period.startDate,
    periodEnd: period.endDate,
    status,
  };
}

const GROUP = { scorecardId: 1, orgUnitPath: '/1/', period: '2023' };

describe('unapprovedPeriods', () => {
  it('names the whole period when none of its months is approved', () => {
    expect(unapprovedPeriods([], GROUP)).toEqual(['2023']);
  });

  it('names nothing when an approval of the unit covers the period', () => {
    expect(unapprovedPeriods([approval('2023', '/1/')], GROUP)).toEqual([]);
  });

  it("counts an ancestor's approval, which locks the unit's subtree", () => {
    expect(unapprovedPeriods([approval('2023', '/1/')], { ...GROUP, orgUnitPath: '/1/4/' })).toEqual([]);
  });

  it('names the months left when the others are approved month by month or by quarter', () => {
    const approvals = [
      approval('2023Q1', '/1/'),
      approval('2023Q2', '/1/'),
      approval('2023Q3', '/1/'),
      approval('2023-10', '/1/'),
      approval('2023-11', '/1/', 'submitted'),
    ];
    expect(unapprovedPeriods(approvals, GROUP)).toEqual(['2023-11', '2023-12']);
  });

  it("ignores a sub-unit's approval: the group's score rests on all of its data", () => {
    expect(unapprovedPeriods([approval('2023', '/1/4/')], GROUP)).toEqual(['2023']);
  });
});

describe('unnamedPeriods', () => {
  it('lists what the publisher did not name', () => {
    expect(unnamedPeriods(['2023-11', '2023-12'], ['2023-12'], '2023')).toEqual(['2023-11']);
  });

  it('takes the published period itself as naming all of its months', () => {
    expect(unnamedPeriods(['2023-11', '2023-12'], ['2023'], '2023')).toEqual([]);
  });
});
