/** Users (`/api/users`) and API tokens (`/api/tokens`): installation admins only (the server answers 403 else). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApiTokenResource,
  CreateApiTokenBody,
  CreatedApiToken,
  CreateUserBody,
  UpdateUserBody,
  UserResource,
} from '../../../../core/contracts/accounts.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';

export function useUsers() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: ({ signal }) => fetchAllPages<UserResource>(client, '/api/users', {}, signal),
  });
}

export function useSaveUser() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { kind: 'create'; body: CreateUserBody } | { kind: 'update'; id: number; body: UpdateUserBody },
    ) =>
      input.kind === 'create'
        ? client.request<UserResource>('/api/users', { method: 'POST', body: input.body })
        : client.request<UserResource>(`/api/users/${input.id}`, { method: 'PATCH', body: input.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useTokens() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['tokens', 'all'],
    queryFn: ({ signal }) => fetchAllPages<ApiTokenResource>(client, '/api/tokens', {}, signal),
  });
}

export function useCreateToken() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) =>
      client.request<CreatedApiToken>('/api/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => client.request<ApiTokenResource>(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
