import { describe, expect, it } from 'vitest';
import { visibleNotificationTabs } from './notification-tabs.ts';

describe('visibleNotificationTabs', () => {
  it('shows a department clerk only their own subscriptions', () => {
    expect(visibleNotificationTabs({ assignments: [{ role: 'entry' }], administrator: false })).toEqual([
      'subscriptions',
    ]);
  });

  it('shows the performance office the deadlines', () => {
    expect(visibleNotificationTabs({ assignments: [{ role: 'strategist' }], administrator: false })).toEqual([
      'subscriptions',
      'deadlines',
    ]);
  });

  it('shows an installation admin the webhooks too', () => {
    expect(visibleNotificationTabs({ assignments: [], administrator: true })).toEqual([
      'subscriptions',
      'deadlines',
      'webhooks',
    ]);
  });
});
