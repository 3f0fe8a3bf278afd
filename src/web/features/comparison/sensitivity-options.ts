/**
 * The sensitivity panel's three ECharts options: the perspectives' weight intervals (a bar from p05 to p95 on an
 * invisible base, the mean as a dot), the units × ranks probability heatmap, and one perspective's sweep (each
 * unit's total as that weight moves from 0 to 1, its current weight and its critical value marked).
 */
import '../../components/chart/echarts-heatmap.ts';
import type { ChartOption } from '../../components/chart/lazy-chart.tsx';
import type { SensitivityJson } from '../../lib/api/sensitivity.ts';
import { formatPercent, formatScore } from '../../lib/format.ts';
import type { Language } from '../../lib/i18n/languages.ts';

const INTERVAL_COLOR = '#69b1ff';
const MEAN_COLOR = '#0b6e99';

export function weightIntervalsOption(
  perspectives: readonly string[],
  weights: SensitivityJson['weights'],
  language: Language,
  words: { readonly interval: string; readonly mean: string },
): ChartOption {
  const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value, language) : '—');
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percent },
    legend: { data: [words.interval, words.mean], top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...perspectives] },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (value: number) => percent(value) } },
    series: [
      // The invisible base lifts the visible bar to p05; stacked, the two reach p95.
      {
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: weights.map((w) => w.p05),
        tooltip: { show: false },
      },
      {
        name: words.interval,
        type: 'bar',
        stack: 'interval',
        itemStyle: { color: INTERVAL_COLOR },
        data: weights.map((w) => w.p95 - w.p05),
      },
      {
        name: words.mean,
        type: 'scatter',
        symbolSize: 10,
        itemStyle: { color: MEAN_COLOR },
        data: weights.map((w) => w.mean),
      },
    ],
  };
}

/** Shares in five bands, so a certain rank (1.0) and an impossible one (0) stand apart at a glance. */
const PROBABILITY_PIECES = [
  { min: 0, max: 0, color: '#f5f5f5' },
  { gt: 0, lt: 0.25, color: '#d6e4ff' },
  { gte: 0.25, lt: 0.5, color: '#85a5ff' },
  { gte: 0.5, lt: 0.75, color: '#2f54eb' },
  { gte: 0.75, lte: 1, color: '#10239e' },
];

export function rankProbabilityOption(
  units: readonly string[],
  probability: SensitivityJson['rankProbability'],
  language: Language,
): ChartOption {
  const ranks = units.map((_, r) => String(r + 1));
  return {
    animation: false,
    tooltip: {
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const value = item?.value;
        if (!Array.isArray(value)) return '';
        const [rank, unit, share] = value as [number, number, number];
        return `${units[unit] ?? ''} · #${rank + 1}: ${formatPercent(share, language)}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: ranks },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...units],
      axisLabel: { width: 200, overflow: 'truncate' },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      pieces: PROBABILITY_PIECES,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      show: false,
    },
    series: [
      {
        type: 'heatmap',
        data: probability.flatMap((row, unit) => row.map((share, rank) => [rank, unit, share])),
        label: {
          show: units.length <= 12,
          formatter: (p) => {
            const value = Array.isArray(p.value) ? p.value[2] : undefined;
            return typeof value === 'number' && value > 0 ? formatPercent(value, language, 0) : '';
          },
        },
      },
    ],
  };
}

export function sweepOption(
  units: readonly string[],
  sweep: SensitivityJson['sweep'][number],
  critical: SensitivityJson['critical'][number] | undefined,
  language: Language,
  words: { readonly current: string; readonly critical: string },
): ChartOption {
  const marks = [
    ...(critical === undefined
      ? []
      : [
          {
            xAxis: critical.weight,
            name: words.current,
            lineStyle: { type: 'solid' as const, color: '#595959' },
          },
        ]),
    ...(critical?.critical == null
      ? []
      : [
          {
            xAxis: critical.critical,
            name: words.critical,
            lineStyle: { type: 'dashed' as const, color: '#cf1322' },
          },
        ]),
  ];
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? formatScore(value, language) : '—'),
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => formatPercent(value, language, 0) },
    },
    yAxis: { type: 'value', scale: true },
    series: units.map((name, i) => ({
      name,
      type: 'line' as const,
      showSymbol: false,
      data: sweep.at.map((at, p) => [at, sweep.totals[i]?.[p] ?? null]),
      ...(i === 0 && marks.length > 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              label: {
                formatter: (p: { name?: string; value?: unknown }) =>
                  `${p.name ?? ''} ${typeof p.value === 'number' ? formatPercent(p.value, language) : ''}`,
              },
              data: marks,
            },
          }
        : {}),
    })),
  };
}
