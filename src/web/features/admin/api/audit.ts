/** The audit trail (`/api/audit`), newest first, one page at a time with the table's filters. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntryResource } from '../../../../core/contracts/audit.ts';
import type { Page } from '../../../../core/contracts/common.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { type AuditFilters, auditQuery } from '../audit-query.ts';

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
