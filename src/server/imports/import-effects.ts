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

/** Data values changed: one `data-values` event per organisation, with the new values (null: removed). */
export async function dataValueEvents(
  trx: Executor,
  changes: readonly AppliedChange[],
): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
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

/** Other inputs of an evaluation changed (reported values, assessments): one `root-inputs` per organisation. */
export async function rootInputEvents(
  trx: Executor,
  changes: readonly AppliedChange[],
): Promise<ChangeEvent[]> {
  const roots = new Set(changes.flatMap((c) => (c.rootId === null ? [] : [c.rootId])));
  const events: ChangeEvent[] = [];
  for (const rootId of [...roots].sort((a, b) => a - b)) {
    events.push({ kind: 'root-inputs', rootId, revision: await bumpRevision(trx, rootScope(rootId)) });
  }
  return events;
}

/** Publishes events after the transaction committed (never before: a rollback would leave listeners wrong). */
export function publishAll(bus: ChangeBus, events: readonly ChangeEvent[]): void {
  for (const event of events) bus.publish(event);
}
