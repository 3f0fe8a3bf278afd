/**
 * Incentive allocation (`/api/incentives`): the history of allocations of a unit's pool, the preview of a rule
 * (what-if, nothing saved), saving a draft or a restatement, the approval by a second person, and the XLSX and PDF links.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest, routeUrl } from './request.ts';
import type { BodyOf, QueryOf, ResponseOf } from './routes.ts';

export type AllocationBody = BodyOf<'POST /api/incentives'>;
export type AllocationPreview = ResponseOf<'POST /api/incentives/preview'>;
export type Allocation = ResponseOf<'POST /api/incentives'>;
export type AllocationQuery = QueryOf<'GET /api/incentives'>;

const ROOT = ['incentives'] as const;

export const incentiveKeys = {
  all: ROOT,
  list: (query: AllocationQuery | null) => [...ROOT, 'list', query] as const,
};

/** The allocations of a scorecard × unit × period, newest first; `query` null waits. */
export function getAllocationsQueryOptions(client: ApiClient, query: AllocationQuery | null) {
  return queryOptions({
    queryKey: incentiveKeys.list(query),
    queryFn: requestFn(client, 'GET /api/incentives', query && { query }),
  });
}

export function useAllocations(query: AllocationQuery | null) {
  return useQuery(getAllocationsQueryOptions(useApiClient(), query));
}

/** POST /api/incentives/preview: changes nothing, so it invalidates nothing. */
export function usePreviewAllocation() {
  return useApiMutation(
    (client, body: AllocationBody) => apiRequest(client, 'POST /api/incentives/preview', { body }),
    [],
  );
}

/** POST /api/incentives (a draft, or a restatement with a reason). */
export function useCreateAllocation() {
  return useApiMutation(
    (client, body: AllocationBody) => apiRequest(client, 'POST /api/incentives', { body }),
    [incentiveKeys.all],
  );
}

/** POST /api/incentives/:id/approve. */
export function useApproveAllocation() {
  return useApiMutation(
    (client, id: number) => apiRequest(client, 'POST /api/incentives/:id/approve', { params: { id } }),
    [incentiveKeys.all],
  );
}

/** The link that downloads an allocation as XLSX (default) or PDF in a language. */
export function allocationExportUrl(
  id: number,
  lang: 'en' | 'zh-CN',
  format: 'xlsx' | 'pdf' = 'xlsx',
): string {
  return routeUrl('GET /api/incentives/:id/export', { params: { id }, query: { format, lang } });
}
