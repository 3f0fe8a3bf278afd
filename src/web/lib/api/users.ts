/** Users (`/api/users`): installation admins only (the server answers 403 else). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';

export type UserResource = ItemOf<'GET /api/users'>;

const ROOT = ['users'] as const;

export const userKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
};

export function getUsersQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: userKeys.list(), queryFn: allPagesFn(client, 'GET /api/users') });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions(useApiClient()));
}

export type SaveUser =
  | { readonly kind: 'create'; readonly body: BodyOf<'POST /api/users'> }
  | { readonly kind: 'update'; readonly id: number; readonly body: BodyOf<'PATCH /api/users/:id'> };

export function useSaveUser() {
  return useApiMutation(
    (client, input: SaveUser) =>
      input.kind === 'create'
        ? apiRequest(client, 'POST /api/users', { body: input.body })
        : apiRequest(client, 'PATCH /api/users/:id', { params: { id: input.id }, body: input.body }),
    [userKeys.all],
  );
}
