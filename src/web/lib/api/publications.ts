/**
 * Published scores (`/api/publications`, `/api/evaluations/restatement`): what publishing a scorecard × period ×
 * unit subtree would do (the publish dialog), publishing it (strategists), and how today's computation differs
 * from the published score (the restatement). Publishing changes what every evaluation says about its
 * publication and where a later change of weights starts by default, so it refreshes the scores and the
 * scorecards' versions too. The restatement sits under the evaluations' keys: a write that moves scores (a value
 * entered in the grid, a weight) refreshes it with the evaluation that says whether today differs.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { evaluationKeys } from './evaluations.ts';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, QueryOf, ResponseOf } from './routes.ts';
import { scorecardKeys } from './scorecards.ts';
import { scoreKeys } from './scores.ts';

export type PublicationKey = QueryOf<'GET /api/publications/check'>;
export type PublicationCheck = ResponseOf<'GET /api/publications/check'>;
export type Publication = ResponseOf<'POST /api/publications'>;
export type PublishBody = BodyOf<'POST /api/publications'>;
export type RestatementQuery = QueryOf<'GET /api/evaluations/restatement'>;
export type RestatementJson = ResponseOf<'GET /api/evaluations/restatement'>;

const ROOT = ['publications'] as const;

export const publicationKeys = {
  all: ROOT,
  check: (key: PublicationKey | null) => [...ROOT, 'check', key] as const,
  restatement: (query: RestatementQuery | null) => [...evaluationKeys.all, 'restatement', query] as const,
};

/** What publishing the subtree now would do; `key` null waits. */
export function getPublicationCheckQueryOptions(client: ApiClient, key: PublicationKey | null) {
  return queryOptions({
    queryKey: publicationKeys.check(key),
    queryFn: requestFn(client, 'GET /api/publications/check', key && { query: key }),
    staleTime: 0,
  });
}

export function usePublicationCheck(key: PublicationKey | null) {
  return useQuery(getPublicationCheckQueryOptions(useApiClient(), key));
}

/** How today's score differs from the published one; `query` null waits. */
export function getRestatementQueryOptions(client: ApiClient, query: RestatementQuery | null) {
  return queryOptions({
    queryKey: publicationKeys.restatement(query),
    queryFn: requestFn(client, 'GET /api/evaluations/restatement', query && { query }),
    // Read afresh each time the dialog opens: it is the answer to "what changed since publication".
    staleTime: 0,
  });
}

export function useRestatement(query: RestatementQuery | null) {
  return useQuery(getRestatementQueryOptions(useApiClient(), query));
}

/** POST /api/publications. */
export function usePublish() {
  return useApiMutation(
    (client, body: PublishBody) => apiRequest(client, 'POST /api/publications', { body }),
    [publicationKeys.all, scorecardKeys.all, ...scoreKeys],
  );
}
