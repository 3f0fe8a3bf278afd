/**
 * Runs a page's prefetch (e.g. features/data-entry/prefetch.ts) with the app's query client and API client, for
 * a menu click that starts the page's requests before the page is drawn. Pages and the layout reach the clients
 * only through lib/api (test/web/api-layer.test.ts), hence this hook.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';

/** A page's prefetch: starts its queries; never throws (a failed one leaves the page to ask again). */
export type PagePrefetch = (queryClient: QueryClient, client: ApiClient) => Promise<void>;

/** A function that starts `prefetch` and does not wait for it. */
export function usePrefetcher(): (prefetch: PagePrefetch) => void {
  const queryClient = useQueryClient();
  const client = useApiClient();
  return useCallback(
    (prefetch: PagePrefetch) => {
      void prefetch(queryClient, client);
    },
    [queryClient, client],
  );
}
