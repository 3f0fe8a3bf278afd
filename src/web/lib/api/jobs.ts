/** The background jobs (`GET /api/jobs`) and "run now" (`POST /api/jobs/:name/run`): installation admins only. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { ResponseOf } from './routes.ts';

export type JobList = ResponseOf<'GET /api/jobs'>;

const ROOT = ['jobs'] as const;

export const jobKeys = {
  all: ROOT,
  list: () => [...ROOT, 'all'] as const,
};

/** While a run waits or runs, the list is read again this often, so the panel shows it end. */
const BUSY_REFETCH_MS = 5_000;

function isBusy(list: JobList | undefined): boolean {
  return (list?.items ?? []).some((job) => job.queued > 0 || job.lastRun?.state === 'active');
}

export function getJobsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: jobKeys.list(),
    queryFn: requestFn(client, 'GET /api/jobs', {}),
    refetchInterval: (query) => (isBusy(query.state.data) ? BUSY_REFETCH_MS : false),
  });
}

export function useJobs() {
  return useQuery(getJobsQueryOptions(useApiClient()));
}

/** Queues a run now (202); a job already waiting answers 409 `job.already-queued`. */
export function useRunJob() {
  return useApiMutation(
    (client, name: string) => apiRequest(client, 'POST /api/jobs/:name/run', { params: { name } }),
    [jobKeys.all],
  );
}
