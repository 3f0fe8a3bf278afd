/**
 * Org-unit lists, the other metadata a hospital imports: a CSV or XLSX file with one unit per row.
 *
 * `code,parent,type,name_en[,name_zh][,role][,sort_order]`
 *
 * ```csv
 * code,parent,type,name_en,name_zh
 * ENG,,group,England,英格兰
 * RJ1,ENG,hospital,Guy's and St Thomas',
 * ```
 *
 * `parent` is empty for a top-level unit, or the code of a unit stored already or listed anywhere in the file
 * (parents are created first). A listed unit that exists is updated when its names, role or sort order differ,
 * and refused when its parent or type differ (moving a unit would move its history; see the org_unit trigger).
 * All rows are checked first; the commit creates and updates the units in ONE transaction with the batch, its
 * changes (old → new names) and audit rows. Undo deletes the units the import created (refused when one has
 * data or children by then) and puts back the old names of those it updated.
 */
import type { ImportErrorBody, ImportErrorCode, ImportFormat } from '../../core/contracts/import.ts';
import { orgUnitRoleSchema, orgUnitTypeSchema } from '../../core/contracts/org-units.ts';
import { conflict, invalid } from '../../core/errors/problem.ts';
import { type AuditEntry, writeAudit } from '../../db/repositories/audit.repository.ts';
import { bumpRevision, META_SCOPE } from '../../db/repositories/change-counter.repository.ts';
import {
  deleteOrgUnitsByCodes,
  findOrgUnitInUse,
  type ImportBatchRecord,
  insertImportBatch,
  insertImportChanges,
  listImportChanges,
  lockImportBatch,
  markImportBatchUndone,
} from '../../db/repositories/import.repository.ts';
import {
  findOrgUnitsByCodes,
  insertOrgUnit,
  type OrgUnitRecord,
  updateOrgUnit,
} from '../../db/repositories/org-unit.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import { readTable } from '../../ingest/index.ts';
import type { ChangeEvent } from '../change-bus.ts';
import type { Actor, ServerContext } from '../context.ts';
import type { ProgressReporter } from './progress.ts';

type Column = 'code' | 'parent' | 'type' | 'name_en' | 'name_zh' | 'role' | 'sort_order';

const HEADERS: Readonly<Record<string, Column>> = {
  code: 'code',
  编码: 'code',
  parent: 'parent',
  上级: 'parent',
  上级编码: 'parent',
  type: 'type',
  类型: 'type',
  name_en: 'name_en',
  name: 'name_en',
  英文名称: 'name_en',
  name_zh: 'name_zh',
  名称: 'name_zh',
  中文名称: 'name_zh',
  role: 'role',
  角色: 'role',
  sort_order: 'sort_order',
  排序: 'sort_order',
};
const REQUIRED: readonly Column[] = ['code', 'type', 'name_en'];

/** Header text as ingest matches it: trimmed, lower case, spaces and hyphens as `_`. */
function headerKey(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
const CODE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A unit as listed: what the commit writes. */
export interface ListedUnit {
  readonly row: number;
  readonly code: string;
  readonly parent: string | null;
  readonly type: OrgUnitRecord['type'];
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly role: OrgUnitRecord['role'];
  readonly sortOrder: number;
}

export interface OrgUnitPlan {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly encodingReason: string | null;
  readonly rowsRead: number;
  readonly errors: readonly ImportErrorBody[];
  /** Units to create, parents before children. */
  readonly creates: readonly ListedUnit[];
  readonly updates: readonly { readonly unit: ListedUnit; readonly stored: OrgUnitRecord }[];
  readonly unchanged: number;
  readonly ignoredColumns: readonly string[];
}

function namesOf(u: {
  nameEn: string;
  nameZh: string | null;
  role: string | null;
  sortOrder: number;
}): JsonValue {
  return { nameEn: u.nameEn, nameZh: u.nameZh, role: u.role, sortOrder: u.sortOrder };
}

/** Reads and checks an org-unit list against the stored units; writes nothing. */
export async function planOrgUnits(
  ctx: ServerContext,
  bytes: Uint8Array,
  format: ImportFormat | undefined,
  progress: ProgressReporter,
): Promise<OrgUnitPlan> {
  const table = await readTable(bytes, {
    format: format === 'xlsx' || format === 'csv' ? format : 'auto',
    onProgress: (p) => progress.report('reading', p.bytesRead, p.totalBytes),
  });
  const index = new Map<Column, number>();
  const ignored: string[] = [];
  table.header.forEach((text, i) => {
    const name = HEADERS[headerKey(text)];
    if (name === undefined || index.has(name)) ignored.push(text);
    else index.set(name, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw invalid(
      `The header (line ${table.headerLine}) does not fit the org-unit list format: no ${missing.join(', ')} column.`,
      missing.map((c) => ({ path: ['header', c], message: `no ${c} column` })),
    );
  }
  const errors: ImportErrorBody[] = [];
  const listed: ListedUnit[] = [];
  const firstRow = new Map<string, number>();
  let rowsRead = 0;
  for await (const row of table.rows) {
    rowsRead += 1;
    const cell = (c: Column) => {
      const i = index.get(c);
      return {
        column: i === undefined ? c : (table.header[i] ?? c),
        text: i === undefined ? '' : (row.cells[i] ?? '').trim(),
      };
    };
    const before = errors.length;
    const fail = (c: Column, code: ImportErrorCode, reason: string) =>
      errors.push({ row: row.line, column: cell(c).column, value: cell(c).text, code, reason });
    const code = cell('code').text;
    if (code === '') fail('code', 'missing-value', 'the code is required');
    else if (!CODE.test(code) || code.length > 64) {
      fail(
        'code',
        'invalid-value',
        'a code starts with a letter or _ and holds only ASCII letters, digits, _ . - (at most 64)',
      );
    } else if (firstRow.has(code))
      fail('code', 'duplicate-key', `duplicate of row ${firstRow.get(code)}: same code ${code}`);
    const type = orgUnitTypeSchema.safeParse(cell('type').text);
    if (!type.success)
      fail('type', 'invalid-value', `the type is one of ${orgUnitTypeSchema.options.join(', ')}`);
    const roleText = cell('role').text;
    const role = roleText === '' ? null : orgUnitRoleSchema.safeParse(roleText);
    if (role !== null && !role.success) fail('role', 'invalid-value', 'the role is head, branch or empty');
    const sortText = cell('sort_order').text;
    if (sortText !== '' && !/^-?\d+$/.test(sortText))
      fail('sort_order', 'invalid-value', 'the sort order is a whole number');
    const nameEn = cell('name_en').text;
    if (nameEn === '') fail('name_en', 'missing-value', 'the English name is required');
    if (Object.values(row.cells).some((t) => t.includes('\uFFFD'))) {
      fail('name_zh', 'undecodable', 'holds characters that could not be decoded; check the file encoding');
    }
    if (code !== '' && !firstRow.has(code)) firstRow.set(code, row.line);
    if (errors.length !== before || !type.success) continue;
    listed.push({
      row: row.line,
      code,
      parent: cell('parent').text === '' ? null : cell('parent').text,
      type: type.data,
      nameEn,
      nameZh: cell('name_zh').text === '' ? null : cell('name_zh').text,
      role: role?.success === true ? role.data : null,
      sortOrder: sortText === '' ? 0 : Number(sortText),
    });
  }
  progress.report('checking', 0, listed.length);
  const stored = await findOrgUnitsByCodes(ctx.db.kysely, [
    ...new Set(listed.flatMap((u) => [u.code, ...(u.parent === null ? [] : [u.parent])])),
  ]);
  const inFile = new Map(listed.map((u) => [u.code, u]));
  const creates: ListedUnit[] = [];
  const updates: { unit: ListedUnit; stored: OrgUnitRecord }[] = [];
  let unchanged = 0;
  const placed = new Set<string>();
  const place = (unit: ListedUnit, path: Set<string>): boolean => {
    if (placed.has(unit.code)) return true;
    const fail = (reason: string, code: ImportErrorCode = 'unknown-org-unit') =>
      errors.push({ row: unit.row, column: 'parent', value: unit.parent ?? '', code, reason });
    const existing = stored.get(unit.code);
    if (existing !== undefined) {
      if (existing.parentCode !== unit.parent || existing.type !== unit.type) {
        fail(
          `${unit.code} exists under ${existing.parentCode ?? '(no parent)'} as a ${existing.type}; moving or retyping a unit is not supported`,
          'invalid-definition',
        );
        return false;
      }
      placed.add(unit.code);
      const same =
        existing.nameEn === unit.nameEn &&
        existing.nameZh === unit.nameZh &&
        existing.role === unit.role &&
        existing.sortOrder === unit.sortOrder;
      if (same) unchanged += 1;
      else updates.push({ unit, stored: existing });
      return true;
    }
    if (unit.parent !== null && !stored.has(unit.parent)) {
      const parent = inFile.get(unit.parent);
      if (parent === undefined) {
        fail(`unknown parent org unit "${unit.parent}"`);
        return false;
      }
      if (path.has(parent.code)) {
        fail(`${unit.code} is its own ancestor through ${unit.parent}`, 'invalid-definition');
        return false;
      }
      if (!place(parent, new Set([...path, unit.code]))) return false;
    }
    placed.add(unit.code);
    creates.push(unit);
    return true;
  };
  for (const unit of listed) place(unit, new Set([unit.code]));
  progress.report('checking', listed.length, listed.length);
  const info = table.info();
  errors.sort((a, b) => a.row - b.row);
  return {
    format: info.format,
    encoding: info.encoding?.encoding ?? null,
    encodingReason: info.encoding?.reason ?? null,
    rowsRead,
    errors,
    creates,
    updates,
    unchanged,
    ignoredColumns: ignored,
  };
}

/** Writes a checked org-unit list in one transaction with its batch, changes and audit rows. */
export async function commitOrgUnits(
  ctx: ServerContext,
  actor: Actor,
  plan: OrgUnitPlan,
  info: { readonly fileName: string; readonly checksum: string },
): Promise<{ batchId: number | null; created: number; updated: number; events: ChangeEvent[] }> {
  if (plan.creates.length + plan.updates.length === 0)
    return { batchId: null, created: 0, updated: 0, events: [] };
  const now = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const batchId = await insertImportBatch(trx, {
      kind: 'metadata',
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
        kind: 'metadata',
        fileName: info.fileName,
        created: plan.creates.length,
        updated: plan.updates.length,
      },
    });
    await writeAudit(trx, actor, audit);
    const revision = await bumpRevision(trx, META_SCOPE);
    return {
      batchId,
      created: plan.creates.length,
      updated: plan.updates.length,
      events: [{ kind: 'metadata', revision }],
    };
  });
}

function record(value: JsonValue | null): Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * Undoes an org-unit batch in one transaction: created units deleted (children first), updated ones given
 * their old names back. 409 when a unit changed since or has data or children that the import did not create.
 */
export async function undoOrgUnitBatch(
  ctx: ServerContext,
  actor: Actor,
  batch: ImportBatchRecord,
  reason: string | null,
): Promise<{ batch: ImportBatchRecord; restored: number; deleted: number; events: ChangeEvent[] }> {
  const now = ctx.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const locked = await lockImportBatch(trx, batch.id);
    if (locked?.status !== 'committed') throw conflict(`Import ${batch.id} was already undone.`);
    const { rows } = await listImportChanges(trx, batch.id);
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
      throw conflict(
        `Import ${batch.id} cannot be undone: org units ${changed.map((r) => String(record(r.key).code)).join(', ')} changed after it.`,
      );
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
    const refused = await findOrgUnitInUse(trx, created);
    if (refused !== null) {
      throw conflict(
        `Import ${batch.id} cannot be undone: org unit ${refused} has data, targets or children now.`,
      );
    }
    await deleteOrgUnitsByCodes(trx, created);
    const undone = await markImportBatchUndone(trx, batch.id, actor.id, now);
    await writeAudit(trx, actor, [
      {
        action: 'undo-import',
        entity: 'import_batch',
        entityKey: String(batch.id),
        newValue: { kind: 'metadata', deleted: created.length, restored: rows.length - created.length },
        reason,
      },
    ]);
    const revision = await bumpRevision(trx, META_SCOPE);
    return {
      batch: undone,
      restored: rows.length - created.length,
      deleted: created.length,
      events: [{ kind: 'metadata', revision }],
    };
  });
}
