/**
 * Undoing a committed import, in one transaction: every row it updated gets its old value back (with who
 * wrote it and when), every row it created is deleted. Refused with 409, naming the rows, when any of them
 * changed after the import (undoing would silently throw that later change away), and when the batch was
 * undone already.
 */
import {
  conflict,
  makeProblem,
  notFound,
  ProblemError,
  type ProblemIssue,
} from '../../core/errors/problem.ts';
import {
  type ImportBatchRecord,
  listImportChanges,
  lockImportBatch,
  markImportBatchUndone,
} from '../../db/repositories/import.repository.ts';
import {
  deleteRows,
  type ImportTable,
  keyText,
  lockStoredByKeys,
  restoreRows,
} from '../../db/repositories/import-values.repository.ts';
import type { ChangeEvent } from '../change-bus.ts';
import type { Actor, ServerContext } from '../context.ts';
import { assertUnlocked } from '../services/approval-locks.ts';
import {
  type AppliedChange,
  isUntouchedSince,
  labelsFromJson,
  storedFromJson,
  writtenFromJson,
} from './change-values.ts';
import { recordEffects } from './import-effects.ts';
import { lockableChanges } from './import-locks.ts';

/** Rows named in a refusal; the rest are counted. */
const MAX_NAMED_ROWS = 100;

export interface UndoOutcome {
  readonly batch: ImportBatchRecord;
  readonly restored: number;
  readonly deleted: number;
  readonly events: readonly ChangeEvent[];
}

const IMPORT_TABLES = new Set<string>(['data_value', 'reported_value', 'assessment', 'target']);

function isImportTable(name: string): name is ImportTable {
  return IMPORT_TABLES.has(name);
}

/** The 409 of a second undo. */
export function alreadyUndone(batch: ImportBatchRecord): ProblemError {
  return conflict(
    `Import ${batch.id} was already undone by ${batch.undone_by ?? 'someone'} at ${batch.undone_at?.toISOString() ?? 'an unknown time'}.`,
  );
}

/** `PUMCH 2024-03 beds` for a person reading a refusal. */
function describe(change: { key: unknown }): string {
  const get = (name: string): unknown =>
    typeof change.key === 'object' && change.key !== null ? Reflect.get(change.key, name) : undefined;
  const parts = [
    get('orgUnit') ?? get('orgUnitGroup') ?? 'every unit',
    get('period_id'),
    get('dataElement') ?? get('indicator_code'),
    get('rater'),
  ];
  return parts
    .filter((p) => p !== null && p !== undefined)
    .map(String)
    .join(' ');
}

/**
 * Undoes a batch of data, targets, assessments or reported values. Publish `events` after commit.
 */
export async function undoBatch(
  ctx: ServerContext,
  actor: Actor,
  batchId: number,
  reason: string | null,
): Promise<UndoOutcome> {
  const at = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const batch = await lockImportBatch(trx, batchId);
    if (batch === undefined) throw notFound(`There is no import ${batchId}.`);
    if (batch.status === 'undone') throw alreadyUndone(batch);
    const { rows } = await listImportChanges(trx, batchId);
    const changes: AppliedChange[] = [];
    const issues: ProblemIssue[] = [];
    let conflicts = 0;
    const byTable = new Map<ImportTable, typeof rows>();
    for (const row of rows) {
      if (!isImportTable(row.table)) continue;
      const list = byTable.get(row.table);
      if (list === undefined) byTable.set(row.table, [row]);
      else list.push(row);
    }
    for (const [table, tableRows] of byTable) {
      const written = tableRows.map((r) => {
        const before = storedFromJson(table, r.key, r.oldValue);
        return { change: r, before, after: writtenFromJson(table, r.key, r.newValue, batch, before) };
      });
      const keys = written.flatMap((w) => (w.after === null ? [] : [w.after.key]));
      const current = new Map(
        (await lockStoredByKeys(trx, table, keys, { lock: ctx.db.engine === 'postgres' })).map((row) => [
          keyText(table, row.key),
          row,
        ]),
      );
      for (const w of written) {
        if (w.after === null) continue;
        const now = current.get(keyText(table, w.after.key));
        if (now !== undefined && isUntouchedSince(now, w.after)) {
          const key = w.after.key;
          changes.push({
            table,
            key,
            labels: labelsFromJson(w.change.key),
            before: w.after,
            after: w.before,
            orgUnitId:
              key.org_unit_id === null || key.org_unit_id === undefined ? null : Number(key.org_unit_id),
            rootId: key.root_id === null || key.root_id === undefined ? null : Number(key.root_id),
          });
          continue;
        }
        conflicts += 1;
        if (issues.length < MAX_NAMED_ROWS) {
          issues.push({
            path: [table, w.change.seq],
            message:
              now === undefined
                ? `${describe(w.change)}: deleted after the import`
                : `${describe(w.change)}: changed after the import by ${now.by} at ${new Date(now.at).toISOString()}`,
          });
        }
      }
    }
    if (conflicts > 0) {
      const more = conflicts > issues.length ? ` (the first ${issues.length} are listed)` : '';
      throw new ProblemError(
        makeProblem(
          'conflict',
          `Import ${batchId} cannot be undone: ${conflicts} of its rows changed after it${more}. ` +
            'Undoing it would discard those later changes; correct the values directly instead.',
          issues,
        ),
      );
    }
    await assertUnlocked(trx, ctx.db.engine, lockableChanges(changes));
    for (const [table] of byTable) {
      const mine = changes.filter((c) => c.table === table);
      await deleteRows(
        trx,
        table,
        mine.flatMap((c) => (c.after === null ? [c.key] : [])),
      );
      await restoreRows(
        trx,
        table,
        mine.flatMap((c) => (c.after === null ? [] : [c.after])),
      );
    }
    const undone = await markImportBatchUndone(trx, batchId, actor.id, at);
    const deleted = changes.filter((c) => c.after === null).length;
    const events = await recordEffects(
      trx,
      actor,
      { action: 'undo-import', batchId, detail: { kind: batch.kind, fileName: batch.file_name }, reason },
      changes,
    );
    return { batch: undone, restored: changes.length - deleted, deleted, events };
  });
}
