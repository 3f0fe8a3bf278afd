/**
 * Alert rules (`/api/alert-rules`): each with a scorecard, a kind, a severity, the units and indicators it
 * watches and whether it is on. Everyone reads them; the performance office (admins, strategists) writes them.
 * Deleting a rule deletes its alerts, so the inbox is read again too.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { alertKeys } from './alerts.ts';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-context.tsx';
import { useApiMutation } from './mutation.ts';
import { myWorkKeys } from './my-work.ts';
import { requestFn } from './query.ts';
import { apiRequest } from './request.ts';
import type { BodyOf, ResponseOf } from './routes.ts';

export type AlertRuleResource = ResponseOf<'GET /api/alert-rules'>['rules'][number];
export type AlertRuleBody = BodyOf<'POST /api/alert-rules'>;

const ROOT = ['alert-rules'] as const;

export const alertRuleKeys = {
  all: ROOT,
  list: (scorecard: string | null) => [...ROOT, 'list', scorecard] as const,
};

/** The rules of one scorecard; waits while none is chosen. */
export function getAlertRulesQueryOptions(client: ApiClient, scorecard: string | null) {
  return queryOptions({
    queryKey: alertRuleKeys.list(scorecard),
    queryFn: requestFn(client, 'GET /api/alert-rules', scorecard === null ? null : { query: { scorecard } }),
  });
}

export function useAlertRules(scorecard: string | null) {
  return useQuery(getAlertRulesQueryOptions(useApiClient(), scorecard));
}

export type SaveAlertRule =
  | { readonly kind: 'create'; readonly body: AlertRuleBody }
  | { readonly kind: 'replace'; readonly id: number; readonly body: AlertRuleBody }
  | { readonly kind: 'remove'; readonly id: number };

export function useSaveAlertRule() {
  return useApiMutation(
    (client, input: SaveAlertRule) => {
      switch (input.kind) {
        case 'create':
          return apiRequest(client, 'POST /api/alert-rules', { body: input.body });
        case 'replace':
          return apiRequest(client, 'PUT /api/alert-rules/:id', {
            params: { id: input.id },
            body: input.body,
          });
        case 'remove':
          return apiRequest(client, 'DELETE /api/alert-rules/:id', { params: { id: input.id } });
      }
    },
    [alertRuleKeys.all, alertKeys.all, myWorkKeys.all],
  );
}
