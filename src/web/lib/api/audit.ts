/**
 * The audit trail (`GET /api/audit`), newest first, one page at a time with the table's filters, and the address
 * of its export (`GET /api/audit/export`). Every write adds to it: mutation.ts invalidates `auditKeys.all` after
 * each one.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import { routeUrl } from './request.ts';
import type { DownloadRoutes, QueryOf } from './routes.ts';

export type AuditQuery = QueryOf<'GET /api/audit'>;
export type AuditExportQuery = DownloadRoutes['GET /api/audit/export']['query'];

const ROOT = ['audit'] as const;

export const auditKeys = {
  all: ROOT,
  page: (query: AuditQuery) => [...ROOT, query] as const,
};

export function getAuditQueryOptions(client: ApiClient, query: AuditQuery) {
  return queryOptions({
    queryKey: auditKeys.page(query),
    queryFn: requestFn(client, 'GET /api/audit', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery(getAuditQueryOptions(useApiClient(), query));
}

/** The link that downloads what the filters match, as one file. */
export function auditExportUrl(query: AuditExportQuery): string {
  return routeUrl('GET /api/audit/export', { query });
}
