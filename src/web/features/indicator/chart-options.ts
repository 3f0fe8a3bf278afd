/**
 * The indicator page's chart options: the actual value over periods with the target (a line, or the on-target
 * band for a band indicator) and the reference value, and the child units' values as sorted bars coloured by
 * role (head hospital, branch). Text comes in already translated; numbers go through lib/format.
 */
import type { ChartOption } from '../../components/chart/lazy-chart.tsx';
import { formatList, formatNumber, formatPeriod } from '../../lib/format.ts';
import { type Language, localize } from '../../lib/i18n/languages.ts';
import type { ChildValue, PeriodRow } from './indicator-series.ts';

export const SERIES_COLORS = {
  actual: '#0b6e99',
  target: '#389e0d',
  band: 'rgba(56, 158, 13, 0.12)',
  reference: '#8c8c8c',
} as const;

export const ROLE_COLORS: Readonly<Record<string, string>> = { head: '#0b6e99', branch: '#69b1ff' };
export const OTHER_ROLE_COLOR = '#8c8c8c';
/** The height of one bar of the children chart, in pixels. */
export const ROW_HEIGHT = 44;

/** The legend's names of the lines, translated by the caller. */
export interface SeriesNames {
  readonly actual: string;
  readonly target: string;
  readonly band: string;
  readonly reference: string;
}

export interface SeriesChartInput {
  readonly rows: readonly PeriodRow[];
  readonly decimals: number;
  /** The on-target band of a band indicator; null draws the target as a line only. */
  readonly band: readonly [number, number] | null;
  readonly names: SeriesNames;
  readonly language: Language;
}

/**
 * A line of the actual value, a dashed line of the target per period, a dotted line of the reference value, and
 * for a band indicator the band shaded behind them. Lines with no value in any period are left out, so the
 * legend never names a line that is not there.
 */
export function seriesChartOption({ rows, decimals, band, names, language }: SeriesChartInput): ChartOption {
  const format = (value: unknown) =>
    typeof value === 'number' ? formatNumber(value, language, decimals) : formatNumber(null, language);
  const has = (key: 'target' | 'reference') => rows.some((row) => row[key] !== null);
  const lines: NonNullable<ChartOption['series']> = [
    {
      type: 'line',
      name: names.actual,
      connectNulls: false,
      symbolSize: 7,
      lineStyle: { color: SERIES_COLORS.actual, width: 2 },
      itemStyle: { color: SERIES_COLORS.actual },
      data: rows.map((row) => row.actual),
      ...(band === null
        ? {}
        : {
            markArea: {
              silent: true,
              itemStyle: { color: SERIES_COLORS.band },
              label: { show: true, position: 'insideTopLeft', formatter: names.band },
              data: [[{ yAxis: band[0] }, { yAxis: band[1] }]],
            },
          }),
    },
  ];
  if (has('target')) {
    lines.push({
      type: 'line',
      name: names.target,
      // A target holds for its whole period: steps, with small marks so a lone period still shows.
      step: 'middle',
      symbol: 'rect',
      symbolSize: 5,
      lineStyle: { color: SERIES_COLORS.target, type: 'dashed' },
      itemStyle: { color: SERIES_COLORS.target },
      data: rows.map((row) => row.target),
    });
  }
  if (has('reference')) {
    lines.push({
      type: 'line',
      name: names.reference,
      step: 'middle',
      symbol: 'diamond',
      symbolSize: 6,
      lineStyle: { color: SERIES_COLORS.reference, type: 'dotted' },
      itemStyle: { color: SERIES_COLORS.reference },
      data: rows.map((row) => row.reference),
    });
  }
  return {
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { top: 0, data: lines.map((line) => String(line.name)) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => formatPeriod(row.period, language)) },
    yAxis: {
      type: 'value',
      // Close to the data: a rate moving between 96 and 99 must not look flat. The band stays in view.
      scale: true,
      ...(band === null
        ? {}
        : { min: ({ min }) => Math.min(min, band[0]), max: ({ max }) => Math.max(max, band[1]) }),
      axisLabel: {
        formatter: (value: number) => formatNumber(value, language, tickDecimals(value, decimals)),
      },
    },
    series: lines,
  };
}

/**
 * The decimals an axis tick needs: at least the indicator's, more when ECharts picks a finer step (289.5 on an
 * axis of whole yuan), so two ticks never read the same. At most four.
 *
 * @example tickDecimals(289.5, 0) // 1
 * @example tickDecimals(290, 1) // 1
 */
export function tickDecimals(value: number, decimals: number): number {
  const fraction = String(value).split('.')[1] ?? '';
  return Math.min(4, Math.max(decimals, fraction.length));
}

/** A unit's label on the bars: its name, and its role when it has one ("Dongcheng Branch Hospital · Branch"). */
export function childLabel(
  child: ChildValue,
  language: Language,
  roleNames: Readonly<Record<string, string>>,
) {
  const name = localize(child.name, language);
  const role = child.role === null ? undefined : roleNames[child.role];
  return role === undefined ? name : `${name} · ${role}`;
}

/** Bars of each child's actual value in the given (best-first) order, coloured by role. */
export function childrenChartOption(
  children: readonly ChildValue[],
  decimals: number,
  language: Language,
  seriesName: string,
  roleNames: Readonly<Record<string, string>>,
): ChartOption {
  const format = (value: unknown) =>
    typeof value === 'number' ? formatNumber(value, language, decimals) : formatNumber(null, language);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatNumber(value, language) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: children.map((child) => childLabel(child, language, roleNames)),
      // Long hospital names wrap onto a second line rather than losing the part that tells them apart.
      axisLabel: { width: 200, overflow: 'break', interval: 0, lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: ({ value }) => format(value) },
        data: children.map((child) => ({
          // '-' is ECharts' empty value: a unit without a value gets no bar rather than a bar at zero.
          value: child.actual ?? '-',
          itemStyle: {
            color: (child.role === null ? undefined : ROLE_COLORS[child.role]) ?? OTHER_ROLE_COLOR,
          },
        })),
      },
    ],
  };
}

/** "2012 6.80, …, 2016 7.20": the series' actual values, for the chart's label. */
export function describeSeries(rows: readonly PeriodRow[], decimals: number, language: Language): string {
  return formatList(
    rows.map(
      (row) => `${formatPeriod(row.period, language)} ${formatNumber(row.actual, language, decimals)}`,
    ),
    language,
  );
}

/** "Head hospital 123, Dongcheng … 98": the children's values in the bars' order, for the chart's label. */
export function describeChildren(
  children: readonly ChildValue[],
  decimals: number,
  language: Language,
): string {
  return formatList(
    children.map(
      (child) => `${localize(child.name, language)} ${formatNumber(child.actual, language, decimals)}`,
    ),
    language,
  );
}
