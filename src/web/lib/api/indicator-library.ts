/**
 * The indicator library (`/api/indicator-library`): built-in entries (China's 56, seed 002, AHRQ, eCQM) and the
 * installation's own, searched by words, source and perspective, for the designer's "Add from library"; and
 * the writes of own entries (added, changed, deleted by the performance office), which refresh every list.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { REFERENCE_STALE_TIME, requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, QueryOf, ResponseOf } from './routes.ts';

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

export type LibraryEntryBody = BodyOf<'POST /api/indicator-library'>;

/** Adding an own entry, or changing one by its id (`custom-3`). */
export type SaveLibraryEntry =
  | { readonly kind: 'create'; readonly body: LibraryEntryBody }
  | { readonly kind: 'update'; readonly id: string; readonly body: LibraryEntryBody };

/**
 * What a write of an own entry changes: the library's lists. Scorecards are not touched: an indicator added
 * from an entry is a copy, which the entry's later changes leave as it is.
 */
export const libraryEntryChanges = [indicatorLibraryKeys.all] as const;

export function useSaveLibraryEntry() {
  return useApiMutation(
    (client, input: SaveLibraryEntry) =>
      input.kind === 'create'
        ? apiRequest(client, 'POST /api/indicator-library', { body: input.body })
        : apiRequest(client, 'PUT /api/indicator-library/:id', {
            params: { id: input.id },
            body: input.body,
          }),
    libraryEntryChanges,
  );
}

export function useDeleteLibraryEntry() {
  return useApiMutation(
    (client, id: string) => apiRequest(client, 'DELETE /api/indicator-library/:id', { params: { id } }),
    libraryEntryChanges,
  );
}
