/**
 * Comparison of the selected unit's children (or all its descendants): the ranking as bars and as a table, the
 * head hospital and the branches told apart (ranked among units of the same type and level unless mixing is
 * switched on; "insufficient data" last, unranked), the same cohort ranked by objective methods beside the
 * scorecard's rank, how stable the perspective weights and the ranking are (sensitivity), and a units × indicators heatmap of quantified values.
 * The table reads one sorted page of summary rows at a time, the chart the first ranks, the heatmap the compact
 * matrix; only the sensitivity analysis reads the units' full evaluations.
 */
import { Col, Row, Segmented, Spin, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { heatmapFromRankingMatrix } from '../../components/heatmap/heatmap-matrix.ts';
import { UnitsHeatmap } from '../../components/heatmap/units-heatmap.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { ReportButton } from '../../components/report-button.tsx';
import {
  RANKING_DEPTHS,
  type RankingQuery,
  useRankingMatrix,
  useRankingPage,
  useRankings,
} from '../../lib/api/rankings.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useDrillDown } from '../../lib/use-drill-down.ts';
import { useSearchParam, useSelection } from '../../lib/use-selection.ts';
import { ObjectiveRankingsPanel } from './components/objective-rankings-panel.tsx';
import { RankingChart } from './components/ranking-chart.tsx';
import { RANKING_PAGE_SIZE, RankingTable, type RankingTableState } from './components/ranking-table.tsx';
import { SensitivityPanel } from './components/sensitivity-panel.tsx';

/** How many of the first ranks the chart draws. */
const CHART_UNITS = 100;

/** The sensitivity analysis, which needs the units' full evaluations: read on their own. */
function SensitivitySection({ query }: { readonly query: RankingQuery }) {
  const full = useRankings(query);
  if (full.data === undefined) return <Spin />;
  return <SensitivityPanel scorecard={query.scorecard} items={full.data.items} />;
}

export function ComparisonPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  // A bar, a row's name or a heatmap cell opens that unit's scorecard or indicator (issue 17 §2).
  const drill = useDrillDown(complete);
  const [depth, setDepth] = useSearchParam('depth', RANKING_DEPTHS, 'children');
  // Hospitals are ranked with hospitals, departments with departments, unless mixing is switched on.
  const [mixed, setMixed] = useSearchParam('mix', ['true', 'false'] as const, 'false');
  const mix = mixed === 'true';
  const query: RankingQuery | null =
    complete === null
      ? null
      : { scorecard: complete.scorecard, parent: complete.orgUnit, period: complete.period, depth, mix };
  const [table, setTable] = useState<RankingTableState>({ sort: 'rank', order: 'asc', page: 1 });
  const tablePage = useRankingPage(
    query && {
      ...query,
      sort: table.sort,
      order: table.order,
      limit: RANKING_PAGE_SIZE,
      offset: (table.page - 1) * RANKING_PAGE_SIZE,
    },
  );
  // The chart draws the first ranks (past a hundred bars it is no longer read).
  const ranking = useRankingPage(
    query && { ...query, sort: 'rank', order: 'asc', limit: CHART_UNITS, offset: 0 },
  );
  const heatmap = useRankingMatrix(query);
  const items = ranking.data?.items;
  const matrixData = heatmap.data;
  const matrix = useMemo(
    () => (matrixData === undefined ? null : heatmapFromRankingMatrix(matrixData, language, drill.label)),
    [matrixData, language, drill.label],
  );

  return (
    <section aria-labelledby="comparison-title">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
        <PageHeading id="comparison-title" title={t('comparison.title')} selection={complete} />
        <ReportButton selection={complete} kind="group" />
      </div>
      <div style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('comparison.depth')}
          data-testid="comparison-depth"
          value={depth}
          onChange={(value) => {
            const next = RANKING_DEPTHS.find((candidate) => candidate === value);
            if (next !== undefined) setDepth(next);
          }}
          options={[
            { value: 'children', label: t('comparison.children') },
            { value: 'descendants', label: t('comparison.descendants') },
          ]}
        />
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, marginLeft: 16 }}>
          <Switch
            id="comparison-mix"
            data-testid="comparison-mix"
            checked={mix}
            onChange={(checked) => setMixed(checked ? 'true' : 'false')}
          />
          <label htmlFor="comparison-mix" title={t('comparison.mixHint')}>
            {t('comparison.mix')}
          </label>
        </span>
      </div>
      <LoadingPanel
        isLoading={ranking.isPending}
        error={ranking.error}
        isEmpty={items !== undefined && items.length === 0}
        emptyText={t('comparison.empty', { unit: names.unit })}
        onRetry={() => void ranking.refetch()}
      >
        {items === undefined || tablePage.data === undefined ? null : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={10}>
              <Panel title={t('comparison.ranking')} fill>
                <RankingChart items={items} drill={drill} />
              </Panel>
            </Col>
            <Col xs={24} xxl={14}>
              <Panel title={t('comparison.table')} headingId="ranking-table-title" fill>
                <RankingTable
                  data={tablePage.data}
                  state={table}
                  onChange={setTable}
                  loading={tablePage.isFetching}
                  labelledBy="ranking-table-title"
                  drill={drill}
                />
              </Panel>
            </Col>
            {complete === null ? null : (
              <Col xs={24}>
                <Panel title={t('objectiveRankings.title')}>
                  <ObjectiveRankingsPanel
                    scorecard={complete.scorecard}
                    parent={complete.orgUnit}
                    period={complete.period}
                    depth={depth}
                    drill={drill}
                  />
                </Panel>
              </Col>
            )}
            {query === null ? null : (
              <Col xs={24}>
                <Panel title={t('sensitivity.title')}>
                  <SensitivitySection query={query} />
                </Panel>
              </Col>
            )}
            <Col xs={24}>
              <Panel title={t('comparison.heatmap')}>
                {matrix === null ? (
                  <Spin />
                ) : (
                  <UnitsHeatmap
                    matrix={matrix}
                    testId="comparison-heatmap"
                    onCell={(unit, indicator) => drill.openIndicator(unit.code, indicator.id)}
                    onUnit={(unit) => drill.openUnit(unit.code)}
                    ariaLabel={t('comparison.heatmapLabel', {
                      units: matrix.units.length,
                      indicators: matrix.indicators.length,
                    })}
                  />
                )}
              </Panel>
            </Col>
          </Row>
        )}
      </LoadingPanel>
    </section>
  );
}
