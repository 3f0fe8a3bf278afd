/**
 * The report's charts rendered on the server by ECharts to SVG (`renderToSVGString`, server-side rendering with
 * `echarts/core` and only the charts used), which pdfmake draws as vectors. No browser, no canvas.
 */
import { BarChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, RadarComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartData } from '../../core/reports/report-model.ts';
import { PDF_SVG_FONT } from './pdf/pdfmake.ts';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  GridComponent,
  RadarComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** The font ECharts writes into the SVG; pdfmake maps it to the CJK face (pdf/pdfmake.ts). */
const FONT = PDF_SVG_FONT;
const COLOR = '#1f5fa8';

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // No animation: the SVG is the final frame.
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The perspective scores on a radar (0–100). */
export function radarSvg(data: ChartData): string {
  return render(
    {
      title: { text: data.titles.radar, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
      radar: {
        indicator: data.perspectives.map((p) => ({ name: p.name, max: 100, min: 0 })),
        radius: '62%',
        center: ['50%', '56%'],
        axisName: { color: '#333', fontFamily: FONT },
      },
      series: [
        {
          type: 'radar',
          data: [{ value: data.perspectives.map((p) => round2(p.score) ?? 0) }],
          areaStyle: { opacity: 0.25 },
          lineStyle: { color: COLOR },
          itemStyle: { color: COLOR },
        },
      ],
    },
    420,
    300,
  );
}

/** The perspective scores as bars with their values. */
export function barsSvg(data: ChartData): string {
  return render(
    {
      title: { text: data.titles.bars, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
      grid: { left: 40, right: 16, top: 40, bottom: 48 },
      xAxis: {
        type: 'category',
        data: data.perspectives.map((p) => p.name),
        axisLabel: { interval: 0, fontFamily: FONT, fontSize: 10 },
      },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          data: data.perspectives.map((p) => round2(p.score)),
          itemStyle: { color: COLOR },
          label: { show: true, position: 'top', fontFamily: FONT, formatter: '{c}' },
        },
      ],
    },
    420,
    260,
  );
}

/** The composite over the periods given, a line. */
export function trendSvg(data: ChartData): string {
  return render(
    {
      title: { text: data.titles.trend, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.trend.map((t) => t.period) },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'line',
          data: data.trend.map((t) => round2(t.total)),
          connectNulls: false,
          itemStyle: { color: COLOR },
          label: { show: true, fontFamily: FONT },
        },
      ],
    },
    420,
    240,
  );
}

/** Units × perspectives, coloured by score. */
export function heatmapSvg(data: {
  readonly units: readonly string[];
  readonly perspectives: readonly string[];
  readonly scores: readonly (readonly (number | null)[])[];
  readonly title: string;
}): string {
  const cells = data.scores.flatMap((row, y) =>
    row.map((score, x) => [x, y, score === null ? '-' : Math.round(score * 10) / 10]),
  );
  const values = data.scores.flat().filter((v): v is number => v !== null);
  const height = Math.max(200, 60 + data.units.length * 18);
  return render(
    {
      title: { text: data.title, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
      grid: { left: 90, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: [...data.perspectives], axisLabel: { interval: 0, fontSize: 9 } },
      yAxis: { type: 'category', data: [...data.units], inverse: true, axisLabel: { fontSize: 9 } },
      visualMap: {
        min: values.length === 0 ? 0 : Math.floor(Math.min(...values)),
        max: values.length === 0 ? 100 : Math.ceil(Math.max(...values)),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        inRange: { color: ['#d73027', '#fee08b', '#1a9850'] },
      },
      series: [{ type: 'heatmap', data: cells, label: { show: true, fontSize: 8 } }],
    },
    520,
    height,
  );
}
