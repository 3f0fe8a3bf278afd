/**
 * Scorecards (`/api/scorecards`): the list the pickers offer, one scorecard as a file with its current versions,
 * its version history, the org units it applies to, and the designer's writes (a new scorecard, a new structure
 * version, a new weight version). A scorecard's structure and weights decide every score and indicator
 * definition; a file may also create data elements.
 */
import { queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { dataElementKeys } from './data-elements.ts';
import { indicatorKeys } from './indicators.ts';
import { useApiMutation } from './mutation.ts';
import { allPagesFn, REFERENCE_STALE_TIME, requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf, ResponseOf } from './routes.ts';
import { scoreKeys } from './scores.ts';

export type ScorecardSummary = ItemOf<'GET /api/scorecards'>;
export type ScorecardDetail = ResponseOf<'GET /api/scorecards/:code'>;
export type ScorecardOrgUnits = ResponseOf<'GET /api/scorecards/:code/org-units'>;
export type ScorecardFileBody = BodyOf<'PUT /api/scorecards/:code'>;

const ROOT = ['scorecards'] as const;

export const scorecardKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
  detail: (code: string | null) => [...ROOT, code, 'detail'] as const,
  detailAt: (code: string | null, at: ScorecardVersions) => [...ROOT, code, 'detail', at] as const,
  versions: (code: string | null) => [...ROOT, code, 'versions'] as const,
  orgUnits: (code: string | null) => [...ROOT, code, 'org-units'] as const,
};

export function getScorecardsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: scorecardKeys.list(),
    queryFn: allPagesFn(client, 'GET /api/scorecards'),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useScorecards() {
  return useQuery(getScorecardsQueryOptions(useApiClient()));
}

/** The current structure and weight versions of a scorecard, as a file; `code` null waits. */
export function getScorecardQueryOptions(client: ApiClient, code: string | null) {
  return queryOptions({
    queryKey: scorecardKeys.detail(code),
    queryFn: requestFn(client, 'GET /api/scorecards/:code', code === null ? null : { params: { code } }),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useScorecard(code: string | null) {
  return useQuery(getScorecardQueryOptions(useApiClient(), code));
}

/** A structure version and a weight version of a scorecard (each absent: the current one). */
export interface ScorecardVersions {
  readonly version?: number;
  readonly weightVersion?: number;
}

/**
 * The scorecard as given versions made it (the file of that structure with that weight version's weights): what
 * an evaluation of an earlier period used (`evaluation.versions`). Stored versions never change.
 */
export function getScorecardAtQueryOptions(client: ApiClient, code: string | null, at: ScorecardVersions) {
  return queryOptions({
    queryKey: scorecardKeys.detailAt(code, at),
    queryFn: requestFn(
      client,
      'GET /api/scorecards/:code',
      code === null ? null : { params: { code }, query: { ...at } },
    ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useScorecardAt(code: string | null, at: ScorecardVersions) {
  return useQuery(getScorecardAtQueryOptions(useApiClient(), code, at));
}

export function getScorecardVersionsQueryOptions(client: ApiClient, code: string | null) {
  return queryOptions({
    queryKey: scorecardKeys.versions(code),
    queryFn: requestFn(
      client,
      'GET /api/scorecards/:code/versions',
      code === null ? null : { params: { code } },
    ),
  });
}

export function useScorecardVersions(code: string | null) {
  return useQuery(getScorecardVersionsQueryOptions(useApiClient(), code));
}

/** The org units a scorecard applies to; `code` null waits. */
export function getScorecardOrgUnitsQueryOptions(client: ApiClient, code: string | null) {
  return queryOptions({
    queryKey: scorecardKeys.orgUnits(code),
    queryFn: requestFn(
      client,
      'GET /api/scorecards/:code/org-units',
      code === null ? null : { params: { code } },
    ),
    staleTime: REFERENCE_STALE_TIME,
  });
}

/**
 * Reads a scorecard's org units when a choice needs them (the header moving to a unit the chosen scorecard
 * applies to), from the cache when they are there.
 */
export function useFetchScorecardOrgUnits(): (code: string) => Promise<ScorecardOrgUnits> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useCallback(
    (code: string) => queryClient.fetchQuery(getScorecardOrgUnitsQueryOptions(client, code)),
    [client, queryClient],
  );
}

/** What a scorecard's structure or weights decide. */
const definitionChanges = [scorecardKeys.all, indicatorKeys.all, dataElementKeys.all, ...scoreKeys];

/** PUT /api/scorecards/:code: a new structure version (and weight version) when the file changed. */
export function useSaveScorecard() {
  return useApiMutation(
    (client, { file, note }: { file: ScorecardFileBody; note?: string }) =>
      apiRequest(client, 'PUT /api/scorecards/:code', {
        params: { code: file.code },
        body: file,
        query: { note: note === undefined || note.trim() === '' ? undefined : note.trim() },
      }),
    definitionChanges,
  );
}

/** POST /api/scorecards (409 when the code exists), then, when given, the org units it applies to. */
export function useCreateScorecard() {
  return useApiMutation(
    async (
      client,
      {
        file,
        orgUnits,
      }: { file: ScorecardFileBody; orgUnits?: BodyOf<'PUT /api/scorecards/:code/org-units'>['orgUnits'] },
    ) => {
      const created = await apiRequest(client, 'POST /api/scorecards', { body: file });
      if (orgUnits !== undefined) {
        await apiRequest(client, 'PUT /api/scorecards/:code/org-units', {
          params: { code: file.code },
          body: { orgUnits },
        });
      }
      return created;
    },
    definitionChanges,
  );
}

export function usePutWeights(code: string) {
  return useApiMutation(
    (client, body: BodyOf<'PUT /api/scorecards/:code/weights'>) =>
      apiRequest(client, 'PUT /api/scorecards/:code/weights', { params: { code }, body }),
    definitionChanges,
  );
}

/**
 * Every scorecard with the units it applies to (one request per scorecard, cached as each one's own); undefined
 * until all are in. The header needs them to land a user on a scorecard of their own units.
 */
export function useScorecardsWithUnits(
  codes: readonly string[] | undefined,
): readonly { readonly code: string; readonly units: ScorecardOrgUnits['orgUnits'] }[] | undefined {
  const client = useApiClient();
  return useQueries({
    queries: (codes ?? []).map((code) => getScorecardOrgUnitsQueryOptions(client, code)),
    combine: (results) =>
      // A scorecard whose units could not be read counts as applying nowhere; the header goes on without it.
      codes === undefined || results.some((result) => result.isPending)
        ? undefined
        : codes.map((code, i) => ({ code, units: results[i]?.data?.orgUnits ?? [] })),
  });
}
