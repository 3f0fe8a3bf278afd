/**
 * The indicator library (`/api/indicator-library`): built-in entries (China's 56, seed 002, AHRQ, eCQM) and the
 * installation's own, searched by words, source and perspective, for the designer's "Add from library".
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { REFERENCE_STALE_TIME, requestFn } from './query.ts';
import type { QueryOf, ResponseOf } from './routes.ts';

export type LibraryQuery = QueryOf<'GET /api/indicator-library'>;
export type LibraryEntryItem = ResponseOf<'GET /api/indicator-library'>['entries'][number];

const ROOT = ['indicator-library'] as const;

export const indicatorLibraryKeys = {
  all: ROOT,
  search: (query: LibraryQuery) => [...ROOT, 'search', query] as const,
};

export function getIndicatorLibraryQueryOptions(client: ApiClient, query: LibraryQuery) {
  const q = query.q?.trim();
  return queryOptions({
    queryKey: indicatorLibraryKeys.search(query),
    queryFn: requestFn(client, 'GET /api/indicator-library', {
      query: { ...query, q: q === '' ? undefined : q },
    }),
    placeholderData: keepPreviousData,
    staleTime: REFERENCE_STALE_TIME,
  });
}

/** The library entries matching `query` (all of them when it is empty). */
export function useIndicatorLibrary(query: LibraryQuery, enabled = true) {
  return useQuery({ ...getIndicatorLibraryQueryOptions(useApiClient(), query), enabled });
}
