/** The app's TanStack Query client: no retries for 4xx problems, no refetch on every window focus. */
import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../lib/api/api-client.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    },
  });
}
