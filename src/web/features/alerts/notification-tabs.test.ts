import { describe, expect, it } from 'vitest';
import { visibleNotificationTabs } from './notification-tabs.ts';

describe('visibleNotificationTabs', () => {
  it('shows a department clerk only their own subscriptions', () => {
    expect(visibleNotificationTabs({ assignments: [{ role: 'entry' }], administrator: false })).toEqual([
      'subscriptions',
    ]);
  });

  it('shows the performance office the alert rules and the deadlines', () => {
    expect(visibleNotificationTabs({ assignments: [{ role: 'strategist' }], administrator: false })).toEqual([
      'subscriptions',
      'rules',
      'deadlines',
    ]);
  });

  it('shows an installation admin the webhooks too', () => {
    expect(visibleNotificationTabs({ assignments: [], administrator: true })).toEqual([
      'subscriptions',
      'rules',
      'deadlines',
      'webhooks',
    ]);
  });
});
