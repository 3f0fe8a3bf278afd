/**
 * Data approval of one org unit × period × scorecard (issue 4): submit → approve (the data locks) → reopen with
 * a reason → submit again … A reopen also sends a submitted unit back without approving it. The unit of
 * approval mirrors DHIS2's data approval ("approval is done per data set, period, organisation unit", DHIS2 Web
 * API guide, "Data approval"; approve and unapprove), with a scorecard in place of the data set and without
 * DHIS2's approval levels: an approval of a unit covers its whole subtree.
 */

export type ApprovalStatus = 'submitted' | 'approved' | 'reopened';
export type ApprovalAction = 'submit' | 'approve' | 'reopen';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['submitted', 'approved', 'reopened'];
export const APPROVAL_ACTIONS: readonly ApprovalAction[] = ['submit', 'approve', 'reopen'];

/** Why an action does not apply, as the problem code of the 409 (core/errors/messages/approval.ts). */
export type ApprovalRefusal =
  | 'approval.submit-already-submitted'
  | 'approval.submit-already-approved'
  | 'approval.approve-not-submitted'
  | 'approval.approve-reopened'
  | 'approval.approve-already-approved'
  | 'approval.reopen-not-submitted'
  | 'approval.reopen-already-reopened';

/** What each action does from each status: the status it leads to, or why it is refused. */
const STEPS: Readonly<
  Record<ApprovalAction, Readonly<Record<ApprovalStatus | 'none', ApprovalStatus | ApprovalRefusal>>>
> = {
  submit: {
    none: 'submitted',
    reopened: 'submitted',
    submitted: 'approval.submit-already-submitted',
    approved: 'approval.submit-already-approved',
  },
  approve: {
    none: 'approval.approve-not-submitted',
    reopened: 'approval.approve-reopened',
    submitted: 'approved',
    approved: 'approval.approve-already-approved',
  },
  reopen: {
    none: 'approval.reopen-not-submitted',
    reopened: 'approval.reopen-already-reopened',
    submitted: 'reopened',
    approved: 'reopened',
  },
};

function isApprovalStatus(value: string): value is ApprovalStatus {
  return APPROVAL_STATUSES.some((status) => status === value);
}

export type Transition =
  | { readonly ok: true; readonly status: ApprovalStatus }
  | { readonly ok: false; readonly refusal: ApprovalRefusal };

/**
 * The status after `action` from `current` (null: never submitted), or why the action does not apply.
 *
 * @example nextApprovalStatus(null, 'submit') // { ok: true, status: 'submitted' }
 * @example nextApprovalStatus('approved', 'reopen') // { ok: true, status: 'reopened' }
 * @example nextApprovalStatus('reopened', 'approve') // { ok: false, refusal: 'approval.approve-reopened' }: submit it again first
 */
export function nextApprovalStatus(current: ApprovalStatus | null, action: ApprovalAction): Transition {
  const step = STEPS[action][current ?? 'none'];
  return isApprovalStatus(step) ? { ok: true, status: step } : { ok: false, refusal: step };
}
