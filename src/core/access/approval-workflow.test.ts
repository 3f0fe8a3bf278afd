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

test.each<[ApprovalStatus | null, ApprovalAction, string]>([
  [null, 'approve', 'approval.approve-not-submitted'],
  [null, 'reopen', 'approval.reopen-not-submitted'],
  ['submitted', 'submit', 'approval.submit-already-submitted'],
  ['approved', 'submit', 'approval.submit-already-approved'],
  ['approved', 'approve', 'approval.approve-already-approved'],
  ['reopened', 'approve', 'approval.approve-reopened'],
  ['reopened', 'reopen', 'approval.reopen-already-reopened'],
])('says why, from %s, %s does not apply: %s', (current, action, refusal) => {
  expect(nextApprovalStatus(current, action)).toEqual({ ok: false, refusal });
});
