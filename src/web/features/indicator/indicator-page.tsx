/**
 * One indicator of the selected scorecard, org unit and period (issue 5): what it is and where it stands, its
 * actual value over time against its target (or band) and reference, its control chart and forecast to the
 * year's target, its value in each child unit with their funnel plot, and the numbers as a table. The id is in the path (`/indicators/:indicator`), the selection in the query string.
 */
import { Alert, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { UnitBreadcrumbs } from '../../components/unit-breadcrumbs.tsx';
import { useEvaluation } from '../../lib/api/evaluations.ts';
import { useIndicators } from '../../lib/api/indicators.ts';
import { useForecast, useFunnel } from '../../lib/api/monitoring.ts';
import { usePeriods } from '../../lib/api/periods.ts';
import { useRankings } from '../../lib/api/rankings.ts';
import { useSeries } from '../../lib/api/series.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useDrillDown } from '../../lib/use-drill-down.ts';
import { useSearchParam, useSelection } from '../../lib/use-selection.ts';
import { ChildrenCard } from './components/children-card.tsx';
import { ControlChartCard } from './components/control-chart-card.tsx';
import { ForecastCard } from './components/forecast-card.tsx';
import { FunnelCard } from './components/funnel-card.tsx';
import { IndicatorSummary } from './components/indicator-summary.tsx';
import { PeriodTable } from './components/period-table.tsx';
import { SeriesCard } from './components/series-card.tsx';
import { bandOf, childValues, findIndicator, periodRows } from './indicator-series.ts';
import { scorecardHref } from './links.ts';
import { controlChartOf, forecastThrough } from './monitoring-options.ts';
import { chooseGranularity, lastPeriodOf, seriesWindow, supportedGranularities } from './series-window.ts';

export function IndicatorPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useParams().indicator ?? '';
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  const drill = useDrillDown(complete);

  const evaluation = useEvaluation(complete);
  const definitions = useIndicators(complete?.scorecard ?? null);
  const periods = usePeriods();
  const found = evaluation.data === undefined ? null : findIndicator(evaluation.data, id);
  const direction = definitions.data?.find((definition) => definition.id === id)?.direction;
  const band = bandOf(direction);

  // Wait for the periods with data before asking for a series, so the granularity does not change under it.
  const periodsKnown = periods.data !== undefined || periods.isError;
  const supported = useMemo(
    () => (complete === null ? [] : supportedGranularities(complete.period, periods.data ?? [])),
    [complete, periods.data],
  );
  const [granularity, setGranularity] = useSearchParam(
    'granularity',
    supported,
    chooseGranularity(null, complete?.period ?? '', supported),
  );
  const window = complete === null || !periodsKnown ? null : seriesWindow(complete.period, granularity);
  const series = useSeries(
    complete === null || window === null
      ? null
      : { scorecard: complete.scorecard, orgUnit: complete.orgUnit, ...window },
  );
  const rows = useMemo(
    () => (series.data === undefined ? undefined : periodRows(series.data, id)),
    [series.data, id],
  );

  const ranking = useRankings(
    complete === null
      ? null
      : {
          scorecard: complete.scorecard,
          parent: complete.orgUnit,
          period: complete.period,
          depth: 'children',
        },
  );
  const children = useMemo(
    () => (ranking.data === undefined ? undefined : childValues(ranking.data.items, id, direction)),
    [ranking.data, id, direction],
  );

  const controlChart = controlChartOf(series.data, id);
  const lastMonth = complete === null ? null : lastPeriodOf(complete.period, 'month');
  const through =
    lastMonth === null || periods.data === undefined ? null : forecastThrough(lastMonth, periods.data);
  // Only an indicator the evaluation has: an unknown id gets the not-found state, not two refused requests.
  const known = found !== null;
  const forecast = useForecast(
    complete === null || through === null || !known
      ? null
      : { scorecard: complete.scorecard, orgUnit: complete.orgUnit, indicator: id, through },
  );
  const funnel = useFunnel(
    complete === null || !known
      ? null
      : {
          scorecard: complete.scorecard,
          orgUnit: complete.orgUnit,
          indicator: id,
          period: complete.period,
          among: 'children',
        },
  );

  const name = found === null ? id : localize(found.indicator.name, language);
  const decimals = found?.indicator.decimals ?? 2;
  const notFound = evaluation.data !== undefined && found === null;

  return (
    <section aria-labelledby="indicator-title">
      <Link
        to={scorecardHref(complete)}
        data-testid="indicator-back"
        style={{ display: 'inline-block', marginBottom: 8 }}
      >
        ← {t('indicator.back')}
      </Link>
      <UnitBreadcrumbs selection={complete} />
      <PageHeading
        id="indicator-title"
        title={found === null ? t('indicator.title') : name}
        selection={complete}
      />
      <LoadingPanel
        isLoading={complete === null || evaluation.isPending}
        error={evaluation.error}
        onRetry={() => void evaluation.refetch()}
      >
        {notFound || found === null ? (
          <Alert
            data-testid="indicator-not-found"
            type="warning"
            showIcon
            title={t('indicator.notFoundTitle')}
            description={t('indicator.notFound', { scorecard: names.scorecard, id })}
          />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <IndicatorSummary found={found} direction={direction} directionLoading={definitions.isPending} />
            <SeriesCard
              name={name}
              rows={rows}
              decimals={decimals}
              band={band}
              granularity={granularity}
              supported={supported}
              onGranularity={setGranularity}
              isLoading={window === null || series.isPending}
              error={series.error}
              onRetry={() => void series.refetch()}
            />
            {controlChart === undefined ? null : (
              <ControlChartCard name={name} chart={controlChart} decimals={decimals} />
            )}
            {through === null ? null : (
              <ForecastCard
                name={name}
                forecast={forecast.data}
                decimals={decimals}
                isLoading={forecast.isPending}
                error={forecast.error}
                onRetry={() => void forecast.refetch()}
              />
            )}
            <ChildrenCard
              name={name}
              unitName={names.unit}
              periodName={names.period}
              units={children}
              decimals={decimals}
              isLoading={ranking.isPending}
              error={ranking.error}
              onRetry={() => void ranking.refetch()}
              childHref={(orgUnit) => drill.indicatorHref(orgUnit, id)}
            />
            <FunnelCard
              name={name}
              periodName={names.period}
              funnel={funnel.data}
              decimals={decimals}
              isLoading={funnel.isPending}
              error={funnel.error}
              onRetry={() => void funnel.refetch()}
            />
            {rows === undefined ? null : <PeriodTable rows={rows} decimals={decimals} />}
          </Space>
        )}
      </LoadingPanel>
    </section>
  );
}
