/**
 * The data entry page's endpoints: data elements (`GET /api/data-elements`), the grid's values
 * (`GET /api/data-values`), their batch write (`POST /api/data-values`), and the approval of the grid's unit ×
 * period × scorecard (`GET /api/approvals`, `POST /api/approvals/{submit,approve,reopen}`). A write refreshes
 * what it changed: the values, the approvals, and every evaluation and series (scores move with the data).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalKey, ApprovalResource } from '../../../../core/contracts/approvals.ts';
import type { Page } from '../../../../core/contracts/common.ts';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import type {
  DataValue,
  WriteDataValuesBody,
  WriteDataValuesResult,
} from '../../../../core/contracts/data-values.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';
import { REFERENCE_STALE_TIME } from '../../../lib/api/query-keys.ts';

export interface GridValuesParams {
  readonly orgUnit: string;
  readonly from: string;
  readonly to: string;
  readonly dataElements: readonly string[];
}

export const dataEntryKeys = {
  dataElements: () => ['data-elements', 'all'] as const,
  values: (params: GridValuesParams) => ['data-values', params] as const,
  approval: (key: ApprovalKey) => ['approvals', key] as const,
};

export function useDataElements() {
  const client = useApiClient();
  return useQuery({
    queryKey: dataEntryKeys.dataElements(),
    queryFn: ({ signal }) => fetchAllPages<DataElement>(client, '/api/data-elements', {}, signal),
    staleTime: REFERENCE_STALE_TIME,
  });
}

/** The stored values of the grid; `params` null (or no element to show) waits. */
export function useGridValues(params: GridValuesParams | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: dataEntryKeys.values(params ?? { orgUnit: '', from: '', to: '', dataElements: [] }),
    queryFn: ({ signal }) =>
      fetchAllPages<DataValue>(
        client,
        '/api/data-values',
        {
          orgUnit: params?.orgUnit,
          from: params?.from,
          to: params?.to,
          dataElement: params?.dataElements.join(','),
        },
        signal,
      ),
    enabled: params !== null && params.dataElements.length > 0,
    // What is stored must be current when the user starts typing over it.
    staleTime: 0,
  });
}

export function useSaveValues() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WriteDataValuesBody) =>
      client.request<WriteDataValuesResult>('/api/data-values', { method: 'POST', body }),
    onSettled: async () => {
      await Promise.all(
        ['data-values', 'evaluations', 'series', 'rankings'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}

/** The approval record of exactly this unit × period × scorecard; null when none was ever submitted. */
export function useApproval(key: ApprovalKey | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: dataEntryKeys.approval(key ?? { scorecard: '', orgUnit: '', period: '' }),
    queryFn: async ({ signal }) => {
      const page = await client.request<Page<ApprovalResource>>('/api/approvals', {
        query: { ...key },
        signal,
      });
      return page.items[0] ?? null;
    },
    enabled: key !== null,
    staleTime: 0,
  });
}

export type ApprovalAction =
  | { readonly action: 'submit' | 'approve'; readonly key: ApprovalKey }
  | { readonly action: 'reopen'; readonly key: ApprovalKey; readonly reason: string };

export function useApprovalAction() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovalAction) =>
      client.request<ApprovalResource>(`/api/approvals/${input.action}`, {
        method: 'POST',
        body: input.action === 'reopen' ? { ...input.key, reason: input.reason } : input.key,
      }),
    onSettled: async () => {
      await Promise.all(
        ['approvals', 'evaluations'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
    },
  });
}
