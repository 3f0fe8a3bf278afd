/**
 * `/actions`: the action plans the user may see (their own by default), open or all, filtered by status. An
 * action is created where something is off target (a red cell, an alert, the strategy map), not here.
 */
import { Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionTable } from '../../components/action-table.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { STATUS_KEYS } from '../../lib/action-labels.ts';
import { ACTION_STATUSES, type ActionStatus, useActions } from '../../lib/api/actions.ts';
import { useNames } from '../../lib/use-names.ts';

const PAGE_SIZE = 50;

type Whose = 'mine' | 'all';

export function ActionsPage() {
  const { t } = useTranslation();
  const [whose, setWhose] = useState<Whose>('mine');
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [page, setPage] = useState(1);
  const actions = useActions({
    ...(whose === 'mine' ? { mine: 'true' } : {}),
    ...(status === null ? {} : { status }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const items = actions.data?.items ?? [];
  const names = useNames(items[0]?.scorecard ?? null);
  return (
    <section aria-labelledby="actions-title">
      <PageHeading id="actions-title" title={t('actions.title')} selection={null} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Whose>
          aria-label={t('actions.whose')}
          data-testid="actions-whose"
          value={whose}
          options={[
            { value: 'mine', label: t('actions.mine') },
            { value: 'all', label: t('actions.all') },
          ]}
          onChange={(value) => {
            setWhose(value);
            setPage(1);
          }}
        />
        <Select<ActionStatus | null>
          aria-label={t('actions.fields.status')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={[
            { value: null, label: t('actions.anyStatus') },
            ...ACTION_STATUSES.map((value) => ({ value, label: t(STATUS_KEYS[value]) })),
          ]}
        />
      </Space>
      <LoadingPanel
        isLoading={actions.isPending}
        error={actions.error}
        isEmpty={actions.data !== undefined && actions.data.total === 0}
        emptyText={t('actions.empty')}
        onRetry={() => void actions.refetch()}
      >
        <ActionTable
          actions={items}
          names={names}
          loading={actions.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: actions.data?.total ?? 0,
            onChange: setPage,
          }}
        />
      </LoadingPanel>
    </section>
  );
}
