/** The audit trail (`/api/audit`), newest first, one page at a time with the table's filters. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntryResource } from '../../../../core/contracts/audit.ts';
import type { Page } from '../../../../core/contracts/common.ts';
import type { QueryValue } from '../../../lib/api/api-client.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';

export interface AuditFilters {
  readonly entity?: string | undefined;
  readonly actor?: string | undefined;
  readonly orgUnit?: string | undefined;
  /** ISO date-times. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The query string of a list or an export: empty filters left out. */
export function auditQuery(filters: AuditFilters): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') query[key] = value.trim();
  }
  if (query.orgUnit !== undefined) query.includeDescendants = true;
  return query;
}

export function useAudit(filters: AuditFilters, page: { limit: number; offset: number }) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) =>
      client.request<Page<AuditEntryResource>>('/api/audit', {
        query: { ...auditQuery(filters), limit: page.limit, offset: page.offset },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
