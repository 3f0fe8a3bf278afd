/**
 * Import batches and their changes (migration 202611230500_platform: `import_batch`, `import_change`), and the
 * metadata an import is checked against, read in a few bulk queries. The rows an import writes go through
 * ./value-store.repository.ts.
 */
import { type Selectable, sql } from 'kysely';
import type { DataElementTable, ImportBatchTable, JsonValue } from '../schema.ts';
import type { Executor, PageRows, PageWindow } from './query-helpers.ts';

export type ImportBatchRecord = Selectable<ImportBatchTable>;

export interface NewImportBatch {
  readonly kind: ImportBatchRecord['kind'];
  readonly fileName: string;
  readonly format: ImportBatchRecord['format'];
  readonly encoding: string | null;
  readonly checksum: string;
  readonly rowsRead: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** One changed row: its table, key and value before (null: created) and after (null: deleted). */
export interface ImportChangeRecord {
  readonly seq: number;
  readonly table: string;
  readonly key: JsonValue;
  readonly oldValue: JsonValue | null;
  readonly newValue: JsonValue | null;
}

export async function insertImportBatch(trx: Executor, batch: NewImportBatch): Promise<number> {
  const row = await trx
    .insertInto('import_batch')
    .values({
      kind: batch.kind,
      file_name: batch.fileName,
      format: batch.format,
      encoding: batch.encoding,
      checksum: batch.checksum,
      status: 'committed',
      rows_read: batch.rowsRead,
      created: batch.created,
      updated: batch.updated,
      unchanged: batch.unchanged,
      created_by: batch.createdBy,
      created_at: batch.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const CHANGE_CHUNK = 10_000;

/** Appends the batch's changes, numbered from `firstSeq`, in chunks of unnested arrays. */
export async function insertImportChanges(
  trx: Executor,
  batchId: number,
  changes: readonly Omit<ImportChangeRecord, 'seq'>[],
  firstSeq = 1,
): Promise<void> {
  const json = (value: JsonValue | null): string | null => (value === null ? null : JSON.stringify(value));
  for (let start = 0; start < changes.length; start += CHANGE_CHUNK) {
    const part = changes.slice(start, start + CHANGE_CHUNK);
    await sql`
      insert into import_change (batch_id, seq, table_name, key, old_value, new_value)
      select ${batchId}::bigint, k.seq, k.table_name, k.key::jsonb, k.old_value::jsonb, k.new_value::jsonb
      from unnest(
        ${part.map((_c, i) => firstSeq + start + i)}::integer[],
        ${part.map((c) => c.table)}::text[],
        ${part.map((c) => json(c.key))}::text[],
        ${part.map((c) => json(c.oldValue))}::text[],
        ${part.map((c) => json(c.newValue))}::text[]
      ) as k(seq, table_name, key, old_value, new_value)
    `.execute(trx);
  }
}

/** The seq the next change of a batch takes (changes added to a batch by a later step of the same import). */
export async function nextImportChangeSeq(trx: Executor, batchId: number): Promise<number> {
  const row = await trx
    .selectFrom('import_change')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function findImportBatch(db: Executor, id: number): Promise<ImportBatchRecord | undefined> {
  return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The batch, locked until the transaction ends, so two undos of one batch run one after the other. */
export async function lockImportBatch(trx: Executor, id: number): Promise<ImportBatchRecord | undefined> {
  return trx.selectFrom('import_batch').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The newest committed batch of this kind whose file had this checksum. */
export async function findCommittedBatchByChecksum(
  db: Executor,
  checksum: string,
  kind: ImportBatchRecord['kind'],
): Promise<number | null> {
  const row = await db
    .selectFrom('import_batch')
    .select('id')
    .where('checksum', '=', checksum)
    .where('kind', '=', kind)
    .where('status', '=', 'committed')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Newest first. */
export async function listImportBatches(
  db: Executor,
  window: PageWindow,
  filter: { readonly createdBy?: string } = {},
): Promise<PageRows<ImportBatchRecord>> {
  const base = () =>
    filter.createdBy === undefined
      ? db.selectFrom('import_batch')
      : db.selectFrom('import_batch').where('created_by', '=', filter.createdBy);
  const [rows, count] = await Promise.all([
    base().selectAll().orderBy('id', 'desc').limit(window.limit).offset(window.offset).execute(),
    base().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** One page of a batch's changes in the order they were made, or all of them without a window. */
export async function listImportChanges(
  db: Executor,
  batchId: number,
  window?: PageWindow,
): Promise<PageRows<ImportChangeRecord>> {
  let query = db
    .selectFrom('import_change')
    .select(['seq', 'table_name as table', 'key', 'old_value as oldValue', 'new_value as newValue'])
    .where('batch_id', '=', batchId)
    .orderBy('seq');
  if (window !== undefined) query = query.limit(window.limit).offset(window.offset);
  const [rows, count] = await Promise.all([
    query.execute(),
    db
      .selectFrom('import_change')
      .select(sql<number>`count(*)::int`.as('total'))
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, key: r.key ?? {} })), total: count.total };
}

export async function markImportBatchUndone(
  trx: Executor,
  id: number,
  by: string,
  at: Date,
): Promise<ImportBatchRecord> {
  return trx
    .updateTable('import_batch')
    .set({ status: 'undone', undone_by: by, undone_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ImportOrgUnit {
  readonly id: number;
  readonly code: string;
  readonly rootId: number;
  readonly path: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
}

export async function loadImportOrgUnits(db: Executor): Promise<ImportOrgUnit[]> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'root_id as rootId', 'path', 'name_en as nameEn', 'name_zh as nameZh'])
    .orderBy('path')
    .execute();
}

export interface ImportDataElement {
  readonly id: number;
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly valueType: Selectable<DataElementTable>['value_type'];
  readonly min: number | null;
  readonly max: number | null;
  readonly periodType: Selectable<DataElementTable>['period_type'];
}

export async function loadImportDataElements(db: Executor): Promise<ImportDataElement[]> {
  return db
    .selectFrom('data_element')
    .select([
      'id',
      'code',
      'name_en as nameEn',
      'name_zh as nameZh',
      'value_type as valueType',
      'min_value as min',
      'max_value as max',
      'period_type as periodType',
    ])
    .orderBy('code')
    .execute();
}

export async function loadImportOrgUnitGroups(db: Executor): Promise<{ id: number; code: string }[]> {
  return db.selectFrom('org_unit_group').select(['id', 'code']).orderBy('code').execute();
}

export interface ImportScorecard {
  readonly id: number;
  readonly code: string;
  /** The current structure version's definition (the scorecard file without `weights`), null if none. */
  readonly definition: JsonValue | null;
}

/** Every scorecard with its current structure's definition. */
export async function loadImportScorecards(db: Executor): Promise<ImportScorecard[]> {
  const rows = await db
    .selectFrom('scorecard as s')
    .leftJoin('scorecard_version as v', (join) =>
      join
        .onRef('v.scorecard_id', '=', 's.id')
        .on(
          'v.version',
          '=',
          sql<number>`(select max(version) from scorecard_version where scorecard_id = s.id)`,
        ),
    )
    .select(['s.id', 's.code', 'v.definition'])
    .orderBy('s.code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, definition: r.definition ?? null }));
}

/** The org units a scorecard applies to, with their paths (for subtrees). */
export async function loadScorecardUnitPaths(
  db: Executor,
  scorecardId: number,
): Promise<{ path: string; includeDescendants: boolean }[]> {
  return db
    .selectFrom('scorecard_org_unit as s')
    .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
    .select(['o.path', 's.include_descendants as includeDescendants'])
    .where('s.scorecard_id', '=', scorecardId)
    .execute();
}

/**
 * The first of these org units that something else still needs (values, targets, a scorecard, or a child unit
 * not among them), or null when all of them can be deleted.
 */
export async function findOrgUnitInUse(db: Executor, codes: readonly string[]): Promise<string | null> {
  if (codes.length === 0) return null;
  const { rows } = await sql<{ code: string }>`
    select o.code from org_unit o
    where o.code = any(${[...codes]}::text[]) and (
      exists (select 1 from data_value v where v.org_unit_id = o.id)
      or exists (select 1 from reported_value v where v.org_unit_id = o.id)
      or exists (select 1 from assessment v where v.org_unit_id = o.id)
      or exists (select 1 from target v where v.org_unit_id = o.id)
      or exists (select 1 from scorecard_org_unit v where v.org_unit_id = o.id)
      or exists (select 1 from org_unit_identifier v where v.org_unit_id = o.id)
      or exists (select 1 from org_unit c where c.parent_id = o.id and c.code <> all(${[...codes]}::text[]))
    )
    order by o.code limit 1
  `.execute(db);
  return rows[0]?.code ?? null;
}

/** Deletes org units (in one statement, so a parent and its child listed together go together). */
export async function deleteOrgUnitsByCodes(trx: Executor, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`delete from org_unit where code = any(${[...codes]}::text[])`.execute(trx);
}
