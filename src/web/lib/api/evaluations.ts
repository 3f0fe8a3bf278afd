/**
 * A scorecard's evaluation for one org unit and period (`GET /api/evaluations`) and how one of its indicators got
 * its score (`GET /api/evaluations/explain`). Both sit under `evaluationKeys.all`, so a write that moves scores
 * refreshes the explanations with the evaluations. A `null` query waits (the selection is not complete yet).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { QueryOf, ResponseOf } from './routes.ts';

export type EvaluationQuery = QueryOf<'GET /api/evaluations'>;
export type ExplainQuery = QueryOf<'GET /api/evaluations/explain'>;
export type EvaluationJson = ResponseOf<'GET /api/evaluations'>;
export type PerspectiveJson = EvaluationJson['perspectives'][number];
export type IndicatorJson = PerspectiveJson['indicators'][number];
export type ExplanationJson = ResponseOf<'GET /api/evaluations/explain'>;

const ROOT = ['evaluations'] as const;

export const evaluationKeys = {
  all: ROOT,
  one: (query: EvaluationQuery | null) => [...ROOT, query] as const,
  explain: (query: ExplainQuery | null) => [...ROOT, 'explain', query] as const,
};

export function getEvaluationQueryOptions(client: ApiClient, query: EvaluationQuery | null) {
  return queryOptions({
    queryKey: evaluationKeys.one(query),
    queryFn: requestFn(client, 'GET /api/evaluations', query && { query }),
  });
}

export function useEvaluation(query: EvaluationQuery | null) {
  return useQuery(getEvaluationQueryOptions(useApiClient(), query));
}

export function getExplainQueryOptions(client: ApiClient, query: ExplainQuery | null) {
  return queryOptions({
    queryKey: evaluationKeys.explain(query),
    queryFn: requestFn(client, 'GET /api/evaluations/explain', query && { query }),
  });
}

export function useExplain(query: ExplainQuery | null) {
  return useQuery(getExplainQueryOptions(useApiClient(), query));
}
