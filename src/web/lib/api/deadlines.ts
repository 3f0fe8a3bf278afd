/**
 * Entry deadlines (`/api/deadlines`): per scorecard × period type, the day of the month after a period's end by
 * which its data is due (the late-data alert fires after it). The performance office edits them.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { myWorkKeys } from './my-work.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { ResponseOf } from './routes.ts';

export type DeadlineResource = ResponseOf<'GET /api/deadlines'>['deadlines'][number];
export type DeadlinePeriodType = DeadlineResource['periodType'];

const ROOT = ['deadlines'] as const;

export const deadlineKeys = {
  all: ROOT,
  list: (scorecard: string | null) => [...ROOT, 'list', scorecard] as const,
};

export function getDeadlinesQueryOptions(client: ApiClient, scorecard: string | null) {
  return queryOptions({
    queryKey: deadlineKeys.list(scorecard),
    queryFn: requestFn(client, 'GET /api/deadlines', scorecard === null ? null : { query: { scorecard } }),
  });
}

export function useDeadlines(scorecard: string | null) {
  return useQuery(getDeadlinesQueryOptions(useApiClient(), scorecard));
}

export interface DeadlineChange {
  readonly scorecard: string;
  readonly periodType: DeadlinePeriodType;
  readonly dueDay: number;
}

export function usePutDeadline() {
  return useApiMutation(
    (client, input: DeadlineChange) =>
      apiRequest(client, 'PUT /api/scorecards/:code/deadlines/:periodType', {
        params: { code: input.scorecard, periodType: input.periodType },
        body: { dueDay: input.dueDay },
      }),
    [deadlineKeys.all, myWorkKeys.all],
  );
}
