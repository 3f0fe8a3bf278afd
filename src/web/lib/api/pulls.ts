/**
 * Database pulls (`/api/pull-connections`, `/api/pulls`): connections, pulls, running one now or as a dry run,
 * and its run history. While a run is going its history is read every second, so the page shows its phase.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type PullConnection = ResponseOf<'GET /api/pull-connections'>['items'][number];
export type Pull = ResponseOf<'GET /api/pulls'>['items'][number];
export type PullRun = ResponseOf<'GET /api/pulls/:id/runs'>['items'][number];
export type PullConnectionInput = BodyOf<'POST /api/pull-connections'>;
export type PullInput = BodyOf<'POST /api/pulls'>;

const ROOT = ['pulls'] as const;

export const pullKeys = {
  all: ROOT,
  connections: () => [...ROOT, 'connections'] as const,
  pulls: () => [...ROOT, 'pulls'] as const,
  runs: (id: number) => [...ROOT, 'runs', id] as const,
};

const RUNNING_REFETCH_MS = 1_000;

export function getPullConnectionsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: pullKeys.connections(),
    queryFn: requestFn(client, 'GET /api/pull-connections', { query: {} }),
  });
}

export function getPullsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: pullKeys.pulls(),
    queryFn: requestFn(client, 'GET /api/pulls', { query: {} }),
  });
}

/** A pull's runs; read every second while one is running, or while `busy` (a run just asked for). */
export function getPullRunsQueryOptions(client: ApiClient, id: number, busy: boolean) {
  return queryOptions({
    queryKey: pullKeys.runs(id),
    queryFn: requestFn(client, 'GET /api/pulls/:id/runs', { params: { id } }),
    refetchInterval: (query) =>
      busy || (query.state.data?.items ?? []).some((r) => r.status === 'running')
        ? RUNNING_REFETCH_MS
        : false,
  });
}

export function usePullConnections() {
  return useQuery(getPullConnectionsQueryOptions(useApiClient()));
}

export function usePulls() {
  return useQuery(getPullsQueryOptions(useApiClient()));
}

export function usePullRuns(id: number, busy: boolean) {
  return useQuery(getPullRunsQueryOptions(useApiClient(), id, busy));
}

export function useCreatePullConnection() {
  return useApiMutation(
    (client, body: PullConnectionInput) => apiRequest(client, 'POST /api/pull-connections', { body }),
    [pullKeys.all],
  );
}

export function useUpdatePullConnection() {
  return useApiMutation(
    (client, input: { readonly id: number; readonly body: PullConnectionInput }) =>
      apiRequest(client, 'PUT /api/pull-connections/:id', { params: { id: input.id }, body: input.body }),
    [pullKeys.all],
  );
}

export function useDeletePullConnection() {
  return useApiMutation(
    (client, id: number) => apiRequest(client, 'DELETE /api/pull-connections/:id', { params: { id } }),
    [pullKeys.all],
  );
}

export function useTestPullConnection() {
  return useApiMutation(
    (client, id: number) => apiRequest(client, 'POST /api/pull-connections/:id/test', { params: { id } }),
    [],
  );
}

export function useCreatePull() {
  return useApiMutation(
    (client, body: PullInput) => apiRequest(client, 'POST /api/pulls', { body }),
    [pullKeys.all],
  );
}

export function useUpdatePull() {
  return useApiMutation(
    (client, input: { readonly id: number; readonly body: PullInput }) =>
      apiRequest(client, 'PUT /api/pulls/:id', { params: { id: input.id }, body: input.body }),
    [pullKeys.all],
  );
}

export function useDeletePull() {
  return useApiMutation(
    (client, id: number) => apiRequest(client, 'DELETE /api/pulls/:id', { params: { id } }),
    [pullKeys.all],
  );
}

/** Queues a run of a pull now (or a dry run); answers the queued run (202), followed in the run history. */
export function useRunPull() {
  return useApiMutation(
    (client, input: { readonly id: number; readonly dryRun: boolean }) =>
      apiRequest(client, 'POST /api/pulls/:id/run', {
        params: { id: input.id },
        body: { dryRun: input.dryRun },
      }),
    (input) => [pullKeys.runs(input.id)],
  );
}
