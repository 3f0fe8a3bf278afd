/**
 * A scorecard's evaluation for one org unit and period (`GET /api/evaluations`), and its series over a range of
 * periods (`GET /api/series`). A `null` query waits (the selection is not complete yet).
 */
import { useQuery } from '@tanstack/react-query';
import type { EvaluationJson, EvaluationQuery, SeriesJson } from '../../../core/contracts/evaluation.ts';
import { useApiClient } from './api-context.tsx';
import { queryKeys, type SeriesParams } from './query-keys.ts';

export type { EvaluationJson, SeriesJson };

export function useEvaluation(query: EvaluationQuery | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.evaluation(query ?? { scorecard: '', orgUnit: '', period: '' }),
    queryFn: ({ signal }) =>
      client.request<EvaluationJson>('/api/evaluations', { query: { ...query }, signal }),
    enabled: query !== null,
  });
}

export function useSeries(params: SeriesParams | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.series(params ?? { scorecard: '', orgUnit: '', from: '', to: '' }),
    queryFn: ({ signal }) => client.request<SeriesJson>('/api/series', { query: { ...params }, signal }),
    enabled: params !== null,
  });
}
