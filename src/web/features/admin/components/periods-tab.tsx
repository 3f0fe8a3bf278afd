/**
 * The periods that hold data (`GET /api/periods`), by type: months, quarters or years. Read-only: periods are
 * made from the calendar (core/periods), not edited.
 */
import { Radio, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodResource } from '../../../../core/contracts/periods.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { usePeriods } from '../../../lib/api/periods.ts';
import { formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { PERIOD_TYPE_KEYS } from '../labels.ts';

const TYPES = ['month', 'quarter', 'year'] as const;
type PeriodType = (typeof TYPES)[number];

export function PeriodsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const periods = usePeriods();
  const [type, setType] = useState<PeriodType>('month');
  const rows = (periods.data ?? [])
    .filter((period) => period.type === type)
    .sort((a, b) => b.id.localeCompare(a.id));

  return (
    <Panel title={t('admin.periods.title')} testId="periods-panel">
      <Radio.Group
        aria-label={t('admin.periods.type')}
        value={type}
        onChange={(event) => setType(event.target.value as PeriodType)}
        optionType="button"
        style={{ marginBottom: 12 }}
        options={TYPES.map((value) => ({ value, label: t(PERIOD_TYPE_KEYS[value]) }))}
        data-testid="period-type"
      />
      <LoadingPanel
        isLoading={periods.isLoading}
        error={periods.error}
        isEmpty={rows.length === 0}
        emptyText={t('admin.periods.empty')}
        onRetry={() => void periods.refetch()}
      >
        <Table<PeriodResource>
          data-testid="period-table"
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={rows}
          pagination={{ pageSize: 24, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              key: 'id',
              title: t('admin.periods.id'),
              dataIndex: 'id',
              render: (id: string) => <code data-testid="period-id">{id}</code>,
            },
            {
              key: 'label',
              title: t('admin.name'),
              render: (_, period) => formatPeriod(period.id, language),
            },
            { key: 'start', title: t('admin.periods.start'), dataIndex: 'startDate' },
            { key: 'end', title: t('admin.periods.end'), dataIndex: 'endDate' },
          ]}
        />
      </LoadingPanel>
    </Panel>
  );
}
