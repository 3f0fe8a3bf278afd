/**
 * `/inbox`: the alerts delivered to the signed-in user, newest first: open, closed or all, unread only if
 * asked; marking read one by one or all at once; creating an action from an alert in one click. The header's
 * bell opens this page and shows the unread count.
 */
import { Button, Segmented, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertTable } from '../../components/alert-table.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useInbox, useMarkRead } from '../../lib/api/alerts.ts';
import { useNames } from '../../lib/use-names.ts';

const PAGE_SIZE = 50;

type StateFilter = 'open' | 'closed' | 'all';

export function InboxPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<StateFilter>('all');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox({
    state,
    ...(unreadOnly ? { unread: 'true' } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const markRead = useMarkRead();
  const alerts = inbox.data?.items ?? [];
  const names = useNames(alerts[0]?.scorecard ?? null);

  return (
    <section aria-labelledby="inbox-title">
      <PageHeading id="inbox-title" title={t('alerts.inbox.title')} selection={null} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<StateFilter>
          aria-label={t('alerts.inbox.stateFilter')}
          data-testid="inbox-state"
          value={state}
          options={[
            { value: 'all', label: t('alerts.inbox.all') },
            { value: 'open', label: t('alerts.inbox.open') },
            { value: 'closed', label: t('alerts.inbox.closed') },
          ]}
          onChange={(value) => {
            setState(value);
            setPage(1);
          }}
        />
        <Space size={6}>
          <Switch
            checked={unreadOnly}
            onChange={(checked) => {
              setUnreadOnly(checked);
              setPage(1);
            }}
            aria-label={t('alerts.inbox.unreadOnly')}
            data-testid="inbox-unread-only"
          />
          <span aria-hidden>{t('alerts.inbox.unreadOnly')}</span>
        </Space>
        <Button
          data-testid="inbox-read-all"
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('alerts.markAllRead')}
        </Button>
        <Link to="/notifications" data-testid="inbox-settings">
          {t('alerts.inbox.settings')}
        </Link>
      </Space>
      <LoadingPanel
        isLoading={inbox.isPending}
        error={inbox.error}
        isEmpty={inbox.data !== undefined && inbox.data.total === 0}
        emptyText={t('alerts.inbox.empty')}
        onRetry={() => void inbox.refetch()}
      >
        <AlertTable
          alerts={alerts}
          names={names}
          loading={inbox.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: inbox.data?.total ?? 0,
            onChange: setPage,
          }}
        />
      </LoadingPanel>
    </section>
  );
}
