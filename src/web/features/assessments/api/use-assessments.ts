/**
 * The assessments of one scorecard, org unit and period (`GET /api/assessments`, every rater) and their batch
 * write (`POST /api/assessments`). A write refreshes the assessments and every evaluation (ratings are scores).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  WriteAssessmentsBody,
  WriteAssessmentsResult,
} from '../../../../core/contracts/assessments.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';

export interface AssessmentsParams {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}

export function useAssessments(params: AssessmentsParams | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['assessments', params ?? { scorecard: '', orgUnit: '', period: '' }] as const,
    queryFn: ({ signal }) =>
      fetchAllPages<Assessment>(
        client,
        '/api/assessments',
        { scorecard: params?.scorecard, orgUnit: params?.orgUnit, period: params?.period },
        signal,
      ),
    enabled: params !== null,
    staleTime: 0,
  });
}

export function useSaveAssessments() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WriteAssessmentsBody) =>
      client.request<WriteAssessmentsResult>('/api/assessments', { method: 'POST', body }),
    onSettled: async () => {
      await Promise.all(
        ['assessments', 'evaluations', 'series', 'rankings'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}
