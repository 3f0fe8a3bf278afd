/**
 * The indicator over time: a granularity choice (months, quarters, years: those the data supports), then the
 * line chart of actual, target (or band) and reference.
 */
import { Segmented } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { describeSeries, seriesChartOption } from '../chart-options.ts';
import { hasAnyActual, type PeriodRow } from '../indicator-series.ts';
import { GRANULARITIES, type Granularity } from '../series-window.ts';

const GRANULARITY_KEYS = {
  month: 'indicator.granularities.month',
  quarter: 'indicator.granularities.quarter',
  year: 'indicator.granularities.year',
} as const satisfies Record<Granularity, string>;

export interface SeriesCardProps {
  readonly name: string;
  readonly rows: readonly PeriodRow[] | undefined;
  readonly decimals: number;
  readonly band: readonly [number, number] | null;
  readonly granularity: Granularity;
  readonly supported: readonly Granularity[];
  readonly onGranularity: (granularity: Granularity) => void;
  readonly isLoading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
}

export function SeriesCard(props: SeriesCardProps) {
  const { name, rows, decimals, band, granularity, supported } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () =>
      rows === undefined
        ? null
        : seriesChartOption({
            rows,
            decimals,
            band,
            language,
            names: {
              actual: t('indicator.actual'),
              target: t('indicator.target'),
              band: t('indicator.band'),
              reference: t('indicator.reference'),
            },
          }),
    [rows, decimals, band, language, t],
  );

  return (
    <Panel
      title={t('indicator.trend')}
      headingId="indicator-trend"
      testId="indicator-trend-panel"
      extra={
        <Segmented
          size="small"
          aria-label={t('indicator.granularity')}
          data-testid="indicator-granularity"
          value={granularity}
          onChange={(value) => {
            const next = GRANULARITIES.find((candidate) => candidate === value);
            if (next !== undefined) props.onGranularity(next);
          }}
          options={GRANULARITIES.map((value) => ({
            value,
            label: t(GRANULARITY_KEYS[value]),
            disabled: !supported.includes(value),
          }))}
        />
      }
    >
      <LoadingPanel
        isLoading={props.isLoading}
        error={props.error}
        isEmpty={rows !== undefined && !hasAnyActual(rows)}
        emptyText={t('indicator.trendEmpty', { indicator: name })}
        onRetry={props.onRetry}
      >
        {option === null || rows === undefined ? null : (
          <Chart
            option={option}
            height={300}
            testId="indicator-trend"
            ariaLabel={t('indicator.trendLabel', {
              indicator: name,
              summary: describeSeries(rows, decimals, language),
            })}
          />
        )}
      </LoadingPanel>
    </Panel>
  );
}
