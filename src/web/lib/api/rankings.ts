/**
 * Rankings of an org unit's children or all its descendants (`GET /api/rankings`, `GET /api/rankings/matrix`):
 * a page of summary rows for the comparison's table and chart (sorted and paged by the server), the units ×
 * indicators matrix for heatmaps, and the full evaluations where a page needs them (the indicator page's
 * sub-units, the group-above note, the sensitivity analysis; the same children ranking shares one cache entry
 * between them). `null` waits.
 */
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import { sendRoute } from './request.ts';
import type { ResponseOf } from './routes.ts';

export type RankingPageJson = ResponseOf<'GET /api/rankings'>;
export type RankingJson = Extract<RankingPageJson, { view: 'full' }>;
export type RankingSummaryJson = Extract<RankingPageJson, { view: 'summary' }>;
export type RankedUnit = RankingJson['items'][number];
export type RankingRow = RankingSummaryJson['items'][number];
export type RankingMatrixJson = ResponseOf<'GET /api/rankings/matrix'>;

export const RANKING_DEPTHS = ['children', 'descendants'] as const;
export type RankingDepth = (typeof RANKING_DEPTHS)[number];
export const RANKING_SORTS = ['rank', 'total', 'name', 'coverage'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

/** The depth is always named, so a ranking of children has one key whoever asks for it. */
export interface RankingQuery {
  readonly scorecard: string;
  readonly parent: string;
  readonly period: string;
  readonly depth: RankingDepth;
  /** Rank units of every type and level together (default: hospitals with hospitals, departments with departments). */
  readonly mix?: boolean;
}

/** One page of summary rows, sorted. */
export interface RankingPageQuery extends RankingQuery {
  readonly sort: RankingSort;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

/** The most units a full ranking is read with (the server's largest page). */
const FULL_LIMIT = 1000;

const ROOT = ['rankings'] as const;

export const rankingKeys = {
  all: ROOT,
  one: (query: RankingQuery | null) => [...ROOT, query] as const,
  page: (query: RankingPageQuery | null) => [...ROOT, 'page', query] as const,
  matrix: (query: RankingQuery | null) => [...ROOT, 'matrix', query] as const,
};

function toQuery({ mix, ...rest }: RankingQuery) {
  return mix === true ? { ...rest, mix: 'true' } : rest;
}

/** The full evaluations of the ranked units (up to the server's largest page). */
export function getRankingQueryOptions(client: ApiClient, query: RankingQuery | null) {
  return queryOptions({
    queryKey: rankingKeys.one(query),
    queryFn:
      query === null
        ? skipToken
        : async ({ signal }): Promise<RankingJson> => {
            const page = await sendRoute<RankingPageJson>(client, 'GET /api/rankings', {
              query: { ...toQuery(query), view: 'full', limit: FULL_LIMIT },
              signal,
            });
            return page.view === 'full' ? page : { ...page, view: 'full', items: [] };
          },
  });
}

/** One sorted page of summary rows (rank, unit, total, rating, coverage) and how many units there are. */
export function getRankingPageQueryOptions(client: ApiClient, query: RankingPageQuery | null) {
  return queryOptions({
    queryKey: rankingKeys.page(query),
    queryFn:
      query === null
        ? skipToken
        : async ({ signal }): Promise<RankingSummaryJson> => {
            const page = await sendRoute<RankingPageJson>(client, 'GET /api/rankings', {
              query: { ...toQuery(query), view: 'summary' },
              signal,
            });
            return page.view === 'summary' ? page : { ...page, view: 'summary', items: [] };
          },
  });
}

/** The units × indicators matrix of a heatmap. */
export function getRankingMatrixQueryOptions(client: ApiClient, query: RankingQuery | null) {
  return queryOptions({
    queryKey: rankingKeys.matrix(query),
    queryFn: requestFn(client, 'GET /api/rankings/matrix', query && { query: toQuery(query) }),
  });
}

export function useRankings(query: RankingQuery | null) {
  return useQuery(getRankingQueryOptions(useApiClient(), query));
}

export function useRankingPage(query: RankingPageQuery | null) {
  return useQuery({
    ...getRankingPageQueryOptions(useApiClient(), query),
    placeholderData: (previous) => previous,
  });
}

export function useRankingMatrix(query: RankingQuery | null) {
  return useQuery(getRankingMatrixQueryOptions(useApiClient(), query));
}
