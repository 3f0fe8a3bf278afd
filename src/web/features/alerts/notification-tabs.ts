/**
 * Which tabs of the notifications page a user is shown: everyone their own subscriptions; the performance office
 * (strategists, admins) the alert rules and the entry deadlines; installation admins the webhooks. This only hides
 * what the server would refuse.
 */
import type { Role } from '../../../core/access/principal.ts';

export const NOTIFICATION_TABS = ['subscriptions', 'rules', 'deadlines', 'webhooks'] as const;
export type NotificationTab = (typeof NOTIFICATION_TABS)[number];

/** Who writes the rules and the deadlines (the server's DESIGN_ROLES). */
const OFFICE_ROLES: readonly Role[] = ['admin', 'strategist'];

export interface TabUser {
  readonly assignments: readonly { readonly role: Role }[];
  readonly administrator: boolean;
}

/**
 * @example visibleNotificationTabs({ assignments: [{ role: 'strategist' }], administrator: false }) // ['subscriptions', 'rules', 'deadlines']
 */
export function visibleNotificationTabs(user: TabUser): NotificationTab[] {
  return NOTIFICATION_TABS.filter((tab) => {
    if (tab === 'webhooks') return user.administrator;
    if (tab === 'deadlines' || tab === 'rules')
      return user.administrator || user.assignments.some((a) => OFFICE_ROLES.includes(a.role));
    return true;
  });
}
