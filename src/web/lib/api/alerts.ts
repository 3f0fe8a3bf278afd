/**
 * Alerts: the signed-in user's inbox (`/api/inbox`: open, closed or all alerts delivered to them, newest first),
 * the unread count the header's bell shows, and marking alerts read. The count is cheap and polled once a minute and whenever the
 * window comes back into focus: the server's change bus does not reach the browser.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { myWorkKeys } from './my-work.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ItemOf, QueryOf } from './routes.ts';

export type AlertResource = ItemOf<'GET /api/inbox'>;
export type AlertRuleKind = AlertResource['kind'];
export type AlertSeverity = AlertResource['severity'];
export type InboxQuery = QueryOf<'GET /api/inbox'>;

/** How often the bell asks for the unread count (it also asks when the window regains focus). */
export const UNREAD_POLL_MS = 60_000;

const ROOT = ['alerts'] as const;

export const alertKeys = {
  all: ROOT,
  list: (query: InboxQuery) => [...ROOT, 'list', query] as const,
  unread: () => [...ROOT, 'unread'] as const,
};

export function getInboxQueryOptions(client: ApiClient, query: InboxQuery) {
  return queryOptions({
    queryKey: alertKeys.list(query),
    queryFn: requestFn(client, 'GET /api/inbox', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useInbox(query: InboxQuery) {
  return useQuery(getInboxQueryOptions(useApiClient(), query));
}

export function getUnreadCountQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: alertKeys.unread(),
    queryFn: requestFn(client, 'GET /api/inbox/unread-count', {}),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    // A failed count must not fill the page with errors: the bell shows no badge instead.
    retry: false,
  });
}

export function useUnreadCount(enabled: boolean) {
  const options = getUnreadCountQueryOptions(useApiClient());
  return useQuery({ ...options, enabled });
}

export type MarkRead = BodyOf<'POST /api/inbox/read'>;

/** Marks alerts of the inbox read (by id, or all) or unread; the inbox and the count are read again. */
export function useMarkRead() {
  return useApiMutation(
    (client, body: MarkRead) => apiRequest(client, 'POST /api/inbox/read', { body }),
    [alertKeys.all, myWorkKeys.all],
  );
}
