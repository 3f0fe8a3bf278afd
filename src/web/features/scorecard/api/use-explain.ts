/** How one indicator of an evaluation got its score (`GET /api/evaluations/explain`); `null` waits. */
import { useQuery } from '@tanstack/react-query';
import type { ExplainQuery, ExplanationJson } from '../../../../core/contracts/explain.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';

export type { ExplanationJson };

export const explainKeys = {
  // Under 'evaluations', so whatever invalidates the evaluations invalidates their explanations too.
  explain: (query: ExplainQuery) => ['evaluations', 'explain', query] as const,
};

export function useExplain(query: ExplainQuery | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: explainKeys.explain(query ?? { scorecard: '', orgUnit: '', period: '', indicator: '' }),
    queryFn: ({ signal }) =>
      client.request<ExplanationJson>('/api/evaluations/explain', { query: { ...query }, signal }),
    enabled: query !== null,
  });
}
