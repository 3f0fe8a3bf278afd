/**
 * What a change to a table of values sets off besides its rows, read from the table's spec
 * (db/repositories/value-tables.ts) so that the API's batch writes (./value-batch.ts) and the imports and their
 * undo (../imports) agree: which approvals lock the row, and which change counters and events it raises.
 */
import type { RowValues } from '../../db/repositories/value-store.repository.ts';
import { VALUE_TABLES, type ValueTableName } from '../../db/repositories/value-tables.ts';
import type { DataValueChange } from '../change-bus.ts';
import type { Touched } from './commit-write.ts';

/** A row changed: its organisation (null: none, a target of every unit), its key, its number now (null: gone). */
export interface ValueChange {
  readonly rootId: number | null;
  readonly key: RowValues;
  readonly value: number | null;
}

/**
 * What an approval must cover to lock a row of `table`: its period and its scorecard (null: an approval of any
 * scorecard locks it); null when approvals never lock the table (targets).
 *
 * @example approvalLockOf('reported_value', { period_id: '2024', scorecard_id: 3, … }) // { periodId: '2024', scorecardId: 3 }
 */
export function approvalLockOf(
  table: ValueTableName,
  key: RowValues,
): { readonly periodId: string; readonly scorecardId: number | null } | null {
  const rule = VALUE_TABLES[table].approvalLock;
  if (rule.kind === 'none') return null;
  return {
    periodId: String(key.period_id),
    scorecardId: rule.scorecardColumn === null ? null : Number(key[rule.scorecardColumn]),
  };
}

function dataValueChange(change: ValueChange): DataValueChange {
  return {
    orgUnitId: Number(change.key.org_unit_id),
    dataElementId: Number(change.key.data_element_id),
    periodId: String(change.key.period_id),
    value: change.value,
  };
}

/**
 * What the changes touched, for `commitWrite`'s counters and events: one `metadata`, or one entry per
 * organisation (`data-values` with the new values, or `root-inputs`), in ascending order of organisation.
 */
export function touchedBy(table: ValueTableName, changes: readonly ValueChange[]): Touched[] {
  const kind = VALUE_TABLES[table].changes;
  if (kind === 'metadata') return changes.length === 0 ? [] : [{ kind: 'metadata' }];
  const byRoot = new Map<number, ValueChange[]>();
  for (const change of changes) {
    if (change.rootId === null) continue;
    const list = byRoot.get(change.rootId);
    if (list === undefined) byRoot.set(change.rootId, [change]);
    else list.push(change);
  }
  return [...byRoot]
    .sort(([a], [b]) => a - b)
    .map(
      ([rootId, rows]): Touched =>
        kind === 'data-values'
          ? { kind, rootId, values: rows.map(dataValueChange) }
          : { kind: 'root-inputs', rootId },
    );
}
