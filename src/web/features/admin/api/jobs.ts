/** The background jobs (`/api/jobs`) and "run now" (`POST /api/jobs/{name}/run`): installation admins only. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobList, RunJobResult } from '../../../../core/contracts/jobs.ts';
import { useApiClient } from '../../../lib/api/api-context.tsx';

/** While a run waits or runs, the list is read again this often, so the panel shows it end. */
const BUSY_REFETCH_MS = 5_000;

function isBusy(list: JobList | undefined): boolean {
  return (list?.items ?? []).some((job) => job.queued > 0 || job.lastRun?.state === 'active');
}

export function useJobs() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => client.request<JobList>('/api/jobs', { signal }),
    refetchInterval: (query) => (isBusy(query.state.data) ? BUSY_REFETCH_MS : false),
  });
}

export function useRunJob() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      client.request<RunJobResult>(`/api/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
