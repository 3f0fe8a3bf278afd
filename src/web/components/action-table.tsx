/** Actions as a table: title (a link to the action), indicator, unit, period, owner, due date, status, progress. */
import { Progress, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATUS_COLORS, STATUS_KEYS } from '../lib/action-labels.ts';
import type { ActionResource } from '../lib/api/actions.ts';
import { formatPeriod } from '../lib/format.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Names } from '../lib/use-names.ts';

export interface ActionTableProps {
  readonly actions: readonly ActionResource[];
  readonly names: Names;
  readonly loading?: boolean;
  readonly pagination?: {
    current: number;
    pageSize: number;
    total: number;
    onChange: (page: number) => void;
  };
}

export function ActionTable({ actions, names, loading = false, pagination }: ActionTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<ActionResource> = [
    {
      key: 'title',
      title: t('actions.fields.title'),
      render: (_, action) => (
        <Link to={`/actions/${action.id}`} data-testid={`action-link-${action.id}`}>
          {action.title}
        </Link>
      ),
    },
    {
      key: 'indicator',
      title: t('actions.fields.indicator'),
      render: (_, a) => names.indicator(a.indicator),
    },
    { key: 'unit', title: t('actions.fields.unit'), render: (_, a) => names.unit(a.orgUnit) },
    { key: 'period', title: t('actions.fields.period'), render: (_, a) => formatPeriod(a.period, language) },
    { key: 'owner', title: t('actions.fields.owner'), render: (_, a) => a.owner.name ?? a.owner.email },
    {
      key: 'due',
      title: t('actions.fields.dueDate'),
      render: (_, a) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {a.dueDate}
          {a.overdue ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('actions.overdue')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('actions.fields.status'),
      render: (_, a) => (
        <Tag color={STATUS_COLORS[a.status]} data-testid={`action-status-${a.id}`} data-status={a.status}>
          {t(STATUS_KEYS[a.status])}
        </Tag>
      ),
    },
    {
      key: 'progress',
      title: t('actions.fields.progress'),
      width: 140,
      render: (_, a) => <Progress percent={a.progress} size="small" />,
    },
  ];
  return (
    <Table<ActionResource>
      size="small"
      rowKey="id"
      data-testid="action-table"
      loading={loading}
      columns={columns}
      dataSource={[...actions]}
      scroll={{ x: 900 }}
      pagination={pagination === undefined ? false : { ...pagination, showSizeChanger: false }}
    />
  );
}
