/**
 * Reads every page of a list route (`{ items, total, limit, offset }`, core/contracts/common.ts `pageSchema`).
 * The pickers need whole lists: every org unit of a large group, every period with data.
 */
import type { ApiClient } from './api-client.ts';
import { queryValues, splitRoute } from './request.ts';
import type { ApiRoutes, ItemOf, ListRoute } from './routes.ts';

/** The largest page the server returns (core/contracts/common.ts `MAX_PAGE_SIZE`). */
export const PAGE_SIZE = 1000;

/** A list route's query without the window, which fetchAllPages moves itself. */
export type ListQuery<R extends ListRoute> = ApiRoutes[R] extends { query: infer Q }
  ? Omit<Q, 'limit' | 'offset'>
  : never;

interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/**
 * @example await fetchAllPages(client, 'GET /api/org-units') // all units, 1,000 per request
 */
export async function fetchAllPages<R extends ListRoute>(
  client: ApiClient,
  route: R,
  query: ListQuery<R> | Record<string, never> = {},
  signal?: AbortSignal,
): Promise<ItemOf<R>[]> {
  const items: ItemOf<R>[] = [];
  const [, path] = splitRoute(route);
  for (;;) {
    const page = await client.request<Page<ItemOf<R>>>(path, {
      query: queryValues({ ...query, limit: PAGE_SIZE, offset: items.length }),
      ...(signal === undefined ? {} : { signal }),
    });
    items.push(...page.items);
    // An empty page ends the loop even if `total` moved while we read (a unit deleted meanwhile).
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
