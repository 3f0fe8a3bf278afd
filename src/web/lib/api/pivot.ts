/** One indicator's period × unit table (`GET /api/pivot`); `null` waits. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { QueryOf, ResponseOf } from './routes.ts';

export type PivotQuery = QueryOf<'GET /api/pivot'>;
export type PivotJson = ResponseOf<'GET /api/pivot'>;

const ROOT = ['pivot'] as const;

export const pivotKeys = {
  all: ROOT,
  one: (query: PivotQuery | null) => [...ROOT, query] as const,
};

export function getPivotQueryOptions(client: ApiClient, query: PivotQuery | null) {
  return queryOptions({
    queryKey: pivotKeys.one(query),
    queryFn: requestFn(client, 'GET /api/pivot', query && { query }),
    // Paging keeps the table in place while the next page loads.
    placeholderData: keepPreviousData,
  });
}

export function usePivot(query: PivotQuery | null) {
  return useQuery(getPivotQueryOptions(useApiClient(), query));
}
