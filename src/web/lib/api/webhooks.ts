/**
 * Webhooks (`/api/webhooks`, installation admins): the hospital's messaging systems that hear alerts (a generic
 * signed POST, or the WeCom, DingTalk and Feishu robots) and each hook's delivery history.
 */
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type WebhookResource = ResponseOf<'GET /api/webhooks'>['webhooks'][number];
export type WebhookKind = WebhookResource['kind'];
export type WebhookBody = BodyOf<'POST /api/webhooks'>;
export type WebhookDeliveryResource = ResponseOf<'GET /api/webhooks/:id/deliveries'>['items'][number];

/** The kinds, in the order the form offers them. */
export const WEBHOOK_KINDS = [
  'generic',
  'wecom',
  'dingtalk',
  'feishu',
] as const satisfies readonly WebhookKind[];

const ROOT = ['webhooks'] as const;

export const webhookKeys = {
  all: ROOT,
  list: () => [...ROOT, 'list'] as const,
  deliveries: (id: number | null) => [...ROOT, 'deliveries', id] as const,
};

export function getWebhooksQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: webhookKeys.list(), queryFn: requestFn(client, 'GET /api/webhooks', {}) });
}

export function useWebhooks() {
  return useQuery(getWebhooksQueryOptions(useApiClient()));
}

export function getWebhookDeliveriesQueryOptions(client: ApiClient, id: number | null) {
  return queryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn:
      id === null
        ? skipToken
        : requestFn(client, 'GET /api/webhooks/:id/deliveries', { params: { id }, query: { limit: 50 } }),
  });
}

export function useWebhookDeliveries(id: number | null) {
  return useQuery(getWebhookDeliveriesQueryOptions(useApiClient(), id));
}

export type SaveWebhook =
  | { readonly kind: 'create'; readonly body: WebhookBody }
  | { readonly kind: 'update'; readonly id: number; readonly body: WebhookBody }
  | { readonly kind: 'delete'; readonly id: number };

export function useSaveWebhook() {
  return useApiMutation(
    (client, input: SaveWebhook) => {
      switch (input.kind) {
        case 'create':
          return apiRequest(client, 'POST /api/webhooks', { body: input.body });
        case 'update':
          return apiRequest(client, 'PUT /api/webhooks/:id', { params: { id: input.id }, body: input.body });
        case 'delete':
          return apiRequest(client, 'DELETE /api/webhooks/:id', { params: { id: input.id } });
      }
    },
    [webhookKeys.all],
  );
}
