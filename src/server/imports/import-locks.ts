/**
 * The approval lock applied to imports and their undo: the rows an import (or an undo) is about to change, as
 * the changes `assertUnlocked` (../services/approval-locks.ts) checks. Whether a table's rows lock, and by which
 * scorecard, is its spec's (db/repositories/value-tables.ts, read by ../services/value-effects.ts), the same
 * rule the API's batch writes follow.
 */
import type { PendingChange } from '../services/approval-locks.ts';
import { approvalLockOf } from '../services/value-effects.ts';
import type { AppliedChange } from './change-values.ts';

/** The changes as approval-lock checks: each row's unit, period and scorecard. Rows of no unit never lock. */
export function rowLocks(changes: readonly AppliedChange[]): PendingChange[] {
  return changes.flatMap((change, index) => {
    if (change.orgUnitId === null || change.rootId === null) return [];
    const lock = approvalLockOf(change.table, change.key);
    if (lock === null) return [];
    const what = change.labels.dataElement ?? change.key.indicator_code ?? '';
    return [
      {
        rootId: change.rootId,
        orgUnitId: change.orgUnitId,
        ...lock,
        path: [change.table, index],
        label: `${change.labels.orgUnit ?? change.orgUnitId}/${what}/${lock.periodId}`,
      },
    ];
  });
}

/** Rows that never lock (metadata). */
export function noLocks(): PendingChange[] {
  return [];
}
