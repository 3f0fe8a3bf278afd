/**
 * The indicator page's own queries: the scorecard's indicator definitions (`GET /api/indicators`, for the
 * direction and band the evaluation does not carry) and the evaluations of the unit's children
 * (`GET /api/rankings`, depth `children`). A `null` argument waits (the selection is not complete yet).
 */
import { useQuery } from '@tanstack/react-query';
import type { RankingJson } from '../../../../core/contracts/evaluation.ts';
import type { IndicatorSummary } from '../../../../core/contracts/scorecards.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';
import { REFERENCE_STALE_TIME } from '../../../lib/api/query-keys.ts';

export type { IndicatorSummary, RankingJson };

export interface ChildRankingParams {
  readonly scorecard: string;
  readonly parent: string;
  readonly period: string;
}

export const indicatorKeys = {
  indicators: (scorecard: string) => ['indicators', { scorecard }] as const,
  // The same key as the comparison page's ranking of children, so the two share the cache.
  children: (params: ChildRankingParams) => ['rankings', { ...params, depth: 'children' }] as const,
};

export function useScorecardIndicators(scorecard: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: indicatorKeys.indicators(scorecard ?? ''),
    queryFn: ({ signal }) =>
      fetchAllPages<IndicatorSummary>(client, '/api/indicators', { scorecard: scorecard ?? '' }, signal),
    enabled: scorecard !== null,
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useChildRankings(params: ChildRankingParams | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: indicatorKeys.children(params ?? { scorecard: '', parent: '', period: '' }),
    queryFn: ({ signal }) =>
      client.request<RankingJson>('/api/rankings', { query: { ...params, depth: 'children' }, signal }),
    enabled: params !== null,
  });
}
