/**
 * The server's mode (`GET /api/meta`, public) and the signed-in user (`GET /api/session`), signing in
 * (`POST /api/session`) and out (`DELETE /api/session`), and changing one's own password
 * (`POST /api/session/password`). Signing in or out clears the whole query cache: what
 * one user was allowed to see must not be shown to the next.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { REFERENCE_STALE_TIME, requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type SessionResource = ResponseOf<'GET /api/session'>;
export type SessionUser = SessionResource['user'];

export const metaKeys = { all: ['meta'] as const };
export const sessionKeys = { all: ['session'] as const };

export function getMetaQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: metaKeys.all,
    queryFn: requestFn(client, 'GET /api/meta', {}),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useMeta() {
  return useQuery(getMetaQueryOptions(useApiClient()));
}

export function getSessionQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: requestFn(client, 'GET /api/session', {}),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions(useApiClient()));
}

export function useSignIn() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST /api/session'>) => apiRequest(client, 'POST /api/session', { body }),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(getSessionQueryOptions(client).queryKey, session);
    },
  });
}

/** Changes the signed-in user's own password (the current one required); this session stays signed in. */
export function useChangePassword() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST /api/session/password'>) =>
      apiRequest(client, 'POST /api/session/password', { body }),
  });
}

export function useSignOut() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(client, 'DELETE /api/session'),
    // Signed out or not (an expired session answers 401), nothing cached may outlive the session.
    onSettled: () => queryClient.clear(),
  });
}
