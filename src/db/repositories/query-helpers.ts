/**
 * Small pieces the repositories share: the executor type, a page window, LIKE escaping and chunking.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database } from '../schema.ts';

/** The database or a transaction on it (a `Transaction` is a `Kysely`). */
export type Executor = Kysely<Database>;

/** A window of a list. */
export interface PageWindow {
  readonly limit: number;
  readonly offset: number;
}

/** Rows of one page and how many rows match in all. */
export interface PageRows<T> {
  readonly rows: T[];
  readonly total: number;
}

/**
 * Escapes `%`, `_` and `\` so text is matched literally inside a LIKE pattern (PostgreSQL's default escape
 * character is the backslash).
 *
 * @example `%${escapeLike('50%_done')}%` // '%50\%\_done%'
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `%text%`, escaped: text found anywhere. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * Splits a list into chunks, so one statement stays under PostgreSQL's 65,535 parameters.
 *
 * @example chunk([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * The condition "the org-unit path in `column` lies in `scope`" (core/access/scope.ts), or null when the scope is
 * the whole installation (no condition). An empty scope matches nothing. Paths are ids and slashes, so the LIKE
 * pattern needs no escaping beyond `escapeLike`'s.
 *
 * @example scopeCondition('o.path', ['/1/5/', '/2/']) // (o.path like '/1/5/%' or o.path like '/2/%')
 */
export function scopeCondition(column: string, scope: OrgScope | undefined): RawBuilder<SqlBool> | null {
  if (scope === undefined || scope === null) return null;
  if (scope.length === 0) return sql<SqlBool>`false`;
  const ref = sql.ref(column);
  return sql<SqlBool>`(${sql.join(
    scope.map((top) => sql`${ref} like ${`${escapeLike(top)}%`}`),
    sql` or `,
  )})`;
}

/** Distinct values, in first-seen order. */
export function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
