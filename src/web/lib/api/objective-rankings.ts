/**
 * The objective ranking of one cohort of units (`GET /api/objective-rankings`): entropy, CRITIC or combined
 * weights over the indicators' actual values, TOPSIS or RSR, each unit beside its scorecard rank; read by the
 * comparison page's "Objective rankings" panel. `null` waits.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { ResponseOf } from './routes.ts';

export type ObjectiveRankingJson = ResponseOf<'GET /api/objective-rankings'>;
export type ObjectiveRankedUnit = ObjectiveRankingJson['units'][number];

export const OBJECTIVE_WEIGHTINGS = ['entropy', 'critic', 'product', 'linear'] as const;
export type ObjectiveWeighting = (typeof OBJECTIVE_WEIGHTINGS)[number];
/** TOPSIS with either normalisation, or RSR: the one choice the panel offers. */
export const OBJECTIVE_METHODS = ['topsis-vector', 'topsis-minmax', 'rsr'] as const;
export type ObjectiveMethod = (typeof OBJECTIVE_METHODS)[number];

/** Every part is always named, so one ranking has one key whoever asks for it. */
export interface ObjectiveRankingQuery {
  readonly scorecard: string;
  readonly parent: string;
  readonly period: string;
  readonly depth: 'children' | 'descendants';
  readonly weighting: ObjectiveWeighting;
  readonly method: ObjectiveMethod;
}

const ROOT = ['objective-rankings'] as const;

export const objectiveRankingKeys = {
  all: ROOT,
  one: (query: ObjectiveRankingQuery | null) => [...ROOT, query] as const,
};

export function getObjectiveRankingQueryOptions(client: ApiClient, query: ObjectiveRankingQuery | null) {
  return queryOptions({
    queryKey: objectiveRankingKeys.one(query),
    queryFn: requestFn(client, 'GET /api/objective-rankings', query && { query: toQuery(query) }),
  });
}

function toQuery({ method, ...rest }: ObjectiveRankingQuery) {
  if (method === 'rsr') return { ...rest, method: 'rsr' as const };
  return {
    ...rest,
    method: 'topsis' as const,
    normalization: method === 'topsis-minmax' ? 'minmax' : 'vector',
  } as const;
}

export function useObjectiveRanking(query: ObjectiveRankingQuery | null) {
  return useQuery(getObjectiveRankingQueryOptions(useApiClient(), query));
}
