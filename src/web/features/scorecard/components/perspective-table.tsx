/**
 * One perspective of the scorecard: each indicator's actual, target, reference, quantified value, weight (local
 * and global), weighted score, status (with the row's colour), its trend as a sparkline, its change since the
 * previous period and since the same period a year before, a link to the indicator's page and an "Explain"
 * button.
 */
import { Button, Table, type TableColumnsType, Tag, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateActionButton } from '../../../components/create-action-dialog.tsx';
import { Panel } from '../../../components/panel.tsx';
import { StatusTag } from '../../../components/status-tag.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import {
  formatChange,
  formatList,
  formatNumber,
  formatPercent,
  formatScore,
  formatUnit,
} from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { STATUS_COLORS } from '../../../lib/status.ts';
import { type IndicatorRow, indicatorRows, type PerspectiveHistory, type Trend } from '../indicator-rows.ts';
import { Sparkline } from './sparkline.tsx';

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

type PerspectiveJson = EvaluationJson['perspectives'][number];

export interface PerspectiveTableProps {
  readonly perspective: PerspectiveJson;
  readonly previous: PerspectiveJson | undefined;
  /** The previous period as the reader says it, for the change column's title; null when there is no series. */
  readonly previousLabel: string | null;
  readonly history: PerspectiveHistory;
  /** The same period a year before, as the reader says it; null when there is no series. */
  readonly yearAgoLabel: string | null;
  /** The trend's first and last period, as the reader says them (for the sparkline's spoken label). */
  readonly trendLabels: { readonly from: string; readonly to: string } | null;
  /** The selection, for the links to the indicator pages. */
  readonly selection: { readonly scorecard: string; readonly orgUnit: string; readonly period: string };
  readonly onExplain: (indicator: IndicatorRow['indicator']) => void;
  /** The unit's name as the reader sees it (for a new action's title). */
  readonly unitName?: string;
}

export function PerspectiveTable({
  perspective,
  previous,
  previousLabel,
  history,
  yearAgoLabel,
  trendLabels,
  selection,
  onExplain,
  unitName,
}: PerspectiveTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const rows = useMemo(() => indicatorRows(perspective, previous, history), [perspective, previous, history]);
  const headingId = `perspective-${perspective.id}`;
  const query = new URLSearchParams(selection).toString();
  const change = (delta: number | null, trend: Trend, decimals: number) => (
    <span style={{ color: TREND_COLORS[trend] }}>
      {formatChange(delta, language, decimals)}
      <span className="visually-hidden"> {t(TREND_KEYS[trend])}</span>
    </span>
  );

  const columns: TableColumnsType<IndicatorRow> = [
    {
      key: 'indicator',
      title: t('scorecard.indicator'),
      fixed: 'left',
      width: 220,
      onCell: (row) => ({
        style: { boxShadow: `inset 4px 0 0 ${STATUS_COLORS[row.status]}` },
        'data-status': row.status,
      }),
      render: (_, row) => (
        <div>
          <Link
            to={`/indicators/${encodeURIComponent(row.indicator.id)}?${query}`}
            data-testid={`indicator-link-${row.indicator.id}`}
          >
            {localize(row.indicator.name, language)}
          </Link>
          {row.indicator.unit === null ? null : (
            <div style={{ color: token.colorTextSecondary, fontSize: 12 }}>
              {formatUnit(row.indicator.unit, language)}
            </div>
          )}
          {/* Explain (and, off track, a new action) under the name rather than in a column of their own: a
              last column fixed on the right covered the change columns at 1366 px (issue 17). */}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
            <Button
              size="small"
              data-testid={`explain-${row.indicator.id}`}
              aria-label={t('scorecard.explainLabel', { indicator: localize(row.indicator.name, language) })}
              onClick={() => onExplain(row.indicator)}
            >
              {t('scorecard.explainButton')}
            </Button>
            {/* An off-track cell is where an action plan starts (issue 14): one click. */}
            {row.status === 'off-track' ? (
              <CreateActionButton
                target={{
                  origin: 'cell',
                  ...selection,
                  indicator: row.indicator.id,
                  indicatorName: localize(row.indicator.name, language),
                  ...(unitName === undefined ? {} : { unitName }),
                }}
              />
            ) : null}
          </div>
        </div>
      ),
    },
    {
      key: 'actual',
      title: t('scorecard.actual'),
      align: 'right',
      render: (_, row) => (
        <div>
          <Nowrap>{formatNumber(row.indicator.actual, language, row.indicator.decimals)}</Nowrap>
          <ActualNote indicator={row.indicator} />
        </div>
      ),
    },
    {
      key: 'target',
      title: t('scorecard.target'),
      align: 'right',
      // A rule between actual and target: two long figures side by side must never read as one.
      onCell: () => ({ style: { borderLeft: `1px solid ${token.colorBorderSecondary}` } }),
      onHeaderCell: () => ({ style: { borderLeft: `1px solid ${token.colorBorderSecondary}` } }),
      render: (_, row) => (
        <Nowrap>{formatNumber(row.indicator.target, language, row.indicator.decimals)}</Nowrap>
      ),
    },
    {
      key: 'reference',
      title: t('scorecard.reference'),
      align: 'right',
      render: (_, row) => (
        <Nowrap>{formatNumber(row.indicator.reference, language, row.indicator.decimals)}</Nowrap>
      ),
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
      render: (_, row) =>
        row.indicator.scored ? (
          <div>
            <div>{formatPercent(row.indicator.weight, language)}</div>
            <div style={{ color: token.colorTextSecondary, fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('scorecard.weightGlobal', { weight: formatPercent(row.indicator.globalWeight, language) })}
            </div>
          </div>
        ) : (
          // A monitored indicator has no weight and no score; say so rather than show 0 %.
          <Tag data-testid="unscored-tag">{t('unscoredIndicators.label')}</Tag>
        ),
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
      render: (_, row) => <StatusTag status={row.status} reason={row.indicator.reason} />,
    },
    {
      key: 'trend',
      title: t('scorecard.trend'),
      render: (_, row) => (
        <Sparkline
          values={row.sparkline}
          label={t('scorecard.sparklineLabel', {
            indicator: localize(row.indicator.name, language),
            from: trendLabels?.from ?? '',
            to: trendLabels?.to ?? '',
            values: formatList(
              row.sparkline.map((value) => formatNumber(value, language, row.indicator.decimals)),
              language,
            ),
          })}
        />
      ),
    },
    {
      key: 'change',
      title:
        previousLabel === null
          ? t('scorecard.vsPreviousPlain')
          : t('scorecard.vsPrevious', { period: previousLabel }),
      align: 'right',
      render: (_, row) => change(row.change, row.trend, row.indicator.decimals),
    },
    {
      key: 'changeYear',
      title:
        yearAgoLabel === null
          ? t('scorecard.vsLastYearPlain')
          : t('scorecard.vsLastYear', { period: yearAgoLabel }),
      align: 'right',
      render: (_, row) => change(row.changeYear, row.trendYear, row.indicator.decimals),
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
      <ExportableTable name={localize(perspective.name, language)}>
        <Table<IndicatorRow>
          aria-labelledby={headingId}
          data-testid={`indicator-table-${perspective.id}`}
          size="small"
          rowKey="key"
          pagination={false}
          // Columns as wide as their content (a fixed layout let long figures run into the next cell), the table
          // no wider than the page where headers can wrap (max-content kept every header on one line, and the
          // last change column off a 1366 px screen); it scrolls sideways only when the figures need it.
          tableLayout="auto"
          scroll={{ x: true }}
          columns={columns}
          dataSource={rows}
        />
      </ExportableTable>
    </Panel>
  );
}

/** A number on one line: a long figure (1,681,869,478 yuan) scrolls the table rather than breaking. */
function Nowrap({ children }: { readonly children: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

const REPORTED_KEYS = {
  'reported-yearly': 'scorecard.reportedYearly',
  'reported-quarterly': 'scorecard.reportedQuarterly',
} as const;

/**
 * Under an actual: "reported yearly" where a month has none because the values are yearly, and a rolled-up
 * ratio's coverage (the share of the denominator behind it, the units left out, named in its title) where
 * children were left out.
 */
function ActualNote({ indicator }: { readonly indicator: IndicatorRow['indicator'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const style = { color: token.colorTextSecondary, fontSize: 12, whiteSpace: 'nowrap' } as const;
  const reported =
    indicator.reason === 'reported-yearly' || indicator.reason === 'reported-quarterly'
      ? REPORTED_KEYS[indicator.reason]
      : null;
  if (reported !== null) {
    return (
      <div style={style} data-testid={`reported-${indicator.id}`}>
        {t(reported)}
      </div>
    );
  }
  const coverage = indicator.unitCoverage;
  if (coverage === undefined || coverage.leftOut.length === 0) return null;
  const leftOut = t('scorecard.unitCoverageLeftOut', { units: formatList(coverage.leftOut, language) });
  return (
    <div style={style} data-testid={`coverage-${indicator.id}`} title={leftOut}>
      {t('scorecard.unitCoverage', {
        share:
          coverage.denominatorShare === null
            ? t('scorecard.unitCoverageUnits', {
                included: coverage.included.length,
                total: coverage.included.length + coverage.leftOut.length,
              })
            : formatPercent(coverage.denominatorShare, language),
        count: coverage.leftOut.length,
      })}
      <span className="visually-hidden"> {leftOut}</span>
    </div>
  );
}
