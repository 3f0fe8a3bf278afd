/**
 * The approval workflow's transitions (issue 4: submit → approve → reopen with a reason), as a complete table of
 * status × action.
 */
import { expect, test } from 'vitest';
import { type ApprovalAction, type ApprovalStatus, nextApprovalStatus } from './approval-workflow.ts';

test.each<[ApprovalStatus | null, ApprovalAction, ApprovalStatus | null]>([
  [null, 'submit', 'submitted'],
  [null, 'approve', null],
  [null, 'reopen', null],
  ['submitted', 'submit', null],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'reopen', 'reopened'],
  ['approved', 'submit', null],
  ['approved', 'approve', null],
  ['approved', 'reopen', 'reopened'],
  ['reopened', 'submit', 'submitted'],
  ['reopened', 'approve', null],
  ['reopened', 'reopen', null],
])('from %s, %s leads to %s', (current, action, next) => {
  const transition = nextApprovalStatus(current, action);
  expect(transition.ok ? transition.status : null).toBe(next);
});

test('says why a step does not apply', () => {
  expect(nextApprovalStatus('reopened', 'approve')).toEqual({
    ok: false,
    reason: 'only submitted data can be approved; it is reopened',
  });
});
