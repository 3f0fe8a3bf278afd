/** The e-mail outbox (`GET /api/mail/outbox`) and a test mail (`POST /api/mail/test`): installation admins only. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type MailOutbox = ResponseOf<'GET /api/mail/outbox'>;
export type MailItem = MailOutbox['items'][number];

const ROOT = ['mail'] as const;

export const mailKeys = {
  all: ROOT,
  outbox: (page: { readonly limit: number; readonly offset: number }) => [...ROOT, 'outbox', page] as const,
};

/** While a mail waits to be sent, the outbox is read again this often, so the panel shows its outcome. */
const BUSY_REFETCH_MS = 5_000;

export function getMailOutboxQueryOptions(
  client: ApiClient,
  page: { readonly limit: number; readonly offset: number },
) {
  return queryOptions({
    queryKey: mailKeys.outbox(page),
    queryFn: requestFn(client, 'GET /api/mail/outbox', { query: page }),
    refetchInterval: (query) =>
      (query.state.data?.items ?? []).some((mail) => mail.status === 'queued' && mail.attempts === 0)
        ? BUSY_REFETCH_MS
        : false,
  });
}

export function useMailOutbox(page: { readonly limit: number; readonly offset: number }) {
  return useQuery(getMailOutboxQueryOptions(useApiClient(), page));
}

/** Queues a test mail (202, its outbox id). */
export function useSendTestMail() {
  return useApiMutation(
    (client, body: BodyOf<'POST /api/mail/test'>) => apiRequest(client, 'POST /api/mail/test', { body }),
    [mailKeys.all],
  );
}
