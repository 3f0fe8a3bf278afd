/**
 * Alerts as a table: severity, rule, indicator, unit, period, raised and closed, whether read; each row can be
 * marked read, and an open alert about an indicator creates an action in one click (or links to the one it has).
 * Shared by the inbox and "my work" .
 */
import { Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KIND_KEYS, SEVERITY_COLORS, SEVERITY_KEYS } from '../lib/alert-labels.ts';
import { type AlertResource, useMarkRead } from '../lib/api/alerts.ts';
import { formatDateTime, formatNumber, formatPeriod, NO_VALUE } from '../lib/format.ts';
import type { Language } from '../lib/i18n/languages.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import { scorecardHref } from '../lib/scorecard-link.ts';
import type { Names } from '../lib/use-names.ts';
import { CreateActionButton } from './create-action-dialog.tsx';

/** The condition's figures, from the alert's params: value and target, the deadline, the submission. */
function alertDetail(alert: AlertResource, language: Language, t: TFunction): string | null {
  const { value, target, dueAt, submittedAt } = alert.params;
  if (typeof value === 'number' && typeof target === 'number') {
    return t('alerts.valueTarget', {
      value: formatNumber(value, language, 2),
      target: formatNumber(target, language, 2),
    });
  }
  if (typeof dueAt === 'string') return t('alerts.dueAt', { at: formatDateTime(dueAt, language) });
  if (typeof submittedAt === 'string')
    return t('alerts.submittedAt', { at: formatDateTime(submittedAt, language) });
  return null;
}

export interface AlertTableProps {
  readonly alerts: readonly AlertResource[];
  readonly names: Names;
  readonly loading?: boolean;
  readonly pagination?: {
    current: number;
    pageSize: number;
    total: number;
    onChange: (page: number) => void;
  };
}

export function AlertTable({ alerts, names, loading = false, pagination }: AlertTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markRead = useMarkRead();
  const columns: TableColumnsType<AlertResource> = [
    {
      key: 'severity',
      title: t('alerts.columns.severity'),
      render: (_, alert) => (
        <Tag color={SEVERITY_COLORS[alert.severity]}>{t(SEVERITY_KEYS[alert.severity])}</Tag>
      ),
    },
    {
      key: 'kind',
      title: t('alerts.columns.kind'),
      render: (_, alert) => {
        const detail = alertDetail(alert, language, t);
        return (
          <>
            <span
              style={{ fontWeight: alert.read ? 400 : 600 }}
              data-testid={`alert-kind-${alert.id}`}
              data-read={String(alert.read)}
            >
              {t(KIND_KEYS[alert.kind])}
            </span>
            {detail === null ? null : (
              <div style={{ fontSize: 12, opacity: 0.75 }} data-testid={`alert-detail-${alert.id}`}>
                {detail}
              </div>
            )}
          </>
        );
      },
    },
    {
      key: 'indicator',
      title: t('alerts.columns.indicator'),
      render: (_, alert) =>
        alert.indicator === null ? (
          NO_VALUE
        ) : (
          <Link to={scorecardHref(alert)}>{names.indicator(alert.indicator)}</Link>
        ),
    },
    { key: 'unit', title: t('alerts.columns.unit'), render: (_, alert) => names.unit(alert.orgUnit) },
    {
      key: 'period',
      title: t('alerts.columns.period'),
      render: (_, alert) => formatPeriod(alert.period, language),
    },
    {
      key: 'opened',
      title: t('alerts.columns.opened'),
      render: (_, alert) => formatDateTime(alert.openedAt, language),
    },
    {
      key: 'closed',
      title: t('alerts.columns.closed'),
      render: (_, alert) =>
        alert.closedAt === null ? (
          <Tag color="red" data-testid={`alert-state-${alert.id}`} data-state="open">
            {t('alerts.open')}
          </Tag>
        ) : (
          <span data-testid={`alert-state-${alert.id}`} data-state="closed">
            {formatDateTime(alert.closedAt, language)}
          </span>
        ),
    },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('alerts.columns.actions')}</span>,
      render: (_, alert) => (
        <Space size={4} wrap>
          {alert.read ? null : (
            <Button
              size="small"
              data-testid={`alert-read-${alert.id}`}
              loading={markRead.isPending}
              onClick={() => markRead.mutate({ ids: [alert.id] })}
            >
              {t('alerts.markRead')}
            </Button>
          )}
          {alert.kind === 'action-overdue' && alert.actionId !== null ? (
            <Link to={`/actions/${alert.actionId}`} data-testid={`alert-action-${alert.id}`}>
              {t('alerts.openAction')}
            </Link>
          ) : alert.indicator !== null && alert.state === 'open' ? (
            <CreateActionButton
              testId={`alert-create-action-${alert.id}`}
              target={{
                origin: 'alert',
                alertId: alert.id,
                scorecard: alert.scorecard,
                indicator: alert.indicator,
                orgUnit: alert.orgUnit,
                period: alert.period,
                indicatorName: names.indicator(alert.indicator),
                unitName: names.unit(alert.orgUnit),
              }}
            />
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<AlertResource>
      size="small"
      rowKey="id"
      data-testid="alert-table"
      loading={loading}
      columns={columns}
      dataSource={[...alerts]}
      scroll={{ x: 1000 }}
      pagination={
        pagination === undefined
          ? false
          : {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              onChange: pagination.onChange,
              showSizeChanger: false,
            }
      }
    />
  );
}
