/**
 * The strategy map (`GET /api/strategy-map`) and a scorecard's strategy, its objectives and links
 * (`GET|PUT /api/scorecards/:code/strategy`). `null` waits. Saving a strategy reads the map and the strategy
 * again, and the scorecard (a new structure version).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, QueryOf, ResponseOf } from './routes.ts';
import { scorecardKeys } from './scorecards.ts';

export type StrategyMapQuery = QueryOf<'GET /api/strategy-map'>;
export type StrategyMapJson = ResponseOf<'GET /api/strategy-map'>;
export type StrategyJson = ResponseOf<'GET /api/scorecards/:code/strategy'>;
export type StrategyBody = BodyOf<'PUT /api/scorecards/:code/strategy'>;

const ROOT = ['strategy-map'] as const;

export const strategyMapKeys = {
  all: ROOT,
  map: (query: StrategyMapQuery | null) => [...ROOT, 'map', query] as const,
  strategy: (code: string | null) => [...ROOT, 'strategy', code] as const,
};

export function getStrategyMapQueryOptions(client: ApiClient, query: StrategyMapQuery | null) {
  return queryOptions({
    queryKey: strategyMapKeys.map(query),
    queryFn: requestFn(client, 'GET /api/strategy-map', query && { query }),
    // The link checks read two years of evaluations: keep the map while the page is open.
    staleTime: 60_000,
  });
}

export function useStrategyMap(query: StrategyMapQuery | null) {
  return useQuery(getStrategyMapQueryOptions(useApiClient(), query));
}

export function getStrategyQueryOptions(client: ApiClient, code: string | null) {
  return queryOptions({
    queryKey: strategyMapKeys.strategy(code),
    queryFn: requestFn(
      client,
      'GET /api/scorecards/:code/strategy',
      code === null ? null : { params: { code } },
    ),
  });
}

export function useStrategy(code: string | null) {
  return useQuery(getStrategyQueryOptions(useApiClient(), code));
}

/** Replaces a scorecard's objectives and links. */
export function useSaveStrategy() {
  return useApiMutation(
    (client, input: { readonly code: string; readonly body: StrategyBody }) =>
      apiRequest(client, 'PUT /api/scorecards/:code/strategy', {
        params: { code: input.code },
        body: input.body,
      }),
    [strategyMapKeys.all, scorecardKeys.all],
  );
}
