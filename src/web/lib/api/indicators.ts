/**
 * A scorecard's indicator definitions (`GET /api/indicators`): the direction and band an evaluation does not
 * carry, for the indicator page. `null` waits.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { allPagesFn, REFERENCE_STALE_TIME } from './query.ts';
import type { ItemOf } from './routes.ts';

export type IndicatorSummary = ItemOf<'GET /api/indicators'>;

const ROOT = ['indicators'] as const;

export const indicatorKeys = {
  all: ROOT,
  ofScorecard: (scorecard: string | null) => [...ROOT, { scorecard }] as const,
};

export function getIndicatorsQueryOptions(client: ApiClient, scorecard: string | null) {
  return queryOptions({
    queryKey: indicatorKeys.ofScorecard(scorecard),
    queryFn: allPagesFn(client, 'GET /api/indicators', scorecard === null ? null : { scorecard }),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useIndicators(scorecard: string | null) {
  return useQuery(getIndicatorsQueryOptions(useApiClient(), scorecard));
}
