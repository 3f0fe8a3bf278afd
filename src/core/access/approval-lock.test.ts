/**
 * What an approval locks and what an evaluation rests on (issue 4). Hospital 5 (`/1/5/`) with department 12;
 * scorecard 1 approved for hospital 5 over 2024, scorecard 2 only submitted for department 12 in 2024-03.
 */
import { expect, test } from 'vitest';
import { type ApprovalSpan, approvalOfEvaluation, findLockingApproval } from './approval-lock.ts';

const YEAR: ApprovalSpan = {
  scorecardId: 1,
  orgUnitPath: '/1/5/',
  periodId: '2024',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  status: 'approved',
};
const SUBMITTED: ApprovalSpan = {
  scorecardId: 2,
  orgUnitPath: '/1/5/12/',
  periodId: '2024-03',
  periodStart: '2024-03-01',
  periodEnd: '2024-03-31',
  status: 'submitted',
};
const MARCH = { periodStart: '2024-03-01', periodEnd: '2024-03-31' };

test.each([
  ['a data value of the hospital in March', { orgUnitPath: '/1/5/', ...MARCH, scorecardId: null }, YEAR],
  ['a data value of its department in March', { orgUnitPath: '/1/5/12/', ...MARCH, scorecardId: null }, YEAR],
  ['a data value of another hospital', { orgUnitPath: '/1/6/', ...MARCH, scorecardId: null }, undefined],
  [
    'a data value in 2025',
    { orgUnitPath: '/1/5/', periodStart: '2025-01-01', periodEnd: '2025-01-31', scorecardId: null },
    undefined,
  ],
  [
    'a reported value of scorecard 1 for 2024Q2',
    { orgUnitPath: '/1/5/', periodStart: '2024-04-01', periodEnd: '2024-06-30', scorecardId: 1 },
    YEAR,
  ],
  ['an assessment of scorecard 2', { orgUnitPath: '/1/5/12/', ...MARCH, scorecardId: 2 }, undefined],
] as const)('decides whether the approval locks %s', (_what, change, lock) => {
  expect(findLockingApproval([YEAR, SUBMITTED], change)).toBe(lock);
});

test.each([
  ['the department in March, scorecard 1', 1, '/1/5/12/', '2024-03', MARCH, YEAR],
  ['the department in March, scorecard 2', 2, '/1/5/12/', '2024-03', MARCH, SUBMITTED],
  [
    'the group over 2024, scorecard 1',
    1,
    '/1/',
    '2024',
    { periodStart: '2024-01-01', periodEnd: '2024-12-31' },
    undefined,
  ],
] as const)(
  'finds what an evaluation of %s rests on',
  (_what, scorecardId, orgUnitPath, periodId, span, found) => {
    expect(approvalOfEvaluation([YEAR, SUBMITTED], { scorecardId, orgUnitPath, periodId, ...span })).toBe(
      found,
    );
  },
);
