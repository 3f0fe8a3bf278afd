/**
 * What every resource module's `get…QueryOptions()` is made of: the request of one route as a query function,
 * or TanStack Query's `skipToken` while the arguments are not known yet (the header's selection is not complete),
 * so a waiting query is typed as such instead of being sent with empty values.
 */
import { type Query, type QueryFunction, skipToken } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { fetchAllPages, type ListQuery } from './fetch-all-pages.ts';
import { sendRoute } from './request.ts';
import type { ApiRoutes, ArgsOf, ItemOf, ListRoute, ResponseOf, Route } from './routes.ts';

/** Reference lists (units, periods, scorecards, data elements) change rarely: keep them for five minutes. */
export const REFERENCE_STALE_TIME = 5 * 60 * 1000;

/** How long a query just fetched counts as current for a page that mounts reading it (isJustFetched). */
export const JUST_FETCHED_MS = 2_000;

/**
 * Whether a query's data arrived within the last JUST_FETCHED_MS: for `refetchOnMount` of a query that is
 * never fresh (staleTime 0), so that what a menu click prefetched for its page is not fetched a second time
 * when the page mounts a moment later. Older data is fetched again on mount, as staleTime 0 means.
 *
 * @example useQuery({ ...options, staleTime: 0, refetchOnMount: (query) => !isJustFetched(query) })
 */
export function isJustFetched(query: Pick<Query, 'state'>, now: number = Date.now()): boolean {
  return query.state.dataUpdatedAt > 0 && now - query.state.dataUpdatedAt < JUST_FETCHED_MS;
}

/** A route's arguments as a query holds them: the query's own signal is added when it runs. */
export type QueryArgs<R extends Route> = Omit<ArgsOf<ApiRoutes[R]>, 'signal'>;

/**
 * The query function of one route; `skipToken` (the query waits) while `args` is null.
 *
 * @example queryOptions({ queryKey, queryFn: requestFn(client, 'GET /api/evaluations', selection && { query: selection }) })
 */
export function requestFn<R extends Route>(
  client: ApiClient,
  route: R,
  args: QueryArgs<R> | null,
): QueryFunction<ResponseOf<R>> | typeof skipToken {
  if (args === null) return skipToken;
  return ({ signal }) => sendRoute<ResponseOf<R>>(client, route, { ...args, signal });
}

/** The query function reading every page of a list route; `skipToken` while `query` is null. */
export function allPagesFn<R extends ListRoute>(
  client: ApiClient,
  route: R,
  query: ListQuery<R> | Record<string, never> | null = {},
): QueryFunction<ItemOf<R>[]> | typeof skipToken {
  if (query === null) return skipToken;
  return ({ signal }) => fetchAllPages(client, route, query, signal);
}
