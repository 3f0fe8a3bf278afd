/**
 * The server's mode (`GET /api/meta`, public) and the signed-in user (`GET /api/session`), signing in
 * (`POST /api/session`) and out (`DELETE /api/session`), and changing one's own password
 * (`POST /api/session/password`); signing in with a directory (LDAP) account (`POST /api/session/directory`) and
 * the address that starts an OpenID Connect sign-in. Signing in or out clears the whole query cache: what
 * one user was allowed to see must not be shown to the next.
 */
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** A new session: nothing the previous user was allowed to see stays in the cache. */
function startSession(queryClient: QueryClient, client: ApiClient, session: SessionResource): void {
  queryClient.clear();
  queryClient.setQueryData(getSessionQueryOptions(client).queryKey, session);
}

export function useSignIn() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST /api/session'>) => apiRequest(client, 'POST /api/session', { body }),
    onSuccess: (session) => startSession(queryClient, client, session),
  });
}

/** Signs in with a directory (LDAP / Active Directory) account: the same session as a password sign-in. */
export function useDirectorySignIn() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST /api/session/directory'>) =>
      apiRequest(client, 'POST /api/session/directory', { body }),
    onSuccess: (session) => startSession(queryClient, client, session),
  });
}

/**
 * Where the browser goes to sign in through the hospital's OpenID Connect provider (a full navigation: the
 * provider's pages are not ours), coming back to `next`.
 *
 * @example oidcSignInHref('/scorecard?period=2024') // '/api/auth/oidc/login?next=%2Fscorecard%3Fperiod%3D2024'
 */
export function oidcSignInHref(next: string): string {
  return `/api/auth/oidc/login?next=${encodeURIComponent(next)}`;
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
