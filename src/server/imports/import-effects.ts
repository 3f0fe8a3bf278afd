/**
 * What every import and undo leaves besides the rows: audit rows, bumped change counters, and the change
 * events published once the transaction has committed.
 *
 * Audit: one row for the batch (entity `import_batch`, its counts) and one per org unit whose rows it changed
 * (entity = the table, with that unit's counts), so a department head filtering the audit log by their unit
 * sees the import. The row-by-row old → new values are in `import_change`, written in the same transaction;
 * copying 100,000 of them into audit_log as well would double the cost of a large import for nothing.
 */
import type { Actor } from '../../db/repositories/audit.repository.ts';
import { type AuditEntry, writeAudit } from '../../db/repositories/audit.repository.ts';
import { bumpRevision, META_SCOPE, rootScope } from '../../db/repositories/change-counter.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';
import { type AppliedChange, dataValueChanges } from './change-values.ts';

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

/**
 * Writes the audit rows and bumps the change counters of the scopes the changes touch, in `trx`; returns the
 * events to publish after commit.
 */
export async function recordEffects(
  trx: Executor,
  actor: Actor,
  summary: EffectSummary,
  changes: readonly AppliedChange[],
): Promise<ChangeEvent[]> {
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
  // A metadata batch is recorded after the scorecard service has bumped and published for its own write.
  if (changes.length === 0) return [];

  const events: ChangeEvent[] = [];
  if (table === 'target' || summary.detail.kind === 'metadata') {
    events.push({ kind: 'metadata', revision: await bumpRevision(trx, META_SCOPE) });
    return events;
  }
  if (table === 'data_value') {
    for (const [rootId, values] of dataValueChanges(changes)) {
      events.push({
        kind: 'data-values',
        rootId,
        revision: await bumpRevision(trx, rootScope(rootId)),
        values,
      });
    }
    return events;
  }
  const roots = new Set(changes.flatMap((c) => (c.rootId === null ? [] : [c.rootId])));
  for (const rootId of [...roots].sort((a, b) => a - b)) {
    events.push({ kind: 'root-inputs', rootId, revision: await bumpRevision(trx, rootScope(rootId)) });
  }
  return events;
}

/** Publishes events after the transaction committed (never before: a rollback would leave listeners wrong). */
export function publishAll(bus: ChangeBus, events: readonly ChangeEvent[]): void {
  for (const event of events) bus.publish(event);
}
