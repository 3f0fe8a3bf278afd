/** The indicator's values period by period: actual, target, reference, quantified value, score and status. */
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import { StatusTag } from '../../../components/status-tag.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import { formatNumber, formatPeriod, formatScore } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { PeriodRow } from '../indicator-series.ts';

export interface PeriodTableProps {
  readonly rows: readonly PeriodRow[];
  readonly decimals: number;
}

export function PeriodTable({ rows, decimals }: PeriodTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: number | null) => formatNumber(value, language, decimals);
  const cell = (name: string, text: string) => <span data-cell={name}>{text}</span>;

  const columns: TableColumnsType<PeriodRow> = [
    {
      key: 'period',
      title: t('indicator.period'),
      render: (_, row) => (
        <span data-cell="period" data-period={row.period}>
          {formatPeriod(row.period, language)}
        </span>
      ),
    },
    {
      key: 'actual',
      title: t('indicator.actual'),
      align: 'right',
      render: (_, row) => cell('actual', number(row.actual)),
    },
    {
      key: 'target',
      title: t('indicator.target'),
      align: 'right',
      render: (_, row) => cell('target', number(row.target)),
    },
    {
      key: 'reference',
      title: t('indicator.reference'),
      align: 'right',
      render: (_, row) => cell('reference', number(row.reference)),
    },
    {
      key: 'quantified',
      title: t('indicator.quantified'),
      align: 'right',
      render: (_, row) => cell('quantified', formatNumber(row.quantified, language, 2)),
    },
    {
      key: 'score',
      title: t('indicator.score'),
      align: 'right',
      render: (_, row) => cell('score', formatScore(row.score, language)),
    },
    { key: 'status', title: t('indicator.status'), render: (_, row) => <StatusTag status={row.status} /> },
  ];

  return (
    <Panel title={t('indicator.table')} headingId="indicator-table-title" testId="indicator-table-panel">
      <ExportableTable>
        <Table<PeriodRow>
          aria-labelledby="indicator-table-title"
          data-testid="indicator-table"
          size="small"
          rowKey="period"
          // Newest first: the selected period is what the reader came for.
          dataSource={[...rows].reverse()}
          columns={columns}
          pagination={false}
          scroll={{ x: 720 }}
        />
      </ExportableTable>
    </Panel>
  );
}
