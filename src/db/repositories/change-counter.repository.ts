/**
 * Change counters: bumped in the same transaction as a write, read by every server process to tell whether its
 * cached evaluations and value cubes are stale (migration 202611230500_platform).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** The scope of metadata (org units, data elements, scorecards, weights, targets). */
export const META_SCOPE = 'meta';

/** The scope of one organisation's values (data, reported values, assessments). */
export function rootScope(rootId: number): string {
  return `root:${rootId}`;
}

/** Increments the counter of `scope` (creating it at 1) and returns the new revision. */
export async function bumpRevision(
  trx: Transaction<Database> | Kysely<Database>,
  scope: string,
): Promise<number> {
  const row = await trx
    .insertInto('change_counter')
    .values({ scope, revision: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ revision: sql`change_counter.revision + 1` }))
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

/** The current revisions of `scopes` (0 for a scope never bumped). */
export async function readRevisions(
  db: Kysely<Database> | Transaction<Database>,
  scopes: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>(scopes.map((scope) => [scope, 0]));
  if (scopes.length === 0) return result;
  const rows = await db
    .selectFrom('change_counter')
    .select(['scope', 'revision'])
    .where('scope', 'in', scopes)
    .execute();
  for (const row of rows) result.set(row.scope, row.revision);
  return result;
}
