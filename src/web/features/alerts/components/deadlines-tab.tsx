/**
 * The entry deadlines of the header's scorecard, per period type (the performance office): data of a period is
 * due on a day of the month after the period ends; past it, a unit that has not submitted raises the late-data
 * alert. A period type without a deadline has no late-data alert.
 */
import { Button, InputNumber, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type DeadlinePeriodType, useDeadlines, usePutDeadline } from '../../../lib/api/deadlines.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

const PERIOD_TYPES = ['month', 'quarter', 'year'] as const satisfies readonly DeadlinePeriodType[];

const TYPE_KEYS = {
  month: 'alerts.deadlines.month',
  quarter: 'alerts.deadlines.quarter',
  year: 'alerts.deadlines.year',
} as const satisfies Record<DeadlinePeriodType, string>;

export function DeadlinesTab({ scorecard }: { readonly scorecard: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const deadlines = useDeadlines(scorecard);
  const put = usePutDeadline();
  const [edits, setEdits] = useState<Partial<Record<DeadlinePeriodType, number>>>({});
  const saved = new Map((deadlines.data?.deadlines ?? []).map((d) => [d.periodType, d] as const));

  const columns: TableColumnsType<DeadlinePeriodType> = [
    { key: 'type', title: t('alerts.deadlines.periodType'), render: (_, type) => t(TYPE_KEYS[type]) },
    {
      key: 'day',
      title: t('alerts.deadlines.dueDay'),
      render: (_, type) => (
        <InputNumber<number>
          min={1}
          max={28}
          precision={0}
          aria-label={t('alerts.deadlines.dueDayOf', { type: t(TYPE_KEYS[type]) })}
          data-testid={`deadline-day-${type}`}
          value={edits[type] ?? saved.get(type)?.dueDay ?? null}
          onChange={(value) => setEdits((previous) => ({ ...previous, [type]: value ?? undefined }))}
        />
      ),
    },
    {
      key: 'updated',
      title: t('alerts.deadlines.updated'),
      render: (_, type) => {
        const deadline = saved.get(type);
        return deadline === undefined
          ? t('alerts.deadlines.none')
          : `${formatDateTime(deadline.updatedAt, language)} · ${deadline.updatedBy}`;
      },
    },
    {
      key: 'save',
      title: <span className="visually-hidden">{t('alerts.deadlines.save')}</span>,
      render: (_, type) => {
        const day = edits[type];
        return (
          <Button
            size="small"
            type="primary"
            disabled={scorecard === null || day === undefined || day === saved.get(type)?.dueDay}
            loading={put.isPending}
            data-testid={`deadline-save-${type}`}
            onClick={() => {
              if (scorecard === null || day === undefined) return;
              put.mutate({ scorecard, periodType: type, dueDay: day });
            }}
          >
            {t('alerts.deadlines.save')}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <p style={{ marginTop: 0 }}>{t('alerts.deadlines.explain')}</p>
      <ProblemAlert error={put.error} />
      <LoadingPanel
        isLoading={scorecard !== null && deadlines.isPending}
        error={deadlines.error}
        isEmpty={scorecard === null}
        emptyText={t('alerts.deadlines.chooseScorecard')}
        onRetry={() => void deadlines.refetch()}
      >
        <Table<DeadlinePeriodType>
          size="small"
          rowKey={(type) => type}
          data-testid="deadline-table"
          pagination={false}
          columns={columns}
          dataSource={[...PERIOD_TYPES]}
        />
      </LoadingPanel>
    </>
  );
}
