/**
 * The lock of approved data (issue 4): "approved data cannot change … through any route or import until
 * reopened → 409 problem naming the approval". Every writer of data values, reported values and assessments
 * (the value batches, import commits and undos) calls `assertUnlocked` in its transaction with the changes it is
 * about to make; unchanged values are not changes and pass.
 */
import { findLockingApproval } from '../../core/access/approval-lock.ts';
import { issue, makeProblem, type Problem, type ProblemIssue } from '../../core/errors/problem.ts';
import { tryParsePeriod } from '../../core/periods/index.ts';
import type { Db } from '../../db/connect.ts';
import { type ApprovalRecord, loadApprovalsForWrite } from '../../db/repositories/approval.repository.ts';
import { findOrgUnitPathsByIds } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { toApprovalResource } from './approvals.service.ts';

/** One change about to be made. */
export interface PendingChange {
  readonly rootId: number;
  readonly orgUnitId: number;
  readonly periodId: string;
  /** The scorecard of a reported value or assessment; null for a data value (locked by any scorecard). */
  readonly scorecardId: number | null;
  /** Where the change is in the request, for the problem's issues (`['values', 3]`, `['data_value', 17]`). */
  readonly path: readonly (string | number)[];
  /** The change in codes, for messages (`H1/beds/2024-03`). */
  readonly label: string;
}

/** Named changes at most, in a refusal. */
const MAX_LISTED = 100;

/** The approval's unit, period and scorecard, as the parameters of the lock's wording. */
function approvalParams(approval: ApprovalRecord) {
  return { orgUnit: approval.orgUnitCode, period: approval.periodId, scorecard: approval.scorecardCode };
}

/** The issue of one refused change. */
function lockedChange(change: PendingChange, approval: ApprovalRecord): ProblemIssue {
  const params = { change: change.label, ...approvalParams(approval) };
  return approval.decidedBy === null
    ? issue('approval.locked-change-no-approver', params, change.path)
    : issue('approval.locked-change', { ...params, by: approval.decidedBy }, change.path);
}

/** The 409 itself: the first locking approval, and how many changes were refused. */
function lockedProblem(approval: ApprovalRecord, count: number, issues: readonly ProblemIssue[]): Problem {
  const params = approvalParams(approval);
  if (approval.decidedBy === null) {
    return count === 1
      ? makeProblem('conflict', 'approval.locked-one-no-approver', params, issues)
      : makeProblem('conflict', 'approval.locked-many-no-approver', { ...params, count }, issues);
  }
  const by = approval.decidedBy;
  return count === 1
    ? makeProblem('conflict', 'approval.locked-one', { ...params, by }, issues)
    : makeProblem('conflict', 'approval.locked-many', { ...params, by, count }, issues);
}

/**
 * Throws a 409 naming the approval (extension member `approval`) when any change falls under approved data;
 * nothing is written then. Reads the approvals `for share` on PostgreSQL (see loadApprovalsForWrite).
 */
export async function assertUnlocked(
  trx: Executor,
  engine: Db['engine'],
  changes: readonly PendingChange[],
): Promise<void> {
  if (changes.length === 0) return;
  let from = '9999-12-31';
  let to = '0000-01-01';
  const spans = new Map<string, { start: string; end: string }>();
  for (const change of changes) {
    if (spans.has(change.periodId)) continue;
    const period = tryParsePeriod(change.periodId);
    if (period === null) continue;
    spans.set(change.periodId, { start: period.startDate, end: period.endDate });
    if (period.startDate < from) from = period.startDate;
    if (period.endDate > to) to = period.endDate;
  }
  const roots = [...new Set(changes.map((c) => c.rootId))];
  const approvals = (
    await loadApprovalsForWrite(trx, roots, { from, to }, { lock: engine === 'postgres' })
  ).filter((a) => a.status === 'approved');
  if (approvals.length === 0) return;
  const paths = await findOrgUnitPathsByIds(trx, [...new Set(changes.map((c) => c.orgUnitId))]);
  const locked: { change: PendingChange; approval: ApprovalRecord }[] = [];
  for (const change of changes) {
    const span = spans.get(change.periodId);
    const path = paths.get(change.orgUnitId);
    if (span === undefined || path === undefined) continue;
    const approval = findLockingApproval(approvals, {
      orgUnitPath: path,
      periodStart: span.start,
      periodEnd: span.end,
      scorecardId: change.scorecardId,
    });
    if (approval !== undefined) locked.push({ change, approval });
  }
  const first = locked[0];
  if (first === undefined) return;
  const issues = locked.slice(0, MAX_LISTED).map(({ change, approval }) => lockedChange(change, approval));
  throw new ExtendedProblemError(lockedProblem(first.approval, locked.length, issues), {
    approval: toApprovalResource(first.approval),
  });
}
