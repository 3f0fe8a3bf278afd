/**
 * The indicator page's monitoring charts (src/core/monitoring/README.md): the control chart (value, centre line,
 * 3σ limits, special-cause points marked, Wilson error bars on small denominators), the forecast to the year's
 * end with its prediction interval and target, and the funnel of the unit's children. Text comes in already
 * translated; numbers go through lib/format.
 */
import type { ChartOption } from '../../components/chart/lazy-chart.tsx';
import type { ForecastJson, FunnelJson } from '../../lib/api/monitoring.ts';
import type { SeriesJson } from '../../lib/api/series.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import { type Language, localize } from '../../lib/i18n/languages.ts';

export type ControlChartJson = NonNullable<SeriesJson['controlCharts']>[number];
export type ControlRule = ControlChartJson['signals'][number]['rule'];

export const MONITORING_COLORS = {
  value: '#0b6e99',
  special: '#cf1322',
  centre: '#389e0d',
  limit: '#d46b08',
  bar: '#8c8c8c',
  forecast: '#722ed1',
  interval: 'rgba(114, 46, 209, 0.15)',
  target: '#389e0d',
} as const;

/** The indicator's control chart in a series; undefined when the series has none for it. */
export function controlChartOf(series: SeriesJson | undefined, id: string): ControlChartJson | undefined {
  return series?.controlCharts?.find((chart) => chart.indicator === id);
}

/** The periods each point was marked by some rule. */
export function specialPeriods(chart: ControlChartJson): Set<string> {
  return new Set(chart.signals.flatMap((signal) => signal.periods));
}

export interface ControlChartNames {
  readonly value: string;
  readonly centre: string;
  readonly upper: string;
  readonly lower: string;
}

/**
 * The value line with special-cause points in red and larger, the centre line and the limits as steps (they
 * move with the denominator on p and u charts), and Wilson error bars where a point has one.
 */
export function controlChartOption(
  chart: ControlChartJson,
  decimals: number,
  language: Language,
  names: ControlChartNames,
): ChartOption {
  const format = (value: unknown) =>
    typeof value === 'number' ? formatNumber(value, language, decimals) : formatNumber(null, language);
  const special = specialPeriods(chart);
  const bars = chart.points.flatMap((p, i) =>
    p.interval === null
      ? []
      : [[{ coord: [i, p.interval.lower] }, { coord: [i, p.interval.upper] }] as [object, object]],
  );
  const limitLine = (name: string, data: (number | null)[]) => ({
    type: 'line' as const,
    name,
    step: 'middle' as const,
    symbol: 'none',
    lineStyle: { color: MONITORING_COLORS.limit, type: 'dashed' as const },
    itemStyle: { color: MONITORING_COLORS.limit },
    data,
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { top: 0, data: [names.value, names.centre, names.upper, names.lower] },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: chart.points.map((p) => formatPeriod(p.period, language)) },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, language) } },
    series: [
      {
        type: 'line',
        name: names.value,
        connectNulls: false,
        lineStyle: { color: MONITORING_COLORS.value, width: 2 },
        itemStyle: { color: MONITORING_COLORS.value },
        data: chart.points.map((p) =>
          special.has(p.period)
            ? { value: p.value ?? '-', symbolSize: 11, itemStyle: { color: MONITORING_COLORS.special } }
            : { value: p.value ?? '-', symbolSize: 6 },
        ),
        ...(bars.length === 0
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: ['none', 'none'],
                label: { show: false },
                lineStyle: { color: MONITORING_COLORS.bar, type: 'solid', width: 1.5 },
                data: bars,
              },
            }),
      },
      {
        type: 'line',
        name: names.centre,
        symbol: 'none',
        lineStyle: { color: MONITORING_COLORS.centre },
        itemStyle: { color: MONITORING_COLORS.centre },
        data: chart.points.map(() => chart.centre),
      },
      limitLine(
        names.upper,
        chart.points.map((p) => p.upper),
      ),
      limitLine(
        names.lower,
        chart.points.map((p) => p.lower),
      ),
    ],
  };
}

export interface ForecastNames {
  readonly actual: string;
  readonly forecast: string;
  readonly interval: string;
  readonly target: string;
}

/**
 * The months observed, the months forecast joined to the last observed one, the prediction interval shaded (a
 * transparent lower edge with the interval's width stacked on it) and, for a level or rate, the year's target
 * as a line (a volume's target is for the year's sum, not for a month).
 */
export function forecastOption(
  forecast: ForecastJson,
  decimals: number,
  language: Language,
  names: ForecastNames,
  showTarget: boolean,
): ChartOption {
  const format = (value: unknown) =>
    typeof value === 'number' ? formatNumber(value, language, decimals) : formatNumber(null, language);
  const history = forecast.history;
  const periods = [...history.map((h) => h.period), ...forecast.points.map((p) => p.period)];
  const pad = (n: number) => Array.from({ length: n }, () => null);
  const lastValue = history.at(-1)?.value ?? null;
  return {
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { top: 0, data: [names.actual, names.forecast, names.interval] },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map((p) => formatPeriod(p, language)) },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, language) } },
    series: [
      {
        type: 'line',
        name: names.actual,
        lineStyle: { color: MONITORING_COLORS.value, width: 2 },
        itemStyle: { color: MONITORING_COLORS.value },
        data: [...history.map((h) => h.value), ...pad(forecast.points.length)],
        ...(showTarget && forecast.target !== null
          ? {
              markLine: {
                silent: true,
                symbol: ['none', 'none'],
                label: { formatter: `${names.target} ${format(forecast.target)}` },
                lineStyle: { color: MONITORING_COLORS.target, type: 'dashed' },
                data: [{ yAxis: forecast.target }],
              },
            }
          : {}),
      },
      {
        type: 'line',
        name: names.forecast,
        lineStyle: { color: MONITORING_COLORS.forecast, type: 'dashed', width: 2 },
        itemStyle: { color: MONITORING_COLORS.forecast },
        data: [...pad(history.length - 1), lastValue, ...forecast.points.map((p) => p.fit)],
      },
      {
        type: 'line',
        name: `${names.interval}-base`,
        stack: 'interval',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: [...pad(history.length), ...forecast.points.map((p) => p.lower)],
      },
      {
        type: 'line',
        name: names.interval,
        stack: 'interval',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: MONITORING_COLORS.interval },
        areaStyle: { color: MONITORING_COLORS.interval },
        tooltip: { show: false },
        data: [...pad(history.length), ...forecast.points.map((p) => p.upper - p.lower)],
      },
    ],
  };
}

export const BAND_COLORS: Readonly<Record<FunnelJson['units'][number]['band'], string>> = {
  'below-99.8': '#cf1322',
  'below-95': '#fa8c16',
  within: '#0b6e99',
  'above-95': '#fa8c16',
  'above-99.8': '#cf1322',
};

export interface FunnelNames {
  readonly units: string;
  readonly limit95: string;
  readonly limit998: string;
  readonly target: string;
}

/** Each unit a point (coloured by its band) over the 95 % and 99.8 % limits and the group's figure. */
export function funnelOption(
  funnel: FunnelJson,
  decimals: number,
  language: Language,
  names: FunnelNames,
): ChartOption {
  const curve = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    funnel.curve.map((c) => [c.denominator, c[key]]);
  const limit = (name: string, key: 'lower95' | 'upper95' | 'lower998' | 'upper998', dashed: boolean) => ({
    type: 'line' as const,
    name,
    symbol: 'none',
    smooth: true,
    lineStyle: { color: MONITORING_COLORS.limit, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color: MONITORING_COLORS.limit },
    data: curve(key),
  });
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex?: number; seriesType?: string }).dataIndex ?? -1;
        const unit = funnel.units[index];
        if ((params as { seriesType?: string }).seriesType !== 'scatter' || unit === undefined) return '';
        return `${localize(unit.name, language)}: ${formatNumber(unit.value, language, decimals)} (${formatNumber(unit.count, language)} / ${formatNumber(unit.denominator, language)})`;
      },
    },
    legend: { top: 0, data: [names.units, names.limit95, names.limit998] },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, language) } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, language) } },
    series: [
      {
        type: 'scatter',
        name: names.units,
        symbolSize: 10,
        itemStyle: { color: MONITORING_COLORS.value },
        data: funnel.units.map((u) => ({
          value: [u.denominator, u.value],
          itemStyle: { color: BAND_COLORS[u.band] },
        })),
        ...(funnel.target === null
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: ['none', 'none'],
                label: { formatter: `${names.target} ${formatNumber(funnel.target, language, decimals)}` },
                lineStyle: { color: MONITORING_COLORS.centre },
                data: [{ yAxis: funnel.target }],
              },
            }),
      },
      limit(names.limit95, 'upper95', true),
      limit(names.limit95, 'lower95', true),
      limit(names.limit998, 'upper998', false),
      limit(names.limit998, 'lower998', false),
    ],
  };
}

/**
 * The last month with data at or before the end of the selected period: what a forecast runs through.
 *
 * @example forecastThrough('2024-12', [{ id: '2024-06', type: 'month' }, { id: '2025-01', type: 'month' }]) // '2024-06'
 */
export function forecastThrough(
  lastMonth: string,
  periods: readonly { readonly id: string; readonly type: string }[],
): string | null {
  const months = periods
    .filter((p) => p.type === 'month' && p.id <= lastMonth)
    .map((p) => p.id)
    .sort();
  return months.at(-1) ?? null;
}
