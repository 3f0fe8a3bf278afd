/** A scorecard's evaluations over a range of periods for one org unit (`GET /api/series`); `null` waits. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { QueryOf, ResponseOf } from './routes.ts';

export type SeriesQuery = QueryOf<'GET /api/series'>;
export type SeriesJson = ResponseOf<'GET /api/series'>;

const ROOT = ['series'] as const;

export const seriesKeys = {
  all: ROOT,
  one: (query: SeriesQuery | null) => [...ROOT, query] as const,
};

export function getSeriesQueryOptions(client: ApiClient, query: SeriesQuery | null) {
  return queryOptions({
    queryKey: seriesKeys.one(query),
    queryFn: requestFn(client, 'GET /api/series', query && { query }),
  });
}

export function useSeries(query: SeriesQuery | null) {
  return useQuery(getSeriesQueryOptions(useApiClient(), query));
}
