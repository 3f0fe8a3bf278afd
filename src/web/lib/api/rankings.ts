/**
 * The ranking of an org unit's children or all its descendants (`GET /api/rankings`), read by the comparison, by
 * the scorecard's drill-down heatmap and by the indicator page's sub-units (the same children ranking shares
 * one cache entry between them); `null` waits.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { ResponseOf } from './routes.ts';

export type RankingJson = ResponseOf<'GET /api/rankings'>;
export type RankedUnit = RankingJson['items'][number];

export const RANKING_DEPTHS = ['children', 'descendants'] as const;
export type RankingDepth = (typeof RANKING_DEPTHS)[number];

/** The depth is always named, so a ranking of children has one key whoever asks for it. */
export interface RankingQuery {
  readonly scorecard: string;
  readonly parent: string;
  readonly period: string;
  readonly depth: RankingDepth;
  /** Rank units of every type and level together (default: hospitals with hospitals, departments with departments). */
  readonly mix?: boolean;
}

const ROOT = ['rankings'] as const;

export const rankingKeys = {
  all: ROOT,
  one: (query: RankingQuery | null) => [...ROOT, query] as const,
};

export function getRankingQueryOptions(client: ApiClient, query: RankingQuery | null) {
  return queryOptions({
    queryKey: rankingKeys.one(query),
    queryFn: requestFn(client, 'GET /api/rankings', query && { query: toQuery(query) }),
  });
}

function toQuery({ mix, ...rest }: RankingQuery) {
  return mix === true ? { ...rest, mix: 'true' } : rest;
}

export function useRankings(query: RankingQuery | null) {
  return useQuery(getRankingQueryOptions(useApiClient(), query));
}
