/**
 * The lists the header's pickers offer: org units (`GET /api/org-units`), periods with data
 * (`GET /api/periods`) and scorecards (`GET /api/scorecards`, `GET /api/scorecards/{code}/org-units`).
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgUnit } from '../../../core/contracts/org-units.ts';
import type { PeriodResource } from '../../../core/contracts/periods.ts';
import type { scorecardOrgUnitsSchema, scorecardSummarySchema } from '../../../core/contracts/scorecards.ts';
import { useApiClient } from './api-context.tsx';
import { fetchAllPages } from './fetch-all-pages.ts';
import { queryKeys, REFERENCE_STALE_TIME } from './query-keys.ts';

export type ScorecardSummary = z.infer<typeof scorecardSummarySchema>;
export type ScorecardOrgUnits = z.infer<typeof scorecardOrgUnitsSchema>;

export function useOrgUnits() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.orgUnits(),
    queryFn: ({ signal }) => fetchAllPages<OrgUnit>(client, '/api/org-units', {}, signal),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function usePeriods() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.periods(),
    queryFn: ({ signal }) => fetchAllPages<PeriodResource>(client, '/api/periods', {}, signal),
    staleTime: REFERENCE_STALE_TIME,
  });
}

export function useScorecards() {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.scorecards(),
    queryFn: ({ signal }) => fetchAllPages<ScorecardSummary>(client, '/api/scorecards', {}, signal),
    staleTime: REFERENCE_STALE_TIME,
  });
}

/** The org units a scorecard applies to; `code` null waits. */
export function useScorecardOrgUnits(code: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.scorecardOrgUnits(code ?? ''),
    queryFn: ({ signal }) =>
      client.request<ScorecardOrgUnits>(`/api/scorecards/${encodeURIComponent(code ?? '')}/org-units`, {
        signal,
      }),
    enabled: code !== null,
    staleTime: REFERENCE_STALE_TIME,
  });
}
