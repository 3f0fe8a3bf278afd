/**
 * The units × indicators heatmap's ECharts option, each cell coloured by its status (lib/status.ts's colours)
 * with the quantified value in its tooltip, and the row sizing the comparison's ranking bars share with it (one
 * row height, a scroll bar past VISIBLE_ROWS).
 */
import '../chart/echarts-heatmap.ts';
import { escapeHtml } from '../../lib/escape-html.ts';
import { formatNumber } from '../../lib/format.ts';
import type { Language } from '../../lib/i18n/languages.ts';
import { STATUS_COLORS } from '../../lib/status.ts';
import type { ChartOption } from '../chart/lazy-chart.tsx';
import { HEATMAP_STATUSES, type HeatmapMatrix } from './heatmap-matrix.ts';

/** Rows shown at once before the charts scroll (dataZoom): beyond it, labels would overlap. */
export const VISIBLE_ROWS = 30;
/** The height of one row of the ranking bars and the heatmap, in pixels. */
export const ROW_HEIGHT = 24;

export function chartHeight(rows: number, extra: number, visibleRows: number = VISIBLE_ROWS): number {
  return Math.max(3, Math.min(rows, visibleRows)) * ROW_HEIGHT + extra;
}

/** A scroll bar (and wheel scrolling) over the rows when there are more than `visibleRows`. */
export function scrollRows(rows: number, visibleRows: number = VISIBLE_ROWS): ChartOption['dataZoom'] {
  if (rows <= visibleRows) return [];
  const window = { startValue: 0, endValue: visibleRows - 1 };
  return [
    { type: 'slider', yAxisIndex: 0, ...window, right: 4, width: 14, showDetail: false },
    { type: 'inside', yAxisIndex: 0, ...window, zoomOnMouseWheel: false, moveOnMouseWheel: true },
  ];
}

export interface HeatmapLabels {
  readonly met: string;
  readonly watch: string;
  readonly offTrack: string;
  readonly noData: string;
}

const LABEL_OF = {
  met: 'met',
  watch: 'watch',
  'off-track': 'offTrack',
  'no-data': 'noData',
} as const satisfies Record<(typeof HEATMAP_STATUSES)[number], keyof HeatmapLabels>;

/**
 * `visibleRows`: rows drawn at once (the rest scroll); the benchmark also draws all 500 rows to measure the
 * heatmap itself. `clickableRows`: the units' names take clicks (they lead to the unit's scorecard).
 */
export function heatmapOption(
  matrix: HeatmapMatrix,
  language: Language,
  labels: HeatmapLabels,
  visibleRows: number = VISIBLE_ROWS,
  clickableRows = false,
): ChartOption {
  const columns = matrix.indicators.length;
  const scrolls = matrix.units.length > visibleRows;
  return {
    // 20,000 cells: no entry animation, no hover animation; the first frame is the finished chart.
    animation: false,
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const value = first?.value;
        if (!Array.isArray(value)) return '';
        const [x, y, , quantified] = value;
        const unit = typeof y === 'number' ? (matrix.units[y]?.label ?? '') : '';
        const indicator = typeof x === 'number' ? matrix.indicators[x] : undefined;
        const shown =
          typeof quantified === 'number' && Number.isFinite(quantified)
            ? formatNumber(quantified, language, 2)
            : labels.noData;
        return `${escapeHtml(unit)}<br/>${escapeHtml(indicator?.perspective ?? '')} · ${escapeHtml(
          indicator?.label ?? '',
        )}: <b>${escapeHtml(shown)}</b>`;
      },
    },
    grid: { left: 8, right: scrolls ? 40 : 16, top: 8, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: matrix.indicators.map((indicator) => indicator.label),
      splitArea: { show: true },
      axisLabel: {
        interval: 0,
        rotate: columns > 6 ? 40 : 0,
        width: columns > 6 ? 110 : 140,
        overflow: 'truncate',
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: matrix.units.map((unit) => unit.label),
      splitArea: { show: true },
      // A unit's name opens its scorecard (the drill-down): the label's clicks reach the chart's handler.
      triggerEvent: clickableRows,
      axisLabel: { width: 200, overflow: 'truncate', interval: 0 },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      // The status the evaluation sent, by its index: the web draws the server's verdict, not thresholds of its own.
      pieces: HEATMAP_STATUSES.map((status, index) => ({
        value: index,
        label: labels[LABEL_OF[status]],
        color: STATUS_COLORS[status],
      })),
    },
    dataZoom: scrollRows(matrix.units.length, visibleRows),
    series: [
      {
        type: 'heatmap',
        // Copies: ECharts keeps what it is given, and the matrix is shared (memoised) and read-only.
        data: matrix.cells.map((cell) => [...cell]),
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
        progressive: 0,
      },
    ],
  };
}
