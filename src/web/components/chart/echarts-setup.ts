/**
 * The parts of ECharts every chart page draws with, registered once on `echarts/core`. Importing `echarts`
 * itself would pull in every chart type (≈520 KB gzipped, ../shared/STACK.md). The heatmap, visual map and
 * scrolling (dataZoom) parts are registered by ./echarts-heatmap.ts, which only the comparison page loads.
 */

import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  RadarSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import { BarChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  RadarChart,
  GridComponent,
  TooltipComponent,
  RadarComponent,
  // The legend and the shaded on-target band of the indicator page's time series.
  LegendComponent,
  MarkAreaComponent,
  // The indicator page's monitoring: error bars and target lines (mark lines), the funnel's units (scatter).
  MarkLineComponent,
  ScatterChart,
  CanvasRenderer,
]);

/** An option built only from the parts registered here and in ./echarts-heatmap.ts. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | RadarComponentOption
  | VisualMapComponentOption
  | DataZoomComponentOption
>;
