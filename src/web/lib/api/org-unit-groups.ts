/** Org-unit groups (`/api/org-unit-groups`): named sets of units that targets can apply to, and their writes. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

const ROOT = ['org-unit-groups'] as const;

export const orgUnitGroupKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
};

export function getOrgUnitGroupsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: orgUnitGroupKeys.list(),
    queryFn: allPagesFn(client, 'GET /api/org-unit-groups'),
  });
}

export function useOrgUnitGroups() {
  return useQuery(getOrgUnitGroupsQueryOptions(useApiClient()));
}

export type SaveOrgUnitGroup =
  | { readonly kind: 'create'; readonly body: BodyOf<'POST /api/org-unit-groups'> }
  | {
      readonly kind: 'update';
      readonly code: string;
      readonly body: BodyOf<'PATCH /api/org-unit-groups/:code'>;
    };

/** A group's members decide which units its targets reach: the scores move with them. */
export function useSaveOrgUnitGroup() {
  return useApiMutation(
    (client, input: SaveOrgUnitGroup) =>
      input.kind === 'create'
        ? apiRequest(client, 'POST /api/org-unit-groups', { body: input.body })
        : apiRequest(client, 'PATCH /api/org-unit-groups/:code', {
            params: { code: input.code },
            body: input.body,
          }),
    [orgUnitGroupKeys.all, ...scoreKeys],
  );
}
