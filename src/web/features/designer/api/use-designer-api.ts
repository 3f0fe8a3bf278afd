/**
 * The designer's endpoints: a scorecard as a file (`GET/PUT/POST /api/scorecards`), its versions, weights and
 * org units, the data-element catalog and the targets of an indicator. One hook per endpoint; every write
 * invalidates what it changed (all `['scorecards', …]` keys, the evaluations, the targets).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import type {
  ImportScorecardResult,
  PutWeightsBody,
  PutWeightsResult,
  ScorecardDetail,
  ScorecardOrgUnits,
  ScorecardVersions,
} from '../../../../core/contracts/scorecards.ts';
import type {
  DeleteTargetQuery,
  PutTargetsResult,
  Target,
  TargetInput,
} from '../../../../core/contracts/targets.ts';
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages.ts';

export const designerKeys = {
  detail: (code: string) => ['scorecards', code, 'detail'] as const,
  versions: (code: string) => ['scorecards', code, 'versions'] as const,
  dataElements: () => ['data-elements', 'all'] as const,
  targets: (scorecard: string, indicator: string) => ['targets', { scorecard, indicator }] as const,
};

const path = (code: string) => `/api/scorecards/${encodeURIComponent(code)}`;

/** The current structure and weight versions of a scorecard, as a file; `code` null waits. */
export function useScorecardDetail(code: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: designerKeys.detail(code ?? ''),
    queryFn: ({ signal }) => client.request<ScorecardDetail>(path(code ?? ''), { signal }),
    enabled: code !== null,
  });
}

export function useScorecardVersions(code: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: designerKeys.versions(code ?? ''),
    queryFn: ({ signal }) => client.request<ScorecardVersions>(`${path(code ?? '')}/versions`, { signal }),
    enabled: code !== null,
  });
}

/** Every data element of the installation: what formulas may read. */
export function useDataElements() {
  const client = useApiClient();
  return useQuery({
    queryKey: designerKeys.dataElements(),
    queryFn: ({ signal }) => fetchAllPages<DataElement>(client, '/api/data-elements', {}, signal),
    staleTime: 60_000,
  });
}

export function useTargets(scorecard: string, indicator: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: designerKeys.targets(scorecard, indicator ?? ''),
    queryFn: ({ signal }) => fetchAllPages<Target>(client, '/api/targets', { scorecard, indicator }, signal),
    enabled: indicator !== null,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return async (...prefixes: string[]) => {
    await Promise.all(prefixes.map((prefix) => queryClient.invalidateQueries({ queryKey: [prefix] })));
  };
}

/** PUT /api/scorecards/:code: a new structure version (and weight version) when the file changed. */
export function useSaveScorecard() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, note }: { file: ScorecardFile; note?: string }) =>
      client.request<ImportScorecardResult>(path(file.code), {
        method: 'PUT',
        body: file,
        query: { note: note === undefined || note.trim() === '' ? undefined : note.trim() },
      }),
    onSuccess: () => invalidate('scorecards', 'evaluations', 'indicators'),
  });
}

/** POST /api/scorecards (409 when the code exists), then optionally assigns it to org units. */
export function useCreateScorecard() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      file,
      orgUnits,
    }: {
      file: ScorecardFile;
      orgUnits?: ScorecardOrgUnits['orgUnits'];
    }) => {
      const created = await client.request<ImportScorecardResult>('/api/scorecards', {
        method: 'POST',
        body: file,
      });
      if (orgUnits !== undefined) {
        await client.request<ScorecardOrgUnits>(`${path(file.code)}/org-units`, {
          method: 'PUT',
          body: { orgUnits },
        });
      }
      return created;
    },
    onSuccess: () => invalidate('scorecards'),
  });
}

export function usePutWeights(code: string) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PutWeightsBody) =>
      client.request<PutWeightsResult>(`${path(code)}/weights`, { method: 'PUT', body }),
    onSuccess: () => invalidate('scorecards', 'evaluations', 'indicators'),
  });
}

export function usePutTargets() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (targets: TargetInput[]) =>
      client.request<PutTargetsResult>('/api/targets', { method: 'PUT', body: { targets } }),
    onSuccess: () => invalidate('targets', 'evaluations'),
  });
}

export function useDeleteTarget() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (key: DeleteTargetQuery) =>
      client.request<null>('/api/targets', { method: 'DELETE', query: { ...key } }),
    onSuccess: () => invalidate('targets', 'evaluations'),
  });
}
