/**
 * Which periods of a publication rest on unapproved data. A publication of scorecard S for unit U and period P
 * rests on approved data when an approved approval of S covers U (itself or an ancestor, whose approval locks
 * its subtree) and P (itself or an enclosing period), or covers each of P's months that way (approved month by
 * month). Otherwise the publisher must name what is unapproved to publish anyway: the months of P without such
 * an approval, or P itself when none of its months has one.
 */
import { type ApprovalSpan, findLockingApproval } from '../access/approval-lock.ts';
import { monthsOf, tryParsePeriod } from '../periods/index.ts';

/**
 * The periods the publisher must name, empty when the data is approved.
 *
 * @example unapprovedPeriods([], { scorecardId: 1, orgUnitPath: '/1/', period: '2023' }) // ['2023']
 * @example unapprovedPeriods([approvedJanuaryToNovember], { …, period: '2023' }) // ['2023-12']
 */
export function unapprovedPeriods(
  approvals: readonly ApprovalSpan[],
  target: { readonly scorecardId: number; readonly orgUnitPath: string; readonly period: string },
): string[] {
  const covered = (periodId: string): boolean => {
    const period = tryParsePeriod(periodId);
    if (period === null) return false;
    return (
      findLockingApproval(approvals, {
        orgUnitPath: target.orgUnitPath,
        periodStart: period.startDate,
        periodEnd: period.endDate,
        scorecardId: target.scorecardId,
      }) !== undefined
    );
  };
  if (covered(target.period)) return [];
  const months = monthsOf(target.period);
  const missing = months.filter((month) => !covered(month));
  if (missing.length === 0) return [];
  return missing.length === months.length ? [target.period] : missing;
}

/**
 * The unapproved periods a publisher has not named: naming the published period itself names all of its months.
 *
 * @example unnamedPeriods(['2023-11', '2023-12'], ['2023-12'], '2023') // ['2023-11']
 * @example unnamedPeriods(['2023-11', '2023-12'], ['2023'], '2023') // []
 */
export function unnamedPeriods(
  needed: readonly string[],
  named: readonly string[],
  period: string,
): string[] {
  const names = new Set(named);
  if (names.has(period)) return [];
  return needed.filter((p) => !names.has(p));
}
