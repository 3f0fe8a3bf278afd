/**
 * The server's mode (`GET /api/meta`, public) and the signed-in user (`GET /api/session`), signing in
 * (`POST /api/session`) and out (`DELETE /api/session`). Signing in or out clears the whole query cache: what
 * one user was allowed to see must not be shown to the next.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, MetaResource, SessionResource } from '../../../core/contracts/accounts.ts';
import { useApiClient } from './api-context.tsx';
import { queryKeys, REFERENCE_STALE_TIME } from './query-keys.ts';

export function useMeta() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.meta(),
    queryFn: ({ signal }) => client.request<MetaResource>('/api/meta', { signal }),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useSession() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => client.request<SessionResource>('/api/session', { signal }),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useSignIn() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      client.request<SessionResource>('/api/session', { method: 'POST', body }),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session(), session);
    },
  });
}

export function useSignOut() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.request<undefined>('/api/session', { method: 'DELETE' }),
    // Signed out or not (an expired session answers 401), nothing cached may outlive the session.
    onSettled: () => queryClient.clear(),
  });
}
