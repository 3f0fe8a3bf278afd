/**
 * AHP sensitivity (`POST /api/ahp/sensitivity`): Monte Carlo weight intervals, rank probabilities and the sweep of
 * the top-level weights for a posted hierarchy and scores. A pure computation (nothing is read or written), so it
 * is a query keyed by its whole body: the same body with the same seed gives the same answer. `null` waits.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type SensitivityBody = BodyOf<'POST /api/ahp/sensitivity'>;
export type SensitivityJson = ResponseOf<'POST /api/ahp/sensitivity'>;

const ROOT = ['ahp-sensitivity'] as const;

export const sensitivityKeys = {
  all: ROOT,
  one: (body: SensitivityBody | null) => [...ROOT, body] as const,
};

export function getSensitivityQueryOptions(client: ApiClient, body: SensitivityBody | null) {
  return queryOptions({
    queryKey: sensitivityKeys.one(body),
    queryFn: requestFn(client, 'POST /api/ahp/sensitivity', body && { body }),
    // Seeded and pure: an answer never goes stale.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSensitivity(body: SensitivityBody | null) {
  return useQuery(getSensitivityQueryOptions(useApiClient(), body));
}
