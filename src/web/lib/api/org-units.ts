/**
 * Org units (`/api/org-units`): the whole tree the header's picker, the administration and every role check read
 * (all pages of it, kept for five minutes), and its writes. A unit's name and role show in the rankings, so a
 * write refreshes them with the list.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, REFERENCE_STALE_TIME, requestFn } from './query.ts';
import { rankingKeys } from './rankings.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';

export type OrgUnit = ItemOf<'GET /api/org-units'>;

const ROOT = ['org-units'] as const;

export const orgUnitKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
  ancestors: (code: string | null) => [...ROOT, code, 'ancestors'] as const,
};

export function getOrgUnitsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: orgUnitKeys.list(),
    queryFn: allPagesFn(client, 'GET /api/org-units'),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useOrgUnits() {
  return useQuery(getOrgUnitsQueryOptions(useApiClient()));
}

/**
 * The units above `code`, top first (null waits): the list holds only the reader's scope, and a department head
 * still needs the hospital's and group's names for the breadcrumbs and for "内科 · 东城分院".
 */
export function useOrgUnitAncestors(code: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: orgUnitKeys.ancestors(code),
    queryFn: requestFn(
      client,
      'GET /api/org-units/:code/ancestors',
      code === null ? null : { params: { code } },
    ),
    staleTime: REFERENCE_STALE_TIME,
    select: (answer) => answer.ancestors,
  });
}

const changes = [orgUnitKeys.all, rankingKeys.all];

export function useCreateOrgUnit() {
  return useApiMutation(
    (client, body: BodyOf<'POST /api/org-units'>) => apiRequest(client, 'POST /api/org-units', { body }),
    changes,
  );
}

export function useUpdateOrgUnit() {
  return useApiMutation(
    (client, { code, body }: { code: string; body: BodyOf<'PATCH /api/org-units/:code'> }) =>
      apiRequest(client, 'PATCH /api/org-units/:code', { params: { code }, body }),
    changes,
  );
}
