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

const TRANSITIONS: Readonly<
  Record<ApprovalAction, Readonly<Record<ApprovalStatus | 'none', ApprovalStatus | null>>>
> = {
  submit: { none: 'submitted', reopened: 'submitted', submitted: null, approved: null },
  approve: { none: null, reopened: null, submitted: 'approved', approved: null },
  reopen: { none: null, reopened: null, submitted: 'reopened', approved: 'reopened' },
};

/** Why an action does not apply, as the problem code of the 409 (core/errors/messages/approval.ts). */
export type ApprovalRefusal =
  | 'approval.submit-already-submitted'
  | 'approval.submit-already-approved'
  | 'approval.approve-not-submitted'
  | 'approval.approve-reopened'
  | 'approval.approve-already-approved'
  | 'approval.reopen-not-submitted'
  | 'approval.reopen-already-reopened';

/** The refusal of each step that `TRANSITIONS` does not allow. */
const REFUSALS: Readonly<
  Record<ApprovalAction, Readonly<Partial<Record<ApprovalStatus | 'none', ApprovalRefusal>>>>
> = {
  submit: { submitted: 'approval.submit-already-submitted', approved: 'approval.submit-already-approved' },
  approve: {
    none: 'approval.approve-not-submitted',
    reopened: 'approval.approve-reopened',
    approved: 'approval.approve-already-approved',
  },
  reopen: { none: 'approval.reopen-not-submitted', reopened: 'approval.reopen-already-reopened' },
};

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
  const from = current ?? 'none';
  const next = TRANSITIONS[action][from];
  if (next !== null) return { ok: true, status: next };
  // Every step the table refuses has its refusal; the fallback only guards a table edited without it.
  return { ok: false, refusal: REFUSALS[action][from] ?? 'approval.approve-not-submitted' };
}
