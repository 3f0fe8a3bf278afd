/**
 * The scorecard and unit the signed-in user last looked at (`/api/me/last-view`, issue 17): read once per
 * session to open them when the address names no selection, saved when the user moves to another scorecard or
 * unit. Not audited on the server (a view, not data), so saving does not invalidate the audit trail.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type LastView = ResponseOf<'GET /api/me/last-view'>;

export const lastViewKeys = { all: ['last-view'] as const };

export function getLastViewQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: lastViewKeys.all,
    queryFn: requestFn(client, 'GET /api/me/last-view', {}),
    // Only this session changes it (and writes it into the cache): read once.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLastView() {
  return useQuery(getLastViewQueryOptions(useApiClient()));
}

export function useSaveLastView() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'PUT /api/me/last-view'>) =>
      apiRequest(client, 'PUT /api/me/last-view', { body }),
    onSuccess: (saved) => queryClient.setQueryData(getLastViewQueryOptions(client).queryKey, saved),
  });
}
