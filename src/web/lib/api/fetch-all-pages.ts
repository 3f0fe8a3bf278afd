/**
 * Reads every page of a list endpoint (`{ items, total, limit, offset }`, core/contracts/common.ts
 * `pageSchema`). The pickers need whole lists: every org unit of a large group, every period with data.
 */
import type { Page } from '../../../core/contracts/common.ts';
import type { ApiClient, QueryValue } from './api-client.ts';

/** The largest page the server returns (core/contracts/common.ts `MAX_PAGE_SIZE`). */
export const PAGE_SIZE = 1000;

/**
 * @example await fetchAllPages<OrgUnit>(client, '/api/org-units') // all units, 1,000 per request
 */
export async function fetchAllPages<T>(
  client: ApiClient,
  path: string,
  query: Readonly<Record<string, QueryValue>> = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await client.request<Page<T>>(path, {
      query: { ...query, limit: PAGE_SIZE, offset: items.length },
      ...(signal === undefined ? {} : { signal }),
    });
    items.push(...page.items);
    // An empty page ends the loop even if `total` moved while we read (a unit deleted meanwhile).
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
