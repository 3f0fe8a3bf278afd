/**
 * The units × indicators heatmap. It takes a ready matrix (heatmap-matrix.ts), so the benchmark can draw
 * 500 × 40 synthetic cells with the very component the page uses.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { chartHeight, heatmapOption, VISIBLE_ROWS } from '../chart-options.ts';
import type { HeatmapMatrix } from '../heatmap-matrix.ts';

export interface ComparisonHeatmapProps {
  readonly matrix: HeatmapMatrix;
  readonly onFinished?: () => void;
  /** Rows drawn at once before the heatmap scrolls (default VISIBLE_ROWS). */
  readonly visibleRows?: number;
}

export function ComparisonHeatmap({
  matrix,
  onFinished,
  visibleRows = VISIBLE_ROWS,
}: ComparisonHeatmapProps) {
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
      testId="comparison-heatmap"
      ariaLabel={t('comparison.heatmapLabel', {
        units: matrix.units.length,
        indicators: matrix.indicators.length,
      })}
      {...(onFinished === undefined ? {} : { onFinished })}
    />
  );
}
