/**
 * What an approval locks, and what an evaluation rests on (issue 4: "approved data cannot change … until
 * reopened"; "evaluations say whether they rest on approved data").
 *
 * An approved unit × period × scorecard locks, for the unit and every unit under it, every period that lies
 * within the approved one (a year locks its quarters and months):
 * - data values of any data element (they feed every scorecard, so any scorecard's approval locks them);
 * - reported values and assessments of that scorecard.
 */
import type { ApprovalStatus } from './approval-workflow.ts';
import { coversPath } from './scope.ts';

/** An approval as the checks need it: the unit's path and the period's first and last days. */
export interface ApprovalSpan {
  readonly scorecardId: number;
  readonly orgUnitPath: string;
  readonly periodId: string;
  /** `YYYY-MM-DD`. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly status: ApprovalStatus;
}

/** A change to one stored value: its unit, its period's days, and its scorecard (null for a data value). */
export interface DataChange {
  readonly orgUnitPath: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly scorecardId: number | null;
}

function within(approval: ApprovalSpan, start: string, end: string): boolean {
  return approval.periodStart <= start && end <= approval.periodEnd;
}

/**
 * The approved approval that forbids `change`, or undefined when none does.
 *
 * @example
 * const year = { scorecardId: 1, orgUnitPath: '/1/5/', periodId: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', status: 'approved' };
 * findLockingApproval([year], { orgUnitPath: '/1/5/9/', periodStart: '2024-03-01', periodEnd: '2024-03-31', scorecardId: null }) // year
 * findLockingApproval([year], { orgUnitPath: '/1/6/', periodStart: '2024-03-01', periodEnd: '2024-03-31', scorecardId: null }) // undefined
 */
export function findLockingApproval<A extends ApprovalSpan>(
  approvals: readonly A[],
  change: DataChange,
): A | undefined {
  return approvals.find(
    (a) =>
      a.status === 'approved' &&
      coversPath(a.orgUnitPath, change.orgUnitPath) &&
      within(a, change.periodStart, change.periodEnd) &&
      (change.scorecardId === null || change.scorecardId === a.scorecardId),
  );
}

/**
 * The approval an evaluation of `scorecardId` for the unit at `orgUnitPath` and `period` rests on: an approved
 * approval of that scorecard covering the unit (itself or an ancestor) and the period (itself or one enclosing
 * it), the nearest unit first; else the unit's own approval record for exactly that period (submitted or
 * reopened); else undefined (never submitted).
 *
 * @example approvalOfEvaluation([year], { scorecardId: 1, orgUnitPath: '/1/5/', periodId: '2024Q2', periodStart: '2024-04-01', periodEnd: '2024-06-30' }) // year
 */
export function approvalOfEvaluation<A extends ApprovalSpan>(
  approvals: readonly A[],
  target: {
    readonly scorecardId: number;
    readonly orgUnitPath: string;
    readonly periodId: string;
    readonly periodStart: string;
    readonly periodEnd: string;
  },
): A | undefined {
  const mine = approvals.filter((a) => a.scorecardId === target.scorecardId);
  const covering = mine
    .filter(
      (a) =>
        a.status === 'approved' &&
        coversPath(a.orgUnitPath, target.orgUnitPath) &&
        within(a, target.periodStart, target.periodEnd),
    )
    .sort((a, b) => b.orgUnitPath.length - a.orgUnitPath.length);
  return (
    covering[0] ?? mine.find((a) => a.orgUnitPath === target.orgUnitPath && a.periodId === target.periodId)
  );
}
