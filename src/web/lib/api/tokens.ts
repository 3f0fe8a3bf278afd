/** API tokens (`/api/tokens`): installation admins only (the server answers 403 else). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';

export type ApiTokenResource = ItemOf<'GET /api/tokens'>;

const ROOT = ['tokens'] as const;

export const tokenKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
};

export function getTokensQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: tokenKeys.list(), queryFn: allPagesFn(client, 'GET /api/tokens') });
}

export function useTokens() {
  return useQuery(getTokensQueryOptions(useApiClient()));
}

/** The answer holds the token itself, once: it is stored hashed. */
export function useCreateToken() {
  return useApiMutation(
    (client, body: BodyOf<'POST /api/tokens'>) => apiRequest(client, 'POST /api/tokens', { body }),
    [tokenKeys.all],
  );
}

export function useRevokeToken() {
  return useApiMutation(
    (client, id: number) => apiRequest(client, 'DELETE /api/tokens/:id', { params: { id } }),
    [tokenKeys.all],
  );
}
