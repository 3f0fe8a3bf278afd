/**
 * Org units and org-unit groups for the administration page. The unit list itself is the shared one
 * (lib/api/use-reference-data.ts `useOrgUnits`), so a unit created here shows in the header's picker at once:
 * every write invalidates the `org-units` queries.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgUnitBody,
  CreateOrgUnitGroupBody,
  OrgUnit,
  OrgUnitGroup,
  UpdateOrgUnitBody,
  UpdateOrgUnitGroupBody,
} from '../../../../core/contracts/org-units.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';

export const orgUnitGroupsKey = ['org-unit-groups', 'all'] as const;

export function useCreateOrgUnit() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrgUnitBody) =>
      client.request<OrgUnit>('/api/org-units', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}

export function useUpdateOrgUnit() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateOrgUnitBody }) =>
      client.request<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}

export function useOrgUnitGroups() {
  const client = useApiClient();
  return useQuery({
    queryKey: orgUnitGroupsKey,
    queryFn: ({ signal }) => fetchAllPages<OrgUnitGroup>(client, '/api/org-unit-groups', {}, signal),
  });
}

export function useSaveOrgUnitGroup() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'create'; body: CreateOrgUnitGroupBody }
        | { kind: 'update'; code: string; body: UpdateOrgUnitGroupBody },
    ) =>
      input.kind === 'create'
        ? client.request<OrgUnitGroup>('/api/org-unit-groups', { method: 'POST', body: input.body })
        : client.request<OrgUnitGroup>(`/api/org-unit-groups/${encodeURIComponent(input.code)}`, {
            method: 'PATCH',
            body: input.body,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-unit-groups'] }),
  });
}
