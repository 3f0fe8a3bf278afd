/**
 * The approvals of a unit's subtree for one period under one scorecard (`GET /api/approvals`), for the data
 * status card. `null` waits.
 */
import { useQuery } from '@tanstack/react-query';
import type { ApprovalResource } from '../../../../core/contracts/approvals.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';

export interface ApprovalsParams {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}

export function useSubtreeApprovals(params: ApprovalsParams | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['approvals', params],
    queryFn: ({ signal }) =>
      fetchAllPages<ApprovalResource>(
        client,
        '/api/approvals',
        { ...params, includeDescendants: true },
        signal,
      ),
    enabled: params !== null,
  });
}
