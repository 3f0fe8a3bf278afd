/**
 * The units × indicators heatmap, shared by the comparison page and the scorecard's drill-down. It takes a
 * ready matrix (heatmap-matrix.ts), so the benchmark can draw 500 × 40 synthetic cells with the very component
 * the pages use.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { Chart } from '../chart/lazy-chart.tsx';
import type { HeatmapMatrix } from './heatmap-matrix.ts';
import { chartHeight, heatmapOption, VISIBLE_ROWS } from './heatmap-option.ts';

export interface UnitsHeatmapProps {
  readonly matrix: HeatmapMatrix;
  /** What a screen reader says of the chart (how many units and indicators it shows). */
  readonly ariaLabel: string;
  readonly testId: string;
  readonly onFinished?: () => void;
  /** Rows drawn at once before the heatmap scrolls (default VISIBLE_ROWS). */
  readonly visibleRows?: number;
}

export function UnitsHeatmap({
  matrix,
  ariaLabel,
  testId,
  onFinished,
  visibleRows = VISIBLE_ROWS,
}: UnitsHeatmapProps) {
  const { t } = useTranslation();
  const language = useLanguage();
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
      ),
    [matrix, language, t, visibleRows],
  );
  const rotated = matrix.indicators.length > 6;
  return (
    <Chart
      option={option}
      height={chartHeight(matrix.units.length, rotated ? 150 : 90, visibleRows)}
      testId={testId}
      ariaLabel={ariaLabel}
      {...(onFinished === undefined ? {} : { onFinished })}
    />
  );
}
