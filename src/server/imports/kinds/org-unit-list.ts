/**
 * The org-unit-list part of metadata imports (metadata.ts): a CSV or XLSX file with one unit per row,
 * `code,parent,type,name_en[,name_zh][,role][,sort_order]`, read and checked by ingest (check-org-units.ts)
 * against the stored units it names. The commit creates and updates the units in ONE transaction with the
 * batch, its changes (old → new names) and audit rows. Undo deletes the units the import created (refused when
 * one has data or children by then) and puts back the old names of those it updated.
 */
import { canManageOrgUnit } from '../../../core/access/policy.ts';
import { conflict, forbidden, notFound } from '../../../core/errors/problem.ts';
import { type AuditEntry, writeAudit } from '../../../db/repositories/audit.repository.ts';
import {
  deleteOrgUnitsByCodes,
  findOrgUnitInUse,
  type ImportBatchRecord,
  insertImportBatch,
  insertImportChanges,
  listImportChanges,
  lockImportBatch,
  markImportBatchUndone,
} from '../../../db/repositories/import.repository.ts';
import {
  findOrgUnitsByCodes,
  insertOrgUnit,
  type OrgUnitRecord,
  updateOrgUnit,
} from '../../../db/repositories/org-unit.repository.ts';
import type { JsonValue } from '../../../db/schema.ts';
import { checkOrgUnitList, type ListedUnit, readOrgUnitRows } from '../../../ingest/index.ts';
import type { Actor, ServerContext } from '../../context.ts';
import { IDENTIFIER_CHANGE_TABLE, undoRecordedIdentifiers } from '../identifier-undo.ts';
import { metadataEvents } from '../import-effects.ts';
import { collect } from '../import-plan.ts';
import { alreadyUndone } from '../import-undo.ts';
import { readTableInWorker, type WorkerTable } from '../reading/read-in-worker.ts';
import type { CommitOutcome, KindInput, PreparedImport, UndoOutcome } from './kind.ts';

/** The list's rows; a header refused before any row is read still ends the reader's thread. */
async function readListed(table: WorkerTable) {
  try {
    const formatted = readOrgUnitRows(table);
    return { formatted, rows: await collect(formatted.rows) };
  } finally {
    table.close();
  }
}

/** A checked list: what the commit writes, parents before children. */
interface OrgUnitPlan {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly rowsRead: number;
  readonly creates: readonly ListedUnit[];
  readonly updates: readonly { readonly unit: ListedUnit; readonly stored: OrgUnitRecord }[];
  readonly unchanged: number;
}

function namesOf(u: {
  nameEn: string;
  nameZh: string | null;
  role: string | null;
  sortOrder: number;
}): JsonValue {
  return { nameEn: u.nameEn, nameZh: u.nameZh, role: u.role, sortOrder: u.sortOrder };
}

/**
 * Reads and checks an org-unit list against the stored units; writes nothing. It may create organisations, so
 * it needs a designer's role over the whole installation (403 otherwise).
 */
export async function prepareOrgUnitList(
  ctx: ServerContext,
  actor: Actor,
  input: KindInput,
): Promise<PreparedImport> {
  if (!canManageOrgUnit(actor.principal, null))
    throw forbidden('import.org-unit-list-needs-installation-role');
  const table = await readTableInWorker(input.bytes, {
    format: input.format === 'xlsx' || input.format === 'csv' ? input.format : 'auto',
    ...(input.encoding === undefined ? {} : { encoding: input.encoding }),
    ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    onProgress: (p) => input.progress.report('reading', p.bytesRead, p.totalBytes),
  });
  const { formatted, rows } = await readListed(table);
  input.progress.report('checking', 0, rows.length);
  const codes = rows
    .flatMap((r) => [r.code.text.trim(), r.parent?.text.trim() ?? ''])
    .filter((c) => c !== '');
  const stored = await findOrgUnitsByCodes(ctx.db.kysely, [...new Set(codes)]);
  const checked = await checkOrgUnitList(rows, { existing: (code) => stored.get(code) });
  input.progress.report('checking', rows.length, rows.length);
  const info = table.info();
  const creates = checked.records.filter((r) => r.action === 'create');
  const updates = checked.records.flatMap((unit) => {
    const found = unit.action === 'update' ? stored.get(unit.code) : undefined;
    return found === undefined ? [] : [{ unit, stored: found }];
  });
  const plan: OrgUnitPlan = {
    format: info.format,
    encoding: info.encoding?.encoding ?? null,
    rowsRead: checked.rowsRead,
    creates,
    updates,
    unchanged: checked.unchanged,
  };
  return {
    report: {
      format: plan.format,
      encoding: plan.encoding,
      encodingReason: info.encoding?.reason ?? null,
      rowsRead: checked.rowsRead,
      toCreate: checked.toCreate,
      toUpdate: checked.toUpdate,
      unchanged: checked.unchanged,
      errors: [...checked.errors],
      errorCount: checked.errorCount,
      errorsNotListed: checked.errorsNotListed,
      ignoredColumns: [...formatted.ignoredColumns],
      clears: [...checked.clears],
      notices: [],
    },
    commit: () => commitOrgUnits(ctx, actor, plan, input),
  };
}

/** Writes a checked org-unit list in one transaction with its batch, changes and audit rows. */
async function commitOrgUnits(
  ctx: ServerContext,
  actor: Actor,
  plan: OrgUnitPlan,
  info: KindInput,
): Promise<CommitOutcome> {
  if (plan.creates.length + plan.updates.length === 0)
    return { batchId: null, created: 0, updated: 0, events: [] };
  const now = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const batchId = await insertImportBatch(trx, {
      kind: info.kind,
      fileName: info.fileName,
      format: plan.format,
      encoding: plan.encoding,
      checksum: info.checksum,
      rowsRead: plan.rowsRead,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      createdBy: actor.id,
      createdAt: now,
    });
    const ids = new Map<string, number>();
    const audit: AuditEntry[] = [];
    const changes: {
      table: string;
      key: JsonValue;
      oldValue: JsonValue | null;
      newValue: JsonValue | null;
    }[] = [];
    for (const unit of plan.creates) {
      const parentId =
        unit.parent === null
          ? null
          : (ids.get(unit.parent) ??
            (await findOrgUnitsByCodes(trx, [unit.parent])).get(unit.parent)?.id ??
            null);
      const row = await insertOrgUnit(trx, { ...unit, parentId, now });
      ids.set(unit.code, row.id);
      changes.push({ table: 'org_unit', key: { code: unit.code }, oldValue: null, newValue: namesOf(unit) });
      audit.push({
        action: 'import',
        entity: 'org_unit',
        entityKey: unit.code,
        newValue: namesOf(unit),
        orgUnitId: row.id,
      });
    }
    for (const { unit, stored } of plan.updates) {
      await updateOrgUnit(trx, stored.id, {
        nameEn: unit.nameEn,
        nameZh: unit.nameZh,
        role: unit.role,
        sortOrder: unit.sortOrder,
        now,
      });
      changes.push({
        table: 'org_unit',
        key: { code: unit.code },
        oldValue: namesOf(stored),
        newValue: namesOf(unit),
      });
      audit.push({
        action: 'import',
        entity: 'org_unit',
        entityKey: unit.code,
        oldValue: namesOf(stored),
        newValue: namesOf(unit),
        orgUnitId: stored.id,
      });
    }
    await insertImportChanges(trx, batchId, changes);
    audit.unshift({
      action: 'import',
      entity: 'import_batch',
      entityKey: String(batchId),
      newValue: {
        kind: info.kind,
        fileName: info.fileName,
        created: plan.creates.length,
        updated: plan.updates.length,
      },
    });
    await writeAudit(trx, actor, audit);
    const events = await metadataEvents(trx);
    return { batchId, created: plan.creates.length, updated: plan.updates.length, events };
  });
}

function record(value: JsonValue | null): Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * Undoes an org-unit batch in one transaction: created units deleted (children first), updated ones given
 * their old names back. 409 when a unit changed since or has data or children that the import did not create.
 */
export async function undoOrgUnitList(
  ctx: ServerContext,
  actor: Actor,
  batch: ImportBatchRecord,
  reason: string | null,
): Promise<UndoOutcome> {
  const now = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const locked = await lockImportBatch(trx, batch.id);
    if (locked === undefined) throw notFound('import.not-found', { id: batch.id });
    if (locked.status !== 'committed') throw alreadyUndone(locked);
    const { rows: all } = await listImportChanges(trx, batch.id);
    // The units' changes; identifiers the import gave them (a mapping profile's) go first, below.
    const rows = all.filter((r) => r.table !== IDENTIFIER_CHANGE_TABLE);
    const codes = rows.map((r) => String(record(r.key).code));
    const stored = await findOrgUnitsByCodes(trx, codes);
    const changed = rows.filter((r) => {
      const now = stored.get(String(record(r.key).code));
      const expected = record(r.newValue);
      return (
        now === undefined ||
        JSON.stringify(namesOf(now)) !==
          JSON.stringify(
            namesOf({
              nameEn: String(expected.nameEn),
              nameZh: typeof expected.nameZh === 'string' ? expected.nameZh : null,
              role: typeof expected.role === 'string' ? expected.role : null,
              sortOrder: Number(expected.sortOrder),
            }),
          )
      );
    });
    if (changed.length > 0) {
      const codes = changed.map((r) => String(record(r.key).code)).join(', ');
      throw conflict('import.org-units-changed-since', { id: batch.id, codes });
    }
    const created = rows.filter((r) => r.oldValue === null).map((r) => String(record(r.key).code));
    for (const r of rows.filter((x) => x.oldValue !== null)) {
      const old = record(r.oldValue);
      const unit = stored.get(String(record(r.key).code));
      if (unit === undefined) continue;
      await updateOrgUnit(trx, unit.id, {
        nameEn: String(old.nameEn),
        nameZh: typeof old.nameZh === 'string' ? old.nameZh : null,
        role: old.role === 'head' || old.role === 'branch' ? old.role : null,
        sortOrder: Number(old.sortOrder),
        now,
      });
    }
    // Its own identifiers first: one added since (by hand, another import) keeps the unit in use.
    await undoRecordedIdentifiers(trx, actor, all, reason);
    const refused = await findOrgUnitInUse(trx, created);
    if (refused !== null) {
      throw conflict('import.org-unit-in-use', { id: batch.id, code: refused });
    }
    await deleteOrgUnitsByCodes(trx, created);
    const undone = await markImportBatchUndone(trx, batch.id, actor.id, now);
    await writeAudit(trx, actor, [
      {
        action: 'undo-import',
        entity: 'import_batch',
        entityKey: String(batch.id),
        newValue: { kind: batch.kind, deleted: created.length, restored: rows.length - created.length },
        reason,
      },
    ]);
    const events = await metadataEvents(trx);
    return { batch: undone, restored: rows.length - created.length, deleted: created.length, events };
  });
}
