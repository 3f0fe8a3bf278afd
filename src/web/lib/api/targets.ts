/**
 * Targets (`/api/targets`): those of one indicator of a scorecard (the designer's panel), and their writes. A
 * target is what an actual value is scored against: a write moves the scores.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { allPagesFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf, QueryOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

export type Target = ItemOf<'GET /api/targets'>;
export type TargetInput = BodyOf<'PUT /api/targets'>['targets'][number];
export type DeleteTargetQuery = QueryOf<'DELETE /api/targets'>;

const ROOT = ['targets'] as const;

export const targetKeys = {
  all: ROOT,
  ofIndicator: (scorecard: string, indicator: string | null) => [...ROOT, { scorecard, indicator }] as const,
};

/** `indicator` null waits. */
export function getTargetsQueryOptions(client: ApiClient, scorecard: string, indicator: string | null) {
  return queryOptions({
    queryKey: targetKeys.ofIndicator(scorecard, indicator),
    queryFn: allPagesFn(client, 'GET /api/targets', indicator === null ? null : { scorecard, indicator }),
  });
}

export function useTargets(scorecard: string, indicator: string | null) {
  return useQuery(getTargetsQueryOptions(useApiClient(), scorecard, indicator));
}

const changes = [targetKeys.all, ...scoreKeys];

export function usePutTargets() {
  return useApiMutation(
    (client, targets: TargetInput[]) => apiRequest(client, 'PUT /api/targets', { body: { targets } }),
    changes,
  );
}

export function useDeleteTarget() {
  return useApiMutation(
    (client, query: DeleteTargetQuery) => apiRequest(client, 'DELETE /api/targets', { query }),
    changes,
  );
}
