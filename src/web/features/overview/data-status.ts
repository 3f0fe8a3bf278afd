/**
 * The overview's data status: whether the evaluation rests on approved data, which indicators have no value,
 * and how many of the unit's direct sub-units have their data for the period approved, submitted, reopened
 * or not yet submitted. Approval covers a subtree (src/core/access/approval-lock.ts): once the unit itself (or
 * an ancestor) is approved, every sub-unit counts as approved.
 */
import type { ApprovalResource } from '../../../core/contracts/approvals.ts';
import type { EvaluationJson } from '../../../core/contracts/evaluation.ts';

export interface MissingIndicator {
  readonly id: string;
  readonly name: EvaluationJson['perspectives'][number]['indicators'][number]['name'];
  readonly reason: string | null;
}

export interface SubUnitCounts {
  readonly total: number;
  readonly approved: number;
  readonly submitted: number;
  readonly reopened: number;
  readonly notSubmitted: number;
}

export interface DataStatus {
  readonly approval: NonNullable<EvaluationJson['approval']>['status'];
  readonly missing: readonly MissingIndicator[];
  /** Null when the unit has no sub-units. */
  readonly subUnits: SubUnitCounts | null;
}

/**
 * @example dataStatus(evaluation, ['B1', 'B2'], [{ orgUnit: 'B1', status: 'approved', … }]).subUnits
 * // { total: 2, approved: 1, submitted: 0, reopened: 0, notSubmitted: 1 }
 */
export function dataStatus(
  evaluation: EvaluationJson,
  children: readonly string[],
  approvals: readonly Pick<ApprovalResource, 'orgUnit' | 'period' | 'status'>[],
): DataStatus {
  const approval = evaluation.approval?.status ?? 'none';
  const missing = evaluation.perspectives.flatMap((perspective) =>
    perspective.indicators
      .filter((indicator) => indicator.actual === null)
      .map((indicator) => ({ id: indicator.id, name: indicator.name, reason: indicator.reason ?? null })),
  );
  if (children.length === 0) return { approval, missing, subUnits: null };
  if (approval === 'approved') {
    return {
      approval,
      missing,
      subUnits: {
        total: children.length,
        approved: children.length,
        submitted: 0,
        reopened: 0,
        notSubmitted: 0,
      },
    };
  }
  const statusOf = new Map(
    approvals
      .filter((entry) => entry.period === evaluation.period)
      .map((entry) => [entry.orgUnit, entry.status] as const),
  );
  const counts = { total: children.length, approved: 0, submitted: 0, reopened: 0, notSubmitted: 0 };
  for (const child of children) {
    const status = statusOf.get(child);
    if (status === undefined) counts.notSubmitted += 1;
    else counts[status] += 1;
  }
  return { approval, missing, subUnits: counts };
}
