/**
 * Undoing a committed import, in one transaction: every row it updated gets its old value back (with who
 * wrote it and when), every row it created is deleted. Refused with 409, naming the rows, when any of them
 * changed after the import (undoing would silently throw that later change away), and when the batch was
 * undone already.
 */
import {
  conflict,
  issue,
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
  keyText,
  lockStoredByKeys,
  restoreRows,
} from '../../db/repositories/value-store.repository.ts';
import { isValueTableName, type ValueTableName } from '../../db/repositories/value-tables.ts';
import type { Actor, ServerContext } from '../context.ts';
import { assertUnlocked } from '../services/approval-locks.ts';
import {
  type AppliedChange,
  isUntouchedSince,
  labelsFromJson,
  storedFromJson,
  writtenFromJson,
} from './change-values.ts';
import { undoRecordedIdentifiers } from './identifier-undo.ts';
import type { WriteHooks } from './import-commit.ts';
import { recordAudit } from './import-effects.ts';
import type { UndoOutcome } from './kinds/kind.ts';

/** Rows named in a refusal; the rest are counted. */
const MAX_NAMED_ROWS = 100;

/** The 409 of a second undo. */
export function alreadyUndone(batch: ImportBatchRecord): ProblemError {
  return conflict('import.already-undone', {
    id: batch.id,
    by: batch.undone_by ?? '',
    at: batch.undone_at?.toISOString() ?? '',
  });
}

/** `PUMCH 2024-03 beds` for a person reading a refusal. */
function describe(change: { key: unknown }): string {
  const get = (name: string): unknown =>
    typeof change.key === 'object' && change.key !== null ? Reflect.get(change.key, name) : undefined;
  const parts = [
    get('orgUnit') ?? get('orgUnitGroup') ?? '*',
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
 * Undoes a batch of rows of one of the tables imports write; `hooks` are its kind's locks and events.
 * Publish `events` after commit.
 */
export async function undoBatch(
  ctx: ServerContext,
  actor: Actor,
  batchId: number,
  reason: string | null,
  hooks: WriteHooks,
): Promise<UndoOutcome> {
  const at = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const batch = await lockImportBatch(trx, batchId);
    if (batch === undefined) throw notFound('import.not-found', { id: batchId });
    if (batch.status === 'undone') throw alreadyUndone(batch);
    const { rows } = await listImportChanges(trx, batchId);
    const changes: AppliedChange[] = [];
    const issues: ProblemIssue[] = [];
    let conflicts = 0;
    const byTable = new Map<ValueTableName, typeof rows>();
    for (const row of rows) {
      if (!isValueTableName(row.table)) continue;
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
          const path = [table, w.change.seq];
          const row = describe(w.change);
          issues.push(
            now === undefined
              ? issue('import.row-deleted-since', { row }, path)
              : issue(
                  'import.row-changed-since',
                  { row, by: now.by, at: new Date(now.at).toISOString() },
                  path,
                ),
          );
        }
      }
    }
    if (conflicts > 0) {
      const listed = { id: batchId, count: conflicts, listed: issues.length };
      throw new ProblemError(
        conflicts > issues.length
          ? makeProblem('conflict', 'import.rows-changed-since-listed', listed, issues)
          : makeProblem('conflict', 'import.rows-changed-since', { id: batchId, count: conflicts }, issues),
      );
    }
    await assertUnlocked(trx, ctx.db.engine, hooks.locks(changes));
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
    await undoRecordedIdentifiers(trx, actor, rows, reason);
    const undone = await markImportBatchUndone(trx, batchId, actor.id, at);
    const deleted = changes.filter((c) => c.after === null).length;
    await recordAudit(
      trx,
      actor,
      { action: 'undo-import', batchId, detail: { kind: batch.kind, fileName: batch.file_name }, reason },
      changes,
    );
    const events = changes.length === 0 ? [] : await hooks.events(trx, changes);
    return { batch: undone, restored: changes.length - deleted, deleted, events };
  });
}
