/**
 * Small pieces the repositories share: the executor type, a page window, LIKE escaping and chunking.
 */
import type { Kysely } from 'kysely';
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

/** Distinct values, in first-seen order. */
export function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
