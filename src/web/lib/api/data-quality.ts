/**
 * The data-quality report (`/api/data-quality`) of one unit × period: the validation rules its values break and
 * its outliers. The data-entry grid marks its cells with it and its tab lists it; a save of values changes it.
 */
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { apiRequest } from './request.ts';
import type { QueryOf, ResponseOf } from './routes.ts';

export type DataQualityQuery = QueryOf<'GET /api/data-quality'>;
export type DataQualityReport = ResponseOf<'GET /api/data-quality'>;

const ROOT = ['data-quality'] as const;

export const dataQualityKeys = {
  all: ROOT,
  report: (query: DataQualityQuery | null) => [...ROOT, 'report', query] as const,
};

export function getDataQualityQueryOptions(client: ApiClient, query: DataQualityQuery | null) {
  return queryOptions({
    queryKey: dataQualityKeys.report(query),
    queryFn:
      query === null
        ? skipToken
        : ({ signal }) => apiRequest(client, 'GET /api/data-quality', { query, signal }),
  });
}

export function useDataQuality(query: DataQualityQuery | null) {
  return useQuery(getDataQualityQueryOptions(useApiClient(), query));
}
