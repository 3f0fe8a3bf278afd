/**
 * Data elements (`/api/data-elements`): the whole catalog (all pages, for the data entry grid's rows and the
 * designer's formulas), one searched page of it (the administration's table), and the writes. An element's
 * aggregation decides how its values add up, so a write moves the scores too.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, REFERENCE_STALE_TIME, requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

export type DataElement = ItemOf<'GET /api/data-elements'>;

/** One page of the catalog, searched by code or name (`q`, blank for all). */
export interface DataElementPageQuery {
  readonly q: string;
  readonly limit: number;
  readonly offset: number;
}

const ROOT = ['data-elements'] as const;

export const dataElementKeys = {
  all: ROOT,
  catalog: () => [...ROOT, 'all'] as const,
  page: (query: DataElementPageQuery) => [...ROOT, 'page', query] as const,
};

export function getDataElementsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: dataElementKeys.catalog(),
    queryFn: allPagesFn(client, 'GET /api/data-elements'),
    staleTime: REFERENCE_STALE_TIME,
  });
}

/** Every data element of the installation; `enabled: false` waits (the header's search reads them once opened). */
export function useDataElements(enabled = true) {
  return useQuery({ ...getDataElementsQueryOptions(useApiClient()), enabled });
}

export function getDataElementPageQueryOptions(client: ApiClient, query: DataElementPageQuery) {
  const q = query.q.trim();
  return queryOptions({
    queryKey: dataElementKeys.page(query),
    queryFn: requestFn(client, 'GET /api/data-elements', {
      query: { q: q === '' ? undefined : q, limit: query.limit, offset: query.offset },
    }),
    placeholderData: keepPreviousData,
  });
}

export function useDataElementPage(query: DataElementPageQuery) {
  return useQuery(getDataElementPageQueryOptions(useApiClient(), query));
}

export type SaveDataElement =
  | { readonly kind: 'create'; readonly body: BodyOf<'POST /api/data-elements'> }
  | {
      readonly kind: 'update';
      readonly code: string;
      readonly body: BodyOf<'PATCH /api/data-elements/:code'>;
    };

const changes = [dataElementKeys.all, ...scoreKeys];

export function useSaveDataElement() {
  return useApiMutation(
    (client, input: SaveDataElement) =>
      input.kind === 'create'
        ? apiRequest(client, 'POST /api/data-elements', { body: input.body })
        : apiRequest(client, 'PATCH /api/data-elements/:code', {
            params: { code: input.code },
            body: input.body,
          }),
    changes,
  );
}

export function useDeleteDataElement() {
  return useApiMutation(
    (client, code: string) => apiRequest(client, 'DELETE /api/data-elements/:code', { params: { code } }),
    changes,
  );
}
