/**
 * One perspective of the scorecard: each indicator's actual, target, reference, quantified value, weight, weighted
 * score, status, and change since the previous period.
 */
import { Table, type TableColumnsType, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import { StatusTag } from '../../../components/status-tag.tsx';
import type { EvaluationJson } from '../../../lib/api/use-evaluation.ts';
import { formatChange, formatNumber, formatPercent, formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { STATUS_COLORS } from '../../../lib/status.ts';
import { type IndicatorRow, indicatorRows, type Trend } from '../indicator-rows.ts';

const TREND_COLORS: Readonly<Record<Trend, string | undefined>> = {
  better: STATUS_COLORS.met,
  worse: STATUS_COLORS['off-track'],
  same: undefined,
  unknown: undefined,
};

const TREND_KEYS = {
  better: 'scorecard.trendBetter',
  worse: 'scorecard.trendWorse',
  same: 'scorecard.trendSame',
  unknown: 'scorecard.trendUnknown',
} as const satisfies Record<Trend, string>;

export interface PerspectiveTableProps {
  readonly perspective: EvaluationJson['perspectives'][number];
  readonly previous: EvaluationJson['perspectives'][number] | undefined;
  /** The previous period as the reader says it, for the change column's title; null when there is no series. */
  readonly previousLabel: string | null;
}

export function PerspectiveTable({ perspective, previous, previousLabel }: PerspectiveTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const rows = useMemo(() => indicatorRows(perspective, previous), [perspective, previous]);
  const headingId = `perspective-${perspective.id}`;

  const columns: TableColumnsType<IndicatorRow> = [
    {
      key: 'indicator',
      title: t('scorecard.indicator'),
      fixed: 'left',
      width: 240,
      render: (_, row) => (
        <div>
          <div>{localize(row.indicator.name, language)}</div>
          {row.indicator.unit === null ? null : (
            <div style={{ color: token.colorTextSecondary, fontSize: 12 }}>{row.indicator.unit}</div>
          )}
        </div>
      ),
    },
    {
      key: 'actual',
      title: t('scorecard.actual'),
      align: 'right',
      render: (_, row) => formatNumber(row.indicator.actual, language, row.indicator.decimals),
    },
    {
      key: 'target',
      title: t('scorecard.target'),
      align: 'right',
      render: (_, row) => formatNumber(row.indicator.target, language, row.indicator.decimals),
    },
    {
      key: 'reference',
      title: t('scorecard.reference'),
      align: 'right',
      render: (_, row) => formatNumber(row.indicator.reference, language, row.indicator.decimals),
    },
    {
      key: 'quantified',
      title: t('scorecard.quantified'),
      align: 'right',
      render: (_, row) => formatNumber(row.indicator.quantified, language, 2),
    },
    {
      key: 'weight',
      title: t('scorecard.weight'),
      align: 'right',
      render: (_, row) => formatPercent(row.indicator.weight, language),
    },
    {
      key: 'score',
      title: t('scorecard.weightedScore'),
      align: 'right',
      render: (_, row) => formatScore(row.indicator.score, language),
    },
    {
      key: 'status',
      title: t('scorecard.status'),
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'change',
      title:
        previousLabel === null
          ? t('scorecard.change')
          : t('scorecard.changeSince', { period: previousLabel }),
      align: 'right',
      render: (_, row) => (
        <span style={{ color: TREND_COLORS[row.trend] }}>
          {formatChange(row.change, language, row.indicator.decimals)}
          <span className="visually-hidden"> {t(TREND_KEYS[row.trend])}</span>
        </span>
      ),
    },
  ];

  return (
    <Panel
      title={localize(perspective.name, language)}
      headingId={headingId}
      testId={`perspective-${perspective.id}`}
      extra={
        <span data-testid="perspective-summary">
          {t('scorecard.perspectiveSummary', {
            weight: formatPercent(perspective.weight, language),
            score: formatScore(perspective.score, language),
          })}
        </span>
      }
    >
      <Table<IndicatorRow>
        aria-labelledby={headingId}
        data-testid={`indicator-table-${perspective.id}`}
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 960 }}
        columns={columns}
        dataSource={rows}
      />
    </Panel>
  );
}
