/**
 * Users (`/api/users`): installation admins only (the server answers 403 else); and the directory
 * (`/api/users/directory`), which every signed-in user reads to pick an owner or a collaborator within their scope.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, REFERENCE_STALE_TIME, requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf, QueryOf } from './routes.ts';

export type UserResource = ItemOf<'GET /api/users'>;
export type DirectoryUser = ItemOf<'GET /api/users/directory'>;
export type DirectoryQuery = QueryOf<'GET /api/users/directory'>;

/** How many matches a picker offers at once: the reader narrows the list by typing. */
export const DIRECTORY_PAGE = 20;

const ROOT = ['users'] as const;

export const userKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
  directory: (query: DirectoryQuery) => [...ROOT, 'directory', query] as const,
};

export function getUsersQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: userKeys.list(), queryFn: allPagesFn(client, 'GET /api/users') });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions(useApiClient()));
}

/** One page of the directory: the first `DIRECTORY_PAGE` users whose name or e-mail contains `q`. */
export function getUserDirectoryQueryOptions(client: ApiClient, query: DirectoryQuery) {
  return queryOptions({
    queryKey: userKeys.directory(query),
    queryFn: requestFn(client, 'GET /api/users/directory', { query }),
    placeholderData: keepPreviousData,
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useUserDirectory(query: DirectoryQuery) {
  return useQuery(getUserDirectoryQueryOptions(useApiClient(), query));
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
