/**
 * `/notifications`: who hears what. Every user sets their own subscriptions and the language of their e-mails;
 * the performance office (strategists and admins) sets the alert rules and the entry deadlines of the header's
 * scorecard; installation
 * admins manage the webhooks. The tab is in the URL (`?tab=webhooks`); the server stays the authority.
 */
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { useSession } from '../../lib/api/session.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { DeadlinesTab } from './components/deadlines-tab.tsx';
import { RulesTab } from './components/rules-tab.tsx';
import { SubscriptionsTab } from './components/subscriptions-tab.tsx';
import { WebhooksTab } from './components/webhooks-tab.tsx';
import { type NotificationTab, visibleNotificationTabs } from './notification-tabs.ts';

const LABEL_KEYS = {
  subscriptions: 'alerts.settings.tabs.subscriptions',
  rules: 'alerts.settings.tabs.rules',
  deadlines: 'alerts.settings.tabs.deadlines',
  webhooks: 'alerts.settings.tabs.webhooks',
} as const satisfies Record<NotificationTab, string>;

export function NotificationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { selection } = useSelection();
  const [params, setParams] = useSearchParams();
  const user = session.data?.user;
  const visible = user === undefined ? (['subscriptions'] as const) : visibleNotificationTabs(user);
  const asked = params.get('tab');
  const tab = visible.find((item) => item === asked) ?? 'subscriptions';

  function content(which: NotificationTab) {
    switch (which) {
      case 'subscriptions':
        return <SubscriptionsTab />;
      case 'rules':
        return <RulesTab scorecard={selection.scorecard ?? null} />;
      case 'deadlines':
        return <DeadlinesTab scorecard={selection.scorecard ?? null} />;
      case 'webhooks':
        return <WebhooksTab />;
    }
  }

  return (
    <section aria-labelledby="notifications-title">
      <PageHeading id="notifications-title" title={t('alerts.settings.title')} selection={null} />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams((previous) => {
            const next = new URLSearchParams(previous);
            next.set('tab', key);
            return next;
          })
        }
        items={visible.map((key) => ({
          key,
          label: <span data-testid={`notifications-tab-${key}`}>{t(LABEL_KEYS[key])}</span>,
          children: content(key),
        }))}
      />
    </section>
  );
}
