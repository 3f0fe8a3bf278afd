/**
 * The scorecard of one org unit for one period, perspective by perspective (issue 5): each indicator with its
 * trend and its change since the previous period and the same period a year before (all read as one series),
 * an "Explain" drawer per indicator (opened by `?explain=<indicator>` too), "insufficient data" below the minimum
 * coverage, why a group's total is above all its members', and a drill-down heatmap of the unit's children × indicators. The drawer
 * and the heatmap load in their own chunks, when first needed.
 */
import { Space } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { PublicationBar } from '../../components/publication-bar.tsx';
import { ReportButton } from '../../components/report-button.tsx';
import { GroupAboveNote, InsufficientDataNote } from '../../components/total-notes.tsx';
import { UnitBreadcrumbs } from '../../components/unit-breadcrumbs.tsx';
import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import { useSeries } from '../../lib/api/series.ts';
import { formatPeriod } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useEvaluationView } from '../../lib/use-evaluation-view.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { PerspectiveTable } from './components/perspective-table.tsx';
import { TotalHeadline } from './components/total-headline.tsx';
import { historyWindow } from './history-window.ts';
import { type PerspectiveHistory, previousEvaluation } from './indicator-rows.ts';

const ExplainDrawer = lazy(() => import('./components/explain-drawer.tsx'));
const ChildrenHeatmap = lazy(() => import('./components/children-heatmap.tsx'));

type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

export function ScorecardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  const { view, setView, today, shown: evaluation } = useEvaluationView(complete);
  const period = complete?.period ?? null;
  const span = useMemo(() => (period === null ? null : historyWindow(period)), [period]);
  const series = useSeries(
    complete === null || span === null
      ? null
      : { scorecard: complete.scorecard, orgUnit: complete.orgUnit, from: span.from, to: span.to },
  );
  const previous = previousEvaluation(series.data, span?.previous ?? null);
  const yearAgo = previousEvaluation(series.data, span?.yearAgo ?? null);
  const trend = useMemo(() => {
    if (series.data === undefined || span === null) return undefined;
    const start = series.data.items.findIndex((item) => item.period === span.trendFrom);
    return series.data.items
      .slice(Math.max(0, start))
      .map((item) => (item.evaluation.weightCoverage === 0 ? undefined : item.evaluation));
  }, [series.data, span]);
  const [explained, setExplained] = useState<IndicatorJson | null>(null);
  const data = evaluation.data;
  // `?explain=<indicator>` (the overview's link from a group's note) opens that indicator's explanation once.
  const [params, setParams] = useSearchParams();
  const explainParam = params.get('explain');
  useEffect(() => {
    if (explainParam === null || data === undefined) return;
    const indicator = data.perspectives.flatMap((p) => p.indicators).find((i) => i.id === explainParam);
    if (indicator !== undefined) setExplained(indicator);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('explain');
        return next;
      },
      { replace: true },
    );
  }, [explainParam, data, setParams]);
  const explainById = (id: string) => {
    const indicator = data?.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id);
    if (indicator !== undefined) setExplained(indicator);
  };

  const historyOf = (id: string): PerspectiveHistory => ({
    yearAgo: yearAgo?.perspectives.find((entry) => entry.id === id),
    trend: trend?.map((item) => item?.perspectives.find((entry) => entry.id === id)),
  });

  return (
    <section aria-labelledby="scorecard-title">
      <UnitBreadcrumbs selection={complete} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
        <PageHeading id="scorecard-title" title={t('scorecard.title')} selection={complete} />
        <ReportButton selection={complete} kind="evaluation" />
      </div>
      {complete === null ? null : (
        <PublicationBar
          selection={complete}
          today={today.data}
          view={view}
          onViewChange={setView}
          unitName={names.unit}
        />
      )}
      <LoadingPanel
        isLoading={evaluation.isPending}
        error={evaluation.error}
        isEmpty={data !== undefined && data.perspectives.length === 0}
        emptyText={t('scorecard.empty', { unit: names.unit, period: names.period })}
        onRetry={() => void evaluation.refetch()}
      >
        {complete === null || data === undefined ? null : (
          <>
            <TotalHeadline evaluation={data} />
            <InsufficientDataNote evaluation={data} />
            <GroupAboveNote evaluation={data} selection={complete} onExplain={explainById} />
          </>
        )}
        {complete === null ? null : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {data?.perspectives.map((perspective) => (
              <PerspectiveTable
                key={perspective.id}
                perspective={perspective}
                previous={previous?.perspectives.find((entry) => entry.id === perspective.id)}
                previousLabel={
                  previous === undefined || span === null ? null : formatPeriod(span.previous, language)
                }
                history={historyOf(perspective.id)}
                yearAgoLabel={
                  yearAgo === undefined || span === null ? null : formatPeriod(span.yearAgo, language)
                }
                trendLabels={
                  span === null
                    ? null
                    : {
                        from: formatPeriod(span.trendFrom, language),
                        to: formatPeriod(span.to, language),
                      }
                }
                selection={complete}
                onExplain={setExplained}
                unitName={names.unit}
              />
            ))}
            <Suspense fallback={null}>
              <ChildrenHeatmap
                scorecard={complete.scorecard}
                orgUnit={complete.orgUnit}
                period={complete.period}
                unitName={names.unit}
              />
            </Suspense>
          </Space>
        )}
      </LoadingPanel>
      {complete === null || explained === null ? null : (
        <Suspense fallback={null}>
          <ExplainDrawer
            query={{ ...complete, indicator: explained.id }}
            indicatorName={localize(explained.name, language)}
            unitName={names.unit}
            onClose={() => setExplained(null)}
          />
        </Suspense>
      )}
    </section>
  );
}
