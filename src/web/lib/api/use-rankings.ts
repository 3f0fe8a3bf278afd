/**
 * The ranking of an org unit's children or all its descendants (`GET /api/rankings`), read by the comparison
 * and by the scorecard's drill-down heatmap; `null` waits.
 */
import { useQuery } from '@tanstack/react-query';
import type { RankingJson } from '../../../core/contracts/evaluation.ts';
import { useApiClient } from './api-context.tsx';

export type { RankingJson };
export type RankedUnit = RankingJson['items'][number];

export const RANKING_DEPTHS = ['children', 'descendants'] as const;
export type RankingDepth = (typeof RANKING_DEPTHS)[number];

export interface RankingParams {
  readonly scorecard: string;
  readonly parent: string;
  readonly period: string;
  readonly depth: RankingDepth;
}

export const rankingKeys = {
  ranking: (params: RankingParams) => ['rankings', params] as const,
};

export function useRankings(params: RankingParams | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: rankingKeys.ranking(params ?? { scorecard: '', parent: '', period: '', depth: 'children' }),
    queryFn: ({ signal }) => client.request<RankingJson>('/api/rankings', { query: { ...params }, signal }),
    enabled: params !== null,
  });
}
