/** The installation's own indicator-library entries (`library_entry`). */
import type { Executor } from './query-helpers.ts';

export interface LibraryEntryRow {
  readonly id: number;
  readonly entry: unknown;
  readonly createdBy: string;
  readonly updatedAt: Date;
}

function toRow(row: { id: number; entry: unknown; created_by: string; updated_at: Date }): LibraryEntryRow {
  return { id: row.id, entry: row.entry, createdBy: row.created_by, updatedAt: row.updated_at };
}

export async function listLibraryEntries(db: Executor): Promise<LibraryEntryRow[]> {
  const rows = await db
    .selectFrom('library_entry')
    .select(['id', 'entry', 'created_by', 'updated_at'])
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

export async function findLibraryEntry(db: Executor, id: number): Promise<LibraryEntryRow | undefined> {
  const row = await db
    .selectFrom('library_entry')
    .select(['id', 'entry', 'created_by', 'updated_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : toRow(row);
}

export async function insertLibraryEntry(
  trx: Executor,
  row: { readonly entry: unknown; readonly createdBy: string; readonly at: Date },
): Promise<LibraryEntryRow> {
  const inserted = await trx
    .insertInto('library_entry')
    .values({
      entry: JSON.stringify(row.entry),
      created_by: row.createdBy,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning(['id', 'entry', 'created_by', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toRow(inserted);
}

export async function updateLibraryEntry(
  trx: Executor,
  id: number,
  entry: unknown,
  at: Date,
): Promise<LibraryEntryRow> {
  const updated = await trx
    .updateTable('library_entry')
    .set({ entry: JSON.stringify(entry), updated_at: at })
    .where('id', '=', id)
    .returning(['id', 'entry', 'created_by', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toRow(updated);
}

export async function deleteLibraryEntry(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('library_entry').where('id', '=', id).execute();
}
