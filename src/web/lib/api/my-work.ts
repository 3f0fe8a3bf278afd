/**
 * "My work" (`GET /api/my-work`): the signed-in user's actions, open alerts, owned indicators, approvals waiting
 * for them and entry deadlines, in one answer (the landing page of everyone with such duties).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { requestFn } from './query.ts';
import type { ResponseOf } from './routes.ts';

export type MyWorkResource = ResponseOf<'GET /api/my-work'>;

const ROOT = ['my-work'] as const;

export const myWorkKeys = { all: ROOT };

export function getMyWorkQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: myWorkKeys.all,
    queryFn: requestFn(client, 'GET /api/my-work', {}),
    refetchOnWindowFocus: true,
  });
}

/** `enabled` false: not read (the landing page asks only for users whose roles do not decide). */
export function useMyWork(enabled = true) {
  return useQuery({ ...getMyWorkQueryOptions(useApiClient()), enabled });
}
