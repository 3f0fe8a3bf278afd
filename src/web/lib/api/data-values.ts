/**
 * Data values (`/api/data-values`): the stored values of a data entry grid (one unit, a range of months, the
 * grid's elements) and their batch write. A write moves every score computed from them.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { dataQualityKeys } from './data-quality.ts';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, isJustFetched } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

export type DataValue = ItemOf<'GET /api/data-values'>;

export interface DataValuesQuery {
  readonly orgUnit: string;
  readonly from: string;
  readonly to: string;
  readonly dataElements: readonly string[];
}

const ROOT = ['data-values'] as const;

export const dataValueKeys = {
  all: ROOT,
  grid: (query: DataValuesQuery | null) => [...ROOT, query] as const,
};

/** `query` null (or no element to show) waits. */
export function getDataValuesQueryOptions(client: ApiClient, query: DataValuesQuery | null) {
  const ready = query !== null && query.dataElements.length > 0;
  return queryOptions({
    queryKey: dataValueKeys.grid(query),
    queryFn: allPagesFn(
      client,
      'GET /api/data-values',
      ready
        ? {
            orgUnit: query.orgUnit,
            from: query.from,
            to: query.to,
            dataElement: query.dataElements.join(','),
          }
        : null,
    ),
    // What is stored must be current when the user starts typing over it.
    staleTime: 0,
    // Unless the menu's click fetched it a moment ago (features/data-entry/prefetch.ts).
    refetchOnMount: (query) => !isJustFetched(query),
  });
}

export function useDataValues(query: DataValuesQuery | null) {
  return useQuery(getDataValuesQueryOptions(useApiClient(), query));
}

/**
 * Reads stored values when an action needs them (the grid's "copy previous period"), fresh from the server:
 * what is copied must be what is stored now.
 */
export function useFetchDataValues(): (query: DataValuesQuery) => Promise<DataValue[]> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useCallback(
    (query: DataValuesQuery) => queryClient.fetchQuery(getDataValuesQueryOptions(client, query)),
    [client, queryClient],
  );
}

export function useSaveDataValues() {
  return useApiMutation(
    (client, body: BodyOf<'POST /api/data-values'>) => apiRequest(client, 'POST /api/data-values', { body }),
    [dataValueKeys.all, dataQualityKeys.all, ...scoreKeys],
  );
}
