/**
 * Comparison of the selected unit's children (or all its descendants): the ranking as bars and as a table, the
 * head hospital and the branches told apart (ranked among units of the same type and level unless mixing is
 * switched on; "insufficient data" last, unranked), the same cohort ranked by objective methods beside the
 * scorecard's rank, how stable the perspective weights and the ranking are (sensitivity), and a units × indicators heatmap of quantified values.
 */
import { Col, Row, Segmented, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildHeatmapMatrix } from '../../components/heatmap/heatmap-matrix.ts';
import { UnitsHeatmap } from '../../components/heatmap/units-heatmap.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { ReportButton } from '../../components/report-button.tsx';
import { RANKING_DEPTHS, useRankings } from '../../lib/api/rankings.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useSearchParam, useSelection } from '../../lib/use-selection.ts';
import { ObjectiveRankingsPanel } from './components/objective-rankings-panel.tsx';
import { RankingChart } from './components/ranking-chart.tsx';
import { RankingTable } from './components/ranking-table.tsx';
import { SensitivityPanel } from './components/sensitivity-panel.tsx';

export function ComparisonPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  const [depth, setDepth] = useSearchParam('depth', RANKING_DEPTHS, 'children');
  // Hospitals are ranked with hospitals, departments with departments, unless mixing is switched on.
  const [mixed, setMixed] = useSearchParam('mix', ['true', 'false'] as const, 'false');
  const mix = mixed === 'true';
  const ranking = useRankings(
    complete === null
      ? null
      : { scorecard: complete.scorecard, parent: complete.orgUnit, period: complete.period, depth, mix },
  );
  const items = ranking.data?.items;
  const matrix = useMemo(
    () => (items === undefined ? null : buildHeatmapMatrix(items, language)),
    [items, language],
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
        {items === undefined || matrix === null ? null : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={10}>
              <Panel title={t('comparison.ranking')} fill>
                <RankingChart items={items} />
              </Panel>
            </Col>
            <Col xs={24} xxl={14}>
              <Panel title={t('comparison.table')} headingId="ranking-table-title" fill>
                <RankingTable items={items} labelledBy="ranking-table-title" />
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
                  />
                </Panel>
              </Col>
            )}
            {complete === null ? null : (
              <Col xs={24}>
                <Panel title={t('sensitivity.title')}>
                  <SensitivityPanel scorecard={complete.scorecard} items={items} />
                </Panel>
              </Col>
            )}
            <Col xs={24}>
              <Panel title={t('comparison.heatmap')}>
                <UnitsHeatmap
                  matrix={matrix}
                  testId="comparison-heatmap"
                  ariaLabel={t('comparison.heatmapLabel', {
                    units: matrix.units.length,
                    indicators: matrix.indicators.length,
                  })}
                />
              </Panel>
            </Col>
          </Row>
        )}
      </LoadingPanel>
    </section>
  );
}
