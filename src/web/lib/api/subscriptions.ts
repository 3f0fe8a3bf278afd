/**
 * Who hears what (`/api/subscriptions`): the signed-in user's subscriptions (a unit's subtree × a rule, e-mail on
 * or off, a daily digest), and their preferences (`/api/me/preferences`: the language of their e-mails and digests).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type SubscriptionResource = ResponseOf<'GET /api/subscriptions'>['subscriptions'][number];
export type SubscriptionBody = BodyOf<'POST /api/subscriptions'>;
export type PreferencesResource = ResponseOf<'GET /api/me/preferences'>;

const ROOT = ['subscriptions'] as const;

export const subscriptionKeys = {
  all: ROOT,
  list: () => [...ROOT, 'list'] as const,
  preferences: () => [...ROOT, 'preferences'] as const,
};

export function getSubscriptionsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: subscriptionKeys.list(),
    queryFn: requestFn(client, 'GET /api/subscriptions', {}),
  });
}

export function useSubscriptions() {
  return useQuery(getSubscriptionsQueryOptions(useApiClient()));
}

export type SaveSubscription =
  | { readonly kind: 'add'; readonly body: SubscriptionBody }
  | { readonly kind: 'replace'; readonly id: number; readonly body: SubscriptionBody }
  | { readonly kind: 'remove'; readonly id: number };

export function useSaveSubscription() {
  return useApiMutation(
    (client, input: SaveSubscription) => {
      switch (input.kind) {
        case 'add':
          return apiRequest(client, 'POST /api/subscriptions', { body: input.body });
        case 'replace':
          return apiRequest(client, 'PUT /api/subscriptions/:id', {
            params: { id: input.id },
            body: input.body,
          });
        case 'remove':
          return apiRequest(client, 'DELETE /api/subscriptions/:id', { params: { id: input.id } });
      }
    },
    [subscriptionKeys.list()],
  );
}

export function getPreferencesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: subscriptionKeys.preferences(),
    queryFn: requestFn(client, 'GET /api/me/preferences', {}),
  });
}

export function usePreferences() {
  return useQuery(getPreferencesQueryOptions(useApiClient()));
}

export function useSavePreferences() {
  return useApiMutation(
    (client, body: BodyOf<'PUT /api/me/preferences'>) =>
      apiRequest(client, 'PUT /api/me/preferences', { body }),
    [subscriptionKeys.preferences()],
  );
}
