/**
 * Approvals (`/api/approvals`): the record of exactly one unit × period × scorecard (the data entry page's
 * bar), those of a unit's whole subtree (the overview's data status), and the steps submit, approve and
 * reopen. An evaluation names the approval it rests on, so a step refreshes the scores too.
 */
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, isJustFetched } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

export type ApprovalResource = ItemOf<'GET /api/approvals'>;
export type ApprovalKey = BodyOf<'POST /api/approvals/submit'>;

const ROOT = ['approvals'] as const;

export const approvalKeys = {
  all: ROOT,
  one: (key: ApprovalKey | null) => [...ROOT, 'one', key] as const,
  subtree: (key: ApprovalKey | null) => [...ROOT, 'subtree', key] as const,
  unit: (orgUnit: string | null) => [...ROOT, 'unit', orgUnit] as const,
};

/** The approval record of exactly this unit × period × scorecard; null when none was ever submitted. */
export function getApprovalQueryOptions(client: ApiClient, key: ApprovalKey | null) {
  return queryOptions({
    queryKey: approvalKeys.one(key),
    queryFn:
      key === null
        ? skipToken
        : async ({ signal }) =>
            (await apiRequest(client, 'GET /api/approvals', { query: key, signal })).items[0] ?? null,
    staleTime: 0,
    // Unless the menu's click fetched it a moment ago (features/data-entry/prefetch.ts).
    refetchOnMount: (query) => !isJustFetched(query),
  });
}

export function useApproval(key: ApprovalKey | null) {
  return useQuery(getApprovalQueryOptions(useApiClient(), key));
}

/** The approvals of the unit and every unit under it, for one period and scorecard. */
export function getSubtreeApprovalsQueryOptions(client: ApiClient, key: ApprovalKey | null) {
  return queryOptions({
    queryKey: approvalKeys.subtree(key),
    queryFn: allPagesFn(client, 'GET /api/approvals', key && { ...key, includeDescendants: 'true' }),
  });
}

export function useSubtreeApprovals(key: ApprovalKey | null) {
  return useQuery(getSubtreeApprovalsQueryOptions(useApiClient(), key));
}

/**
 * Every approval record of one unit, of any scorecard and period: the data entry grid locks the columns an
 * approval covers (a month's approval locks that month only).
 */
export function getUnitApprovalsQueryOptions(client: ApiClient, orgUnit: string | null) {
  return queryOptions({
    queryKey: approvalKeys.unit(orgUnit),
    queryFn: allPagesFn(client, 'GET /api/approvals', orgUnit === null ? null : { orgUnit }),
    staleTime: 0,
    // Unless the menu's click fetched it a moment ago (features/data-entry/prefetch.ts).
    refetchOnMount: (query) => !isJustFetched(query),
  });
}

export function useUnitApprovals(orgUnit: string | null) {
  return useQuery(getUnitApprovalsQueryOptions(useApiClient(), orgUnit));
}

export type ApprovalAction =
  | { readonly action: 'submit'; readonly key: ApprovalKey }
  | { readonly action: 'approve'; readonly key: ApprovalKey; readonly acknowledgeViolations?: boolean }
  | { readonly action: 'reopen'; readonly key: ApprovalKey; readonly reason: string };

export function useApprovalAction() {
  return useApiMutation(
    (client, input: ApprovalAction) =>
      input.action === 'reopen'
        ? apiRequest(client, 'POST /api/approvals/reopen', { body: { ...input.key, reason: input.reason } })
        : input.action === 'approve'
          ? apiRequest(client, 'POST /api/approvals/approve', {
              body: { ...input.key, ...(input.acknowledgeViolations ? { acknowledgeViolations: true } : {}) },
            })
          : apiRequest(client, 'POST /api/approvals/submit', { body: input.key }),
    [approvalKeys.all, ...scoreKeys],
  );
}
