/**
 * What every import and undo leaves besides the rows: audit rows, bumped change counters, and the change
 * events published once the transaction has committed. Which events a kind's changes raise is the kind's
 * choice (`events` of its definition, kinds/), from the builders here.
 *
 * Audit: one row for the batch (entity `import_batch`, its counts) and one per org unit whose rows it changed
 * (entity = the table, with that unit's counts), so a department head filtering the audit log by their unit
 * sees the import. The row-by-row old → new values are in `import_change`, written in the same transaction;
 * copying 100,000 of them into audit_log as well would double the cost of a large import for nothing.
 */
import type { Actor } from '../../db/repositories/audit.repository.ts';
import { type AuditEntry, writeAudit } from '../../db/repositories/audit.repository.ts';
import { bumpRevision, META_SCOPE } from '../../db/repositories/change-counter.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { VALUE_TABLES } from '../../db/repositories/value-tables.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';
import { bumpTouched } from '../services/commit-write.ts';
import { touchedBy } from '../services/value-effects.ts';
import type { AppliedChange } from './change-values.ts';

export interface EffectSummary {
  /** `import` or `undo-import`. */
  readonly action: 'import' | 'undo-import';
  readonly batchId: number;
  readonly detail: Readonly<Record<string, string | number | null>>;
  readonly reason?: string | null;
}

function countsOf(changes: readonly AppliedChange[]): { created: number; updated: number; deleted: number } {
  let created = 0;
  let updated = 0;
  let deleted = 0;
  for (const c of changes) {
    if (c.before === null) created += 1;
    else if (c.after === null) deleted += 1;
    else updated += 1;
  }
  return { created, updated, deleted };
}

/** Writes the audit rows of an import or undo in `trx` (the kind's `events` bump the counters). */
export async function recordAudit(
  trx: Executor,
  actor: Actor,
  summary: EffectSummary,
  changes: readonly AppliedChange[],
): Promise<void> {
  const byUnit = new Map<number, AppliedChange[]>();
  for (const change of changes) {
    if (change.orgUnitId === null) continue;
    const list = byUnit.get(change.orgUnitId);
    if (list === undefined) byUnit.set(change.orgUnitId, [change]);
    else list.push(change);
  }
  const table = changes[0]?.table ?? 'import_batch';
  const entries: AuditEntry[] = [
    {
      action: summary.action,
      entity: 'import_batch',
      entityKey: String(summary.batchId),
      newValue: { ...summary.detail, ...countsOf(changes) },
      reason: summary.reason ?? null,
    },
    ...[...byUnit].map(([orgUnitId, unitChanges]) => ({
      action: summary.action,
      entity: table,
      entityKey: `import_batch:${summary.batchId}`,
      newValue: { batchId: summary.batchId, ...countsOf(unitChanges) },
      reason: summary.reason ?? null,
      orgUnitId,
    })),
  ];
  await writeAudit(trx, actor, entries);
}

/** Metadata changed (targets, scorecards, org units): one `metadata` event. */
export async function metadataEvents(trx: Executor): Promise<ChangeEvent[]> {
  return [{ kind: 'metadata', revision: await bumpRevision(trx, META_SCOPE) }];
}

/**
 * Rows of tables of values changed: the counters and events their tables' specs name (`data-values` per
 * organisation with the new values, null for removed ones; `root-inputs` per organisation; `metadata`), the
 * same as the API's batch writes raise (../services/value-effects.ts).
 */
export async function valueEvents(trx: Executor, changes: readonly AppliedChange[]): Promise<ChangeEvent[]> {
  const tables = [...new Set(changes.map((c) => c.table))];
  const touched = tables.flatMap((table) => {
    const number = VALUE_TABLES[table].number;
    const mine = changes.filter((c) => c.table === table);
    return touchedBy(
      table,
      mine.map((c) => ({
        rootId: c.rootId,
        key: c.key,
        value: c.after === null ? null : Number(c.after.values[number]),
      })),
    );
  });
  return bumpTouched(trx, touched);
}

/** Publishes events after the transaction committed (never before: a rollback would leave listeners wrong). */
export function publishAll(bus: ChangeBus, events: readonly ChangeEvent[]): void {
  for (const event of events) bus.publish(event);
}
