/** The total score over the periods before the selected one (lib/period-window.ts: 5 years, 8 quarters, 12 months). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import type { SeriesJson } from '../../../lib/api/series.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { describeTrend, totalTrendOption } from '../chart-options.ts';

export interface TotalTrendCardProps {
  readonly series: SeriesJson | undefined;
  readonly isLoading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
}

export function TotalTrendCard({ series, isLoading, error, onRetry }: TotalTrendCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () => (series === undefined ? null : totalTrendOption(series, language, t('overview.total'))),
    [series, language, t],
  );
  const hasPoints = series?.items.some((item) => item.evaluation.total !== null) ?? false;
  return (
    <Panel title={t('overview.trend')}>
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={!hasPoints}
        emptyText={t('overview.trendEmpty')}
        onRetry={onRetry}
      >
        {option === null || series === undefined ? null : (
          <Chart
            option={option}
            height={260}
            testId="total-trend"
            ariaLabel={t('overview.trendLabel', { summary: describeTrend(series, language) })}
          />
        )}
      </LoadingPanel>
    </Panel>
  );
}
