/** The periods that hold data (`GET /api/periods`), all pages, for the header's picker and the administration. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { allPagesFn, REFERENCE_STALE_TIME } from './query.ts';
import type { ItemOf } from './routes.ts';

export type PeriodResource = ItemOf<'GET /api/periods'>;

const ROOT = ['periods'] as const;

export const periodKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
};

export function getPeriodsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: periodKeys.list(),
    queryFn: allPagesFn(client, 'GET /api/periods'),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function usePeriods() {
  return useQuery(getPeriodsQueryOptions(useApiClient()));
}
