/**
 * The approval lock applied to imports and their undo: the rows an import (or an undo) is about to change, as
 * the changes `assertUnlocked` (../services/approval-locks.ts) checks. Targets are not data and never lock.
 */
import type { PendingChange } from '../services/approval-locks.ts';
import type { AppliedChange } from './change-values.ts';

/** The data values, reported values and assessments among the changes. */
export function lockableChanges(changes: readonly AppliedChange[]): PendingChange[] {
  return changes.flatMap((change, index) => {
    if (change.table === 'target' || change.orgUnitId === null || change.rootId === null) return [];
    const key = change.key;
    const periodId = String(key.period_id);
    const scorecardId = change.table === 'data_value' ? null : Number(key.scorecard_id);
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
