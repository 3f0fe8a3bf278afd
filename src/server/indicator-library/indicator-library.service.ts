/**
 * The indicator library: the built-in entries (core/indicator-library) with the installation's own
 * (`library_entry`), listed and searched together. Everyone signed in reads it; the performance office
 * (strategists) and administrators add, change and delete own entries, each write audited.
 */

import { z } from 'zod';
import { DESIGN_ROLES, READ_ROLES } from '../../core/access/policy.ts';
import type {
  LibraryEntryBody,
  LibraryEntryItem,
  LibraryList,
  ListLibraryQuery,
} from '../../core/contracts/indicator-library.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import {
  BUILT_IN_LIBRARY,
  type LibraryEntry,
  libraryEntryFields,
  searchLibrary,
} from '../../core/indicator-library/index.ts';
import {
  deleteLibraryEntry,
  findLibraryEntry,
  insertLibraryEntry,
  type LibraryEntryRow,
  listLibraryEntries,
  updateLibraryEntry,
} from '../../db/repositories/library-entry.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';

const storedFieldsSchema = z.object(libraryEntryFields);
const OWN_PREFIX = 'custom-';

/** Built-in and own entries matching the query: built-in first, in the library's order, then own by age. */
export async function listLibrary(
  ctx: ServerContext,
  actor: Actor,
  query: ListLibraryQuery,
): Promise<LibraryList> {
  requireSomeRole(actor, READ_ROLES);
  const own = (await listLibraryEntries(ctx.db.kysely)).flatMap((row) => {
    const item = toItem(row);
    return item === null ? [] : [item];
  });
  const builtIn: LibraryEntryItem[] = BUILT_IN_LIBRARY.map((e) => ({
    ...e,
    createdBy: null,
    updatedAt: null,
  }));
  const entries = searchLibrary([...builtIn, ...own], query) as LibraryEntryItem[];
  return { entries, total: entries.length };
}

export async function createLibraryEntry(
  ctx: ServerContext,
  actor: Actor,
  body: LibraryEntryBody,
): Promise<LibraryEntryItem> {
  requireSomeRole(actor, DESIGN_ROLES);
  const fields = storedFieldsSchema.parse(body);
  return commitWrite(ctx, actor, async (trx) => {
    const row = await insertLibraryEntry(trx, { entry: fields, createdBy: actor.id, at: ctx.now() });
    const item = requireItem(row);
    return {
      result: item,
      audit: [{ action: 'create', entity: 'library_entry', entityKey: item.id, newValue: item }],
      touched: [],
    };
  });
}

export async function changeLibraryEntry(
  ctx: ServerContext,
  actor: Actor,
  id: string,
  body: LibraryEntryBody,
): Promise<LibraryEntryItem> {
  requireSomeRole(actor, DESIGN_ROLES);
  const key = ownKey(id);
  const fields = storedFieldsSchema.parse(body);
  return commitWrite(ctx, actor, async (trx) => {
    const found = await findLibraryEntry(trx, key);
    if (!found) throw notFound('indicator-library.not-found', { id });
    const before = requireItem(found);
    const item = requireItem(await updateLibraryEntry(trx, key, fields, ctx.now()));
    return {
      result: item,
      audit: [{ action: 'update', entity: 'library_entry', entityKey: id, oldValue: before, newValue: item }],
      touched: [],
    };
  });
}

export async function removeLibraryEntry(ctx: ServerContext, actor: Actor, id: string): Promise<void> {
  requireSomeRole(actor, DESIGN_ROLES);
  const key = ownKey(id);
  await commitWrite(ctx, actor, async (trx) => {
    const found = await findLibraryEntry(trx, key);
    if (!found) throw notFound('indicator-library.not-found', { id });
    await deleteLibraryEntry(trx, key);
    return {
      result: undefined,
      audit: [{ action: 'delete', entity: 'library_entry', entityKey: id, oldValue: requireItem(found) }],
      touched: [],
    };
  });
}

/** The row id of an own entry's id (`custom-12` → 12); a built-in id cannot be changed (400), others 404. */
function ownKey(id: string): number {
  if (BUILT_IN_LIBRARY.some((e) => e.id === id))
    throw badRequest('indicator-library.built-in-read-only', { id });
  const n = id.startsWith(OWN_PREFIX) ? Number(id.slice(OWN_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw notFound('indicator-library.not-found', { id });
  return n;
}

/** A stored row as listed; null when its JSON no longer fits the entry's shape (never written so). */
function toItem(row: LibraryEntryRow): LibraryEntryItem | null {
  const fields = storedFieldsSchema.safeParse(row.entry);
  if (!fields.success) return null;
  const entry: LibraryEntry = { id: `${OWN_PREFIX}${row.id}`, source: 'custom', ...fields.data };
  return { ...entry, createdBy: row.createdBy, updatedAt: isoTime(row.updatedAt) };
}

function requireItem(row: LibraryEntryRow): LibraryEntryItem {
  const item = toItem(row);
  if (item === null) throw new Error(`library entry ${row.id} does not fit the entry's shape`);
  return item;
}
