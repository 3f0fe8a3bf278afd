/**
 * Which of the grid's columns are locked on screen by an approval (issue 17: a month's approval locks that month
 * only, as monthly reporting needs). The server locks a data value under any approved approval of its unit (or an
 * ancestor) whose period holds the value's period, of any scorecard (services/approval-locks.ts); the grid
 * follows that for the approvals of its unit, and also keeps the periods submitted for this scorecard read-only
 * while they wait for the approver (reopening gives them back). A column coarser than the approved period (the
 * year column under a month's approval) is not inside it and stays editable, as on the server.
 */
import type { ApprovalResource } from '../../../core/contracts/approvals.ts';
import { tryParsePeriod } from '../../../core/periods/index.ts';

/** Whether `outer` (a period id) holds all of `inner`. */
function holds(outer: string, inner: string): boolean {
  const a = tryParsePeriod(outer);
  const b = tryParsePeriod(inner);
  return a !== null && b !== null && a.startDate <= b.startDate && b.endDate <= a.endDate;
}

/** Whether an approval keeps data read-only on this scorecard's grid. */
function locks(approval: ApprovalResource, scorecard: string): boolean {
  return (
    approval.status === 'approved' || (approval.status === 'submitted' && approval.scorecard === scorecard)
  );
}

/**
 * The approval that locks each locked column (an approved one before a submitted one), by column id; columns
 * left out are editable.
 *
 * @example columnLocks([{ period: '2024-03', status: 'approved', … }], ['2024-02', '2024-03', '2024'], 'S')
 * // Map { '2024-03' => { period: '2024-03', status: 'approved', … } }
 */
export function columnLocks(
  approvals: readonly ApprovalResource[],
  columns: readonly string[],
  scorecard: string,
): Map<string, ApprovalResource> {
  const locking = approvals
    .filter((approval) => locks(approval, scorecard))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'approved' ? -1 : 1));
  const result = new Map<string, ApprovalResource>();
  for (const column of columns) {
    const approval = locking.find((candidate) => holds(candidate.period, column));
    if (approval !== undefined) result.set(column, approval);
  }
  return result;
}
