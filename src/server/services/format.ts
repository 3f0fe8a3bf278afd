/**
 * Turning stored rows into the shapes of the contracts (core/contracts): names as `{ en, zh? }`, times as
 * ISO 8601 text, pages as `{ items, total, limit, offset }`.
 */
import type { Page } from '../../core/contracts/common.ts';
import type { LocalizedText } from '../../core/indicators/indicator.ts';
import type { PageRows, PageWindow } from '../../db/repositories/query-helpers.ts';

/** `{ en, zh }`, leaving `zh` out when there is none. */
export function localized(en: string, zh: string | null): LocalizedText {
  return zh === null ? { en } : { en, zh };
}

/** A stored time as ISO 8601 text in UTC. */
export function isoTime(date: Date): string {
  return date.toISOString();
}

/**
 * A stored row whose fields the contract names already, its `updatedAt` as ISO 8601 text.
 *
 * @example stamped({ value: 3, updatedAt: new Date(0) }) // { value: 3, updatedAt: '1970-01-01T00:00:00.000Z' }
 */
export function stamped<R extends { readonly updatedAt: Date }>(
  row: R,
): Omit<R, 'updatedAt'> & { updatedAt: string } {
  return { ...row, updatedAt: isoTime(row.updatedAt) };
}

/** A page of the contract from a page of rows. */
export function toPage<Row, Item>(
  rows: PageRows<Row>,
  window: PageWindow,
  map: (row: Row) => Item,
): Page<Item> {
  return { items: rows.rows.map(map), total: rows.total, limit: window.limit, offset: window.offset };
}
