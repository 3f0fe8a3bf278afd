/**
 * The query options of issue 14's resources (the inbox, actions, my work, subscriptions, deadlines, webhooks):
 * each key rooted at its resource's key factory, each root its own, a query with unknown arguments waiting, and a
 * query that runs calling its route.
 */
import { QueryClient, skipToken } from '@tanstack/react-query';
import { describe, expect, it, test } from 'vitest';
import {
  actionKeys,
  attachmentUrl,
  getActionCommentsQueryOptions,
  getActionQueryOptions,
  getActionsQueryOptions,
} from './actions.ts';
import { alertRuleKeys, getAlertRulesQueryOptions } from './alert-rules.ts';
import { alertKeys, getInboxQueryOptions, getUnreadCountQueryOptions } from './alerts.ts';
import type { ApiClient, RequestOptions } from './api-client.ts';
import { deadlineKeys, getDeadlinesQueryOptions } from './deadlines.ts';
import { getMyWorkQueryOptions, myWorkKeys } from './my-work.ts';
import {
  getPreferencesQueryOptions,
  getSubscriptionsQueryOptions,
  subscriptionKeys,
} from './subscriptions.ts';
import { uploadShare } from './upload.ts';
import { getUserDirectoryQueryOptions, userKeys } from './users.ts';
import { getWebhookDeliveriesQueryOptions, getWebhooksQueryOptions, webhookKeys } from './webhooks.ts';

interface Call {
  readonly path: string;
  readonly query: RequestOptions['query'];
}

function recordingClient(): { client: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  const client: ApiClient = {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      calls.push({ path, query: options.query });
      const answer = { items: [], total: 0, limit: 50, offset: 0 };
      return answer as T;
    },
  };
  return { client, calls };
}

const { client } = recordingClient();

const OPTIONS = [
  { root: alertKeys.all, options: getInboxQueryOptions(client, { state: 'all' }) },
  { root: alertKeys.all, options: getUnreadCountQueryOptions(client) },
  { root: actionKeys.all, options: getActionsQueryOptions(client, { mine: 'true' }) },
  { root: actionKeys.all, options: getActionQueryOptions(client, 7) },
  { root: actionKeys.all, options: getActionCommentsQueryOptions(client, 7) },
  { root: myWorkKeys.all, options: getMyWorkQueryOptions(client) },
  { root: subscriptionKeys.all, options: getSubscriptionsQueryOptions(client) },
  { root: subscriptionKeys.all, options: getPreferencesQueryOptions(client) },
  { root: deadlineKeys.all, options: getDeadlinesQueryOptions(client, 'UMG-BSC') },
  { root: webhookKeys.all, options: getWebhooksQueryOptions(client) },
  { root: webhookKeys.all, options: getWebhookDeliveriesQueryOptions(client, 3) },
  { root: alertRuleKeys.all, options: getAlertRulesQueryOptions(client, 'UMG-BSC') },
  { root: userKeys.all, options: getUserDirectoryQueryOptions(client, { q: 'li', limit: 20, offset: 0 }) },
];

describe('query keys of alerts, actions and my work', () => {
  test.each(OPTIONS.map(({ root, options }) => ({ root, key: options.queryKey })))(
    'roots $key at $root',
    ({ root, key }) => {
      expect(key.slice(0, root.length)).toEqual(root);
    },
  );

  it('gives every resource a root of its own', () => {
    expect(new Set(OPTIONS.map(({ root }) => root.join('/'))).size).toBe(8);
  });
});

describe('a query whose arguments are not known yet', () => {
  test.each([
    { what: 'an action', options: getActionQueryOptions(client, null) },
    { what: "an action's comments", options: getActionCommentsQueryOptions(client, null) },
    { what: "a scorecard's deadlines", options: getDeadlinesQueryOptions(client, null) },
    { what: "a webhook's deliveries", options: getWebhookDeliveriesQueryOptions(client, null) },
    { what: "a scorecard's alert rules", options: getAlertRulesQueryOptions(client, null) },
  ])('waits for $what', ({ options }) => {
    expect(options.queryFn).toBe(skipToken);
  });
});

describe('queries that run', () => {
  it('reads the inbox with its filter', async () => {
    const recording = recordingClient();
    await new QueryClient().fetchQuery(
      getInboxQueryOptions(recording.client, { state: 'open', unread: 'true', limit: 50, offset: 0 }),
    );
    expect(recording.calls).toEqual([
      { path: '/api/inbox', query: { state: 'open', unread: 'true', limit: 50, offset: 0 } },
    ]);
  });

  it('searches the user directory with what was typed', async () => {
    const recording = recordingClient();
    await new QueryClient().fetchQuery(
      getUserDirectoryQueryOptions(recording.client, { q: '李', unit: 'UMG-B1', limit: 20, offset: 0 }),
    );
    expect(recording.calls).toEqual([
      { path: '/api/users/directory', query: { q: '李', unit: 'UMG-B1', limit: 20, offset: 0 } },
    ]);
  });

  it('reads one action by its id', async () => {
    const recording = recordingClient();
    await new QueryClient().fetchQuery(getActionQueryOptions(recording.client, 12));
    expect(recording.calls).toEqual([{ path: '/api/actions/12', query: {} }]);
  });
});

describe('attachments', () => {
  it('downloads an attachment from its own address', () => {
    expect(attachmentUrl(7)).toBe('/api/action-attachments/7');
  });

  test.each([
    { loaded: 5, total: 20, share: 0.25 },
    { loaded: 20, total: 20, share: 1 },
    { loaded: 3, total: 0, share: null },
  ])('counts $loaded of $total bytes sent as $share', ({ loaded, total, share }) => {
    expect(uploadShare(loaded, total)).toBe(share);
  });
});
