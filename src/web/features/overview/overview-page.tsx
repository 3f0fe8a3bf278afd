/**
 * Overview of one org unit under one scorecard for one period: the composite score and its rating, perspective
 * scores (list, radar, bars), "insufficient data" below the minimum coverage, why a group is above all its
 * members, data coverage, data status (approval, sub-units awaiting approval, missing
 * values), its sub-units (each a link to its scorecard), the total's trend, and the best and worst indicators.
 */
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { PublicationBar } from '../../components/publication-bar.tsx';
import { ReportButton } from '../../components/report-button.tsx';
import { GroupAboveNote } from '../../components/total-notes.tsx';
import { UnitBreadcrumbs } from '../../components/unit-breadcrumbs.tsx';
import { useSubtreeApprovals } from '../../lib/api/approvals.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { useSeries } from '../../lib/api/series.ts';
import { MISSING_KIND_KEYS, missingKind } from '../../lib/missing-data.ts';
import { trendWindow } from '../../lib/period-window.ts';
import { useEvaluationView } from '../../lib/use-evaluation-view.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { CoverageCard } from './components/coverage-card.tsx';
import { DataStatusCard } from './components/data-status-card.tsx';
import { IndicatorExtremesCard } from './components/indicator-extremes-card.tsx';
import { PerspectiveBarsCard, PerspectiveRadarCard } from './components/perspective-charts.tsx';
import { PerspectiveScoresCard } from './components/perspective-scores-card.tsx';
import { SubUnitsCard } from './components/sub-units-card.tsx';
import { TotalScoreCard } from './components/total-score-card.tsx';
import { TotalTrendCard } from './components/total-trend-card.tsx';
import { dataStatus } from './data-status.ts';
import { rankIndicators } from './rank-indicators.ts';

/** How many indicators the best and worst lists show. */
const EXTREMES = 5;

export function OverviewPage() {
  const { t } = useTranslation();
  const { complete } = useSelection();
  const navigate = useNavigate();
  const names = useSelectionNames(complete);
  const { view, setView, today, shown: evaluation } = useEvaluationView(complete);
  const trend = complete === null ? null : trendWindow(complete.period);
  const series = useSeries(
    complete === null || trend === null
      ? null
      : { scorecard: complete.scorecard, orgUnit: complete.orgUnit, from: trend.from, to: trend.to },
  );
  const data = evaluation.data;
  const ranked = data === undefined ? null : rankIndicators(data, EXTREMES);
  const orgUnits = useOrgUnits();
  const approvals = useSubtreeApprovals(complete);
  const children = (orgUnits.data ?? [])
    .filter((unit) => complete !== null && unit.parent === complete.orgUnit)
    .map((unit) => unit.code);
  // Without the approvals (still loading, or not readable by this user) the sub-unit counts are left out
  // rather than shown as "not submitted".
  const status =
    data === undefined
      ? null
      : approvals.isSuccess
        ? dataStatus(data, children, approvals.data)
        : dataStatus(data, [], []);

  return (
    <section aria-labelledby="overview-title">
      <UnitBreadcrumbs selection={complete} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
        <PageHeading id="overview-title" title={t('overview.title')} selection={complete} />
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
        isEmpty={data !== undefined && data.total === null && !data.insufficientData}
        emptyText={
          data === undefined
            ? t('overview.noData', { unit: names.unit, period: names.period })
            : t(MISSING_KIND_KEYS[missingKind(data)], { unit: names.unit, period: names.period })
        }
        onRetry={() => void evaluation.refetch()}
      >
        {data === undefined || complete === null ? null : (
          <GroupAboveNote
            evaluation={data}
            selection={complete}
            onExplain={(indicator) =>
              void navigate({
                pathname: '/scorecard',
                search: new URLSearchParams({ ...complete, explain: indicator }).toString(),
              })
            }
          />
        )}
        {data === undefined || ranked === null ? null : (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <TotalScoreCard evaluation={data} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <PerspectiveScoresCard evaluation={data} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <CoverageCard evaluation={data} />
            </Col>
            {status === null ? null : (
              <Col xs={24} md={12} xl={6}>
                <DataStatusCard evaluation={data} status={status} />
              </Col>
            )}
            <Col xs={24} lg={12}>
              <PerspectiveRadarCard evaluation={data} />
            </Col>
            <Col xs={24} lg={12}>
              <PerspectiveBarsCard evaluation={data} />
            </Col>
            {complete === null || children.length === 0 ? null : (
              <Col xs={24}>
                <SubUnitsCard selection={complete} unitName={names.unit} />
              </Col>
            )}
            <Col xs={24}>
              <TotalTrendCard
                series={series.data}
                isLoading={series.isPending}
                error={series.error}
                onRetry={() => void series.refetch()}
              />
            </Col>
            <Col xs={24} lg={12}>
              <IndicatorExtremesCard
                title={t('overview.best')}
                entries={ranked.best}
                testId="best-indicators"
                emptyText={t(ranked.withValue === 0 ? 'overview.noIndicators' : 'overview.noneOnTarget')}
              />
            </Col>
            <Col xs={24} lg={12}>
              <IndicatorExtremesCard
                title={t('overview.worst')}
                entries={ranked.worst}
                testId="worst-indicators"
                emptyText={t(ranked.withValue === 0 ? 'overview.noIndicators' : 'overview.noneNeedAttention')}
              />
            </Col>
          </Row>
        )}
      </LoadingPanel>
    </section>
  );
}
