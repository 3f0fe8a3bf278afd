/**
 * The write of a checked import, in ONE transaction: periods ensured, the stored rows locked and read (their
 * values become the `old_value`s, exact even if someone wrote between the check and now), the batch row, the
 * rows upserted in chunks, one `import_change` per changed row, audit rows and change counters.
 */
import { tryParsePeriod } from '../../core/periods/index.ts';
import { analyzeDataValues } from '../../db/repositories/cube.repository.ts';
import {
  insertImportBatch,
  insertImportChanges,
  type NewImportBatch,
} from '../../db/repositories/import.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import {
  keyText,
  lockStoredByKeys,
  type RowValues,
  type StoredRow,
  upsertRows,
} from '../../db/repositories/value-store.repository.ts';
import { VALUE_TABLES } from '../../db/repositories/value-tables.ts';
import type { Actor, ServerContext } from '../context.ts';
import { assertUnlocked } from '../services/approval-locks.ts';
import { type AppliedChange, keyToJson, sameValues, storedToJson } from './change-values.ts';
import { recordAudit } from './import-effects.ts';
import type { ImportPlan } from './import-plan.ts';
import type { CommitOutcome, ImportKindDefinition } from './kinds/kind.ts';
import type { ProgressReporter } from './progress.ts';

/** How many values an import must write before the value table's statistics are refreshed. */
const ANALYZE_MIN_ROWS = 50_000;

export type BatchInfo = Omit<NewImportBatch, 'created' | 'updated' | 'createdBy' | 'createdAt'>;

/** What a write asks of its kind: the approval locks of its rows and the events they raise. */
export type WriteHooks = Pick<ImportKindDefinition, 'locks' | 'events'>;

function periodsOf(plan: ImportPlan) {
  const ids = new Set(plan.writes.map((w) => String(w.key.period_id)));
  return [...ids].flatMap((id) => {
    const period = tryParsePeriod(id);
    return period === null ? [] : [period];
  });
}

/** Takes the columns the file does not have (a comment, a target's source) from the stored row. */
function merge(values: RowValues, stored: StoredRow | undefined, kept: readonly string[]): RowValues {
  if (stored === undefined || kept.length === 0) return values;
  const merged: Record<string, RowValues[string]> = { ...values };
  for (const name of kept) merged[name] = stored.values[name] ?? null;
  return merged;
}

/** Writes a plan whose check found no error. Publish `events` after the transaction has committed. */
export async function writeImport(
  ctx: ServerContext,
  actor: Actor,
  plan: ImportPlan,
  info: BatchInfo,
  progress: ProgressReporter,
  hooks: WriteHooks,
): Promise<CommitOutcome> {
  const at = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await ensurePeriods(trx, periodsOf(plan));
    const locked = new Map(
      (
        await lockStoredByKeys(
          trx,
          plan.table,
          plan.writes.map((w) => w.key),
          { lock: ctx.db.engine === 'postgres' },
        )
      ).map((row) => [keyText(plan.table, row.key), row]),
    );
    const versioned = VALUE_TABLES[plan.table].versioned;
    const pending = plan.writes.flatMap((write) => {
      const before = locked.get(keyText(plan.table, write.key));
      const values = merge(write.values, before, plan.keptColumns);
      // Someone may have stored these very values since the check: nothing to write then.
      if (before !== undefined && sameValues(before.values, values)) return [];
      return [{ write, before: before ?? null, values }];
    });
    if (pending.length === 0) return { batchId: null, created: 0, updated: 0, events: [] };
    const created = pending.filter((p) => p.before === null).length;
    const batchId = await insertImportBatch(trx, {
      ...info,
      created,
      updated: pending.length - created,
      createdBy: actor.id,
      createdAt: at,
    });
    const batchColumn = versioned ? batchId : null;
    const changes: AppliedChange[] = pending.map(({ write, before, values }) => ({
      table: plan.table,
      key: write.key,
      labels: write.labels,
      before,
      after: {
        key: write.key,
        values,
        by: actor.id,
        at: at.toISOString(),
        batchId: batchColumn,
        version: versioned ? (before?.version ?? 0) + 1 : null,
      },
      orgUnitId: write.orgUnitId,
      rootId: write.rootId,
    }));
    // Approved data cannot change through an import either (409 naming the approval; nothing is written).
    await assertUnlocked(trx, ctx.db.engine, hooks.locks(changes));
    progress.report('writing', 0, changes.length);
    await upsertRows(
      trx,
      plan.table,
      changes.map((c) => ({ ...c.key, ...(c.after?.values ?? {}) })),
      { by: actor.id, at, batchId: batchColumn },
      (written) => progress.report('writing', written, changes.length),
      // Large imports go through COPY and one merge on PostgreSQL (below COPY_MIN_ROWS rows, statements).
      ctx.db.engine === 'postgres' ? 'copy' : 'statements',
    );
    // After a large load the planner's statistics are of the table before it: refresh them, or the next
    // cube build plans for a near-empty table and reads every row of every organisation.
    if (plan.table === 'data_value' && changes.length >= ANALYZE_MIN_ROWS) await analyzeDataValues(trx);
    await insertImportChanges(
      trx,
      batchId,
      changes.map((c) => ({
        table: c.table,
        key: keyToJson(c.key, c.labels),
        oldValue: c.before === null ? null : storedToJson(c.before),
        // Only the values: who, when, batch and version follow from the batch row (see writtenFromJson), and
        // leaving them out makes a 100,000-row import's changes a third of the size.
        newValue: c.after === null ? null : { ...c.after.values },
      })),
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'import',
        batchId,
        detail: {
          kind: info.kind,
          fileName: info.fileName,
          checksum: info.checksum,
          rowsRead: info.rowsRead,
          ...(plan.ruleOverride === undefined
            ? {}
            : {
                overriddenRules: plan.ruleOverride.violations
                  .map((v) => `${v.rule} ${v.orgUnit} ${v.period} (rows ${v.rows.join(', ')})`)
                  .join('; '),
              }),
        },
        ...(plan.ruleOverride === undefined ? {} : { reason: plan.ruleOverride.reason }),
      },
      changes,
    );
    const events = await hooks.events(trx, changes);
    return { batchId, created, updated: pending.length - created, events };
  });
}
