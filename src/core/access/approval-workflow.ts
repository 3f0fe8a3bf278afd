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

const WHY_NOT: Readonly<Record<ApprovalAction, string>> = {
  submit: 'only data that is not submitted or approved can be submitted',
  approve: 'only submitted data can be approved',
  reopen: 'only submitted or approved data can be reopened',
};

export type Transition =
  | { readonly ok: true; readonly status: ApprovalStatus }
  | { readonly ok: false; readonly reason: string };

/**
 * The status after `action` from `current` (null: never submitted), or why the action does not apply.
 *
 * @example nextApprovalStatus(null, 'submit') // { ok: true, status: 'submitted' }
 * @example nextApprovalStatus('approved', 'reopen') // { ok: true, status: 'reopened' }
 * @example nextApprovalStatus('reopened', 'approve').ok // false: submit it again first
 */
export function nextApprovalStatus(current: ApprovalStatus | null, action: ApprovalAction): Transition {
  const next = TRANSITIONS[action][current ?? 'none'];
  return next === null
    ? { ok: false, reason: `${WHY_NOT[action]}; it is ${current ?? 'not submitted'}` }
    : { ok: true, status: next };
}
