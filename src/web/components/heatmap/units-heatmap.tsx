/**
 * The units × indicators heatmap, shared by the comparison page and the scorecard's drill-down. It takes a
 * ready matrix (heatmap-matrix.ts), so the benchmark can draw 500 × 40 synthetic cells with the very component
 * the pages use. A page that drills down passes `onCell` (a cell: that unit's indicator) and `onUnit` (a row's
 * name: that unit's scorecard).
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { Chart, type ChartClick } from '../chart/lazy-chart.tsx';
import type { HeatmapMatrix } from './heatmap-matrix.ts';
import { chartHeight, heatmapOption, VISIBLE_ROWS } from './heatmap-option.ts';

type HeatmapRow = HeatmapMatrix['units'][number];
type HeatmapColumn = HeatmapMatrix['indicators'][number];

export interface UnitsHeatmapProps {
  readonly matrix: HeatmapMatrix;
  /** What a screen reader says of the chart (how many units and indicators it shows). */
  readonly ariaLabel: string;
  readonly testId: string;
  readonly onFinished?: () => void;
  /** Rows drawn at once before the heatmap scrolls (default VISIBLE_ROWS). */
  readonly visibleRows?: number;
  /** A click on a cell: its unit and indicator. */
  readonly onCell?: (unit: HeatmapRow, indicator: HeatmapColumn) => void;
  /** A click on a row's name: its unit. */
  readonly onUnit?: (unit: HeatmapRow) => void;
}

export function UnitsHeatmap({
  matrix,
  ariaLabel,
  testId,
  onFinished,
  visibleRows = VISIBLE_ROWS,
  onCell,
  onUnit,
}: UnitsHeatmapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Whether names take clicks, not the handler itself: a new handler each render must not redraw the chart.
  const clickableRows = onUnit !== undefined;
  const option = useMemo(
    () =>
      heatmapOption(
        matrix,
        language,
        {
          met: t('status.met'),
          watch: t('status.watch'),
          offTrack: t('status.offTrack'),
          noData: t('status.noData'),
        },
        visibleRows,
        clickableRows,
      ),
    [matrix, language, t, visibleRows, clickableRows],
  );
  const drills = onCell !== undefined || onUnit !== undefined;
  const onItemClick = useCallback(
    (click: ChartClick) => {
      if (click.dataIndex === undefined) return;
      if (click.componentType === 'yAxis') {
        const unit = matrix.units[click.dataIndex];
        if (unit !== undefined) onUnit?.(unit);
        return;
      }
      if (click.componentType !== 'series') return;
      const cell = matrix.cells[click.dataIndex];
      const unit = cell === undefined ? undefined : matrix.units[cell[1]];
      const indicator = cell === undefined ? undefined : matrix.indicators[cell[0]];
      if (unit !== undefined && indicator !== undefined) onCell?.(unit, indicator);
    },
    [matrix, onCell, onUnit],
  );
  const rotated = matrix.indicators.length > 6;
  return (
    <Chart
      option={option}
      height={chartHeight(matrix.units.length, rotated ? 150 : 90, visibleRows)}
      testId={testId}
      ariaLabel={ariaLabel}
      {...(onFinished === undefined ? {} : { onFinished })}
      {...(drills ? { onItemClick } : {})}
    />
  );
}
