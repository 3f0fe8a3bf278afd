/**
 * The scorecard's drill-down: the selected unit's children × indicators, each cell coloured by the child's own
 * status for that indicator (the compact matrix of `GET /api/rankings/matrix`, the real scores). Loaded on its own, so
 * the heatmap's ECharts parts stay out of the scorecard's first chunk. A cell opens that child's indicator, a
 * child's name its scorecard (same scorecard and period), for the children the reader may open.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { heatmapFromRankingMatrix } from '../../../components/heatmap/heatmap-matrix.ts';
import { UnitsHeatmap } from '../../../components/heatmap/units-heatmap.tsx';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { useRankingMatrix } from '../../../lib/api/rankings.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { useDrillDown } from '../../../lib/use-drill-down.ts';

export interface ChildrenHeatmapProps {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly unitName: string;
}

export default function ChildrenHeatmap({ scorecard, orgUnit, period, unitName }: ChildrenHeatmapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const drill = useDrillDown(useMemo(() => ({ scorecard, orgUnit, period }), [scorecard, orgUnit, period]));
  const ranking = useRankingMatrix({ scorecard, parent: orgUnit, period, depth: 'children' });
  const data = ranking.data;
  const items = data?.units;
  const matrix = useMemo(
    () => (data === undefined ? null : heatmapFromRankingMatrix(data, language, drill.label)),
    [data, language, drill.label],
  );
  return (
    <Panel title={t('scorecard.childrenHeatmap')} testId="children-heatmap-panel">
      <LoadingPanel
        isLoading={ranking.isPending}
        error={ranking.error}
        isEmpty={items !== undefined && items.length === 0}
        emptyText={t('scorecard.noChildren', { unit: unitName })}
        onRetry={() => void ranking.refetch()}
      >
        {matrix === null ? null : (
          <div data-testid="children-heatmap" data-units={matrix.units.length}>
            <UnitsHeatmap
              matrix={matrix}
              testId="children-heatmap-chart"
              onCell={(unit, indicator) => drill.openIndicator(unit.code, indicator.id)}
              onUnit={(unit) => drill.openUnit(unit.code)}
              ariaLabel={t('scorecard.childrenHeatmapLabel', {
                units: matrix.units.length,
                indicators: matrix.indicators.length,
              })}
            />
          </div>
        )}
      </LoadingPanel>
    </Panel>
  );
}
