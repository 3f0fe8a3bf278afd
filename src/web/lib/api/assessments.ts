/**
 * Qualitative assessments (`/api/assessments`): every rater's of one scorecard, org unit and period, and their
 * batch write. Ratings are scores: a write moves the evaluations.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

export type Assessment = ItemOf<'GET /api/assessments'>;

export interface AssessmentsQuery {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}

const ROOT = ['assessments'] as const;

export const assessmentKeys = {
  all: ROOT,
  of: (query: AssessmentsQuery | null) => [...ROOT, query] as const,
};

export function getAssessmentsQueryOptions(client: ApiClient, query: AssessmentsQuery | null) {
  return queryOptions({
    queryKey: assessmentKeys.of(query),
    queryFn: allPagesFn(
      client,
      'GET /api/assessments',
      query && { scorecard: query.scorecard, orgUnit: query.orgUnit, period: query.period },
    ),
    staleTime: 0,
  });
}

export function useAssessments(query: AssessmentsQuery | null) {
  return useQuery(getAssessmentsQueryOptions(useApiClient(), query));
}

export function useSaveAssessments() {
  return useApiMutation(
    (client, body: BodyOf<'POST /api/assessments'>) => apiRequest(client, 'POST /api/assessments', { body }),
    [assessmentKeys.all, ...scoreKeys],
  );
}
