/**
 * A scorecard with its file (`GET /api/scorecards/{code}`): the data entry grid reads its formulas, the
 * assessments page its qualitative indicators and rating bands. `code` null waits.
 */
import { useQuery } from '@tanstack/react-query';
import type { ScorecardDetail } from '../../../core/contracts/scorecards.ts';
import { useApiClient } from './api-context.tsx';
import { REFERENCE_STALE_TIME } from './query-keys.ts';

export type { ScorecardDetail };

export function useScorecardDetail(code: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['scorecards', code ?? '', 'detail'] as const,
    queryFn: ({ signal }) =>
      client.request<ScorecardDetail>(`/api/scorecards/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: code !== null,
    staleTime: REFERENCE_STALE_TIME,
  });
}
