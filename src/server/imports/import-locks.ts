/**
 * The approval lock applied to imports and their undo: the rows an import (or an undo) is about to change, as
 * the changes `assertUnlocked` (../services/approval-locks.ts) checks. Each kind says whether its rows lock
 * (`locks` of its definition, kinds/): data values by org unit and period, scorecard inputs also by scorecard.
 */
import type { PendingChange } from '../services/approval-locks.ts';
import type { AppliedChange } from './change-values.ts';

/**
 * The changes as approval-lock checks: each row's unit, period and (when `scorecardColumn` names its key column)
 * scorecard. Rows of no unit are never locked.
 */
export function rowLocks(changes: readonly AppliedChange[], scorecardColumn: string | null): PendingChange[] {
  return changes.flatMap((change, index) => {
    if (change.orgUnitId === null || change.rootId === null) return [];
    const key = change.key;
    const periodId = String(key.period_id);
    const scorecardId = scorecardColumn === null ? null : Number(key[scorecardColumn]);
    const what = change.labels.dataElement ?? key.indicator_code ?? '';
    return [
      {
        rootId: change.rootId,
        orgUnitId: change.orgUnitId,
        periodId,
        scorecardId,
        path: [change.table, index],
        label: `${change.labels.orgUnit ?? change.orgUnitId}/${what}/${periodId}`,
      },
    ];
  });
}

/** Rows that never lock (targets, metadata). */
export function noLocks(): PendingChange[] {
  return [];
}
