/**
 * The Studies page's pure helpers: how a p-value is written, the study file sent when rows' tests are
 * overridden, the cells of the exported sheet and the chart of an indicator's units with the two windows marked.
 */
import type { ChartOption } from '../../components/chart/lazy-chart.tsx';
import type { StudyFileBody, StudyResultJson, StudyRowJson } from '../../lib/api/studies.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import { type Language, localize } from '../../lib/i18n/languages.ts';

export type StudyTestName = NonNullable<StudyRowJson['test']>;

/**
 * A p-value as journals write it: below 0.001 as "< 0.001", else three decimals.
 *
 * @example formatP(0.00001, 'en') // '< 0.001'
 * @example formatP(0.1452, 'en') // '0.145'
 */
export function formatP(p: number | null, language: Language): string {
  if (p === null) return formatNumber(null, language);
  return p < 0.001 ? '< 0.001' : formatNumber(p, language, 3);
}

/** The key of a row (indicator × unit) in the overrides the page keeps. */
export function rowKey(row: { readonly indicator: string; readonly unit: string }): string {
  return `${row.indicator}\u0000${row.unit}`;
}

/**
 * The study file with the page's overrides of rows' tests in place of the file's own for the same rows.
 *
 * @example withOverrides(file, new Map([['county_visit_rate\u0000UMG', 'fisher']])).overrides
 * // [{ indicator: 'county_visit_rate', unit: 'UMG', test: 'fisher' }]
 */
export function withOverrides(
  file: StudyFileBody,
  overrides: ReadonlyMap<string, StudyTestName>,
): StudyFileBody {
  if (overrides.size === 0) return file;
  const kept = (file.overrides ?? []).filter((o) => !overrides.has(rowKey(o)));
  const added = [...overrides].map(([key, test]) => {
    const [indicator = '', unit = ''] = key.split('\u0000');
    return { indicator, unit, test };
  });
  return { ...file, overrides: [...kept, ...added] };
}

/** The sheet's header and rows, numbers as numbers (a spreadsheet formats them), names in `language`. */
export function exportRows(
  result: StudyResultJson,
  language: Language,
  header: readonly string[],
): (string | number | null)[][] {
  const name = (text: { en: string; zh?: string | undefined } | undefined, code: string) =>
    text === undefined ? code : localize(text, language);
  return [
    [...header],
    ...result.rows.map((row) => [
      name(result.names.indicators[row.indicator], row.indicator),
      name(result.names.units[row.unit], row.unit),
      row.baseline,
      row.followUp,
      row.change,
      row.changePct,
      row.test,
      row.p,
      row.pAdjusted,
      row.ci?.[0] ?? null,
      row.ci?.[1] ?? null,
      row.its?.levelChange ?? null,
      row.its?.p[0] ?? null,
    ]),
  ];
}

const UNIT_COLORS = ['#0b6e99', '#d46b08', '#389e0d', '#722ed1', '#c41d7f', '#8c8c8c'];

/**
 * One indicator's monthly values, a line per unit, with the baseline and follow-up windows shaded and named.
 */
export function studyChartOption(input: {
  readonly result: StudyResultJson;
  readonly indicator: string;
  readonly language: Language;
  readonly windowNames: { readonly baseline: string; readonly followUp: string };
}): ChartOption {
  const { result, indicator, language } = input;
  const rows = result.rows.filter((r) => r.indicator === indicator);
  const periods = rows[0]?.series.map((point) => point.period) ?? [];
  const area = (
    name: string,
    from: string,
    to: string,
  ): [{ name: string; xAxis: string }, { xAxis: string }] => [
    { name, xAxis: formatPeriod(from, language) },
    { xAxis: formatPeriod(to, language) },
  ];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: periods.map((p) => formatPeriod(p, language)) },
    yAxis: { type: 'value', scale: true },
    series: rows.map((row, i) => ({
      type: 'line',
      name: localize(result.names.units[row.unit] ?? { en: row.unit }, language),
      showSymbol: false,
      lineStyle: { color: UNIT_COLORS[i % UNIT_COLORS.length] },
      itemStyle: { color: UNIT_COLORS[i % UNIT_COLORS.length] },
      data: row.series.map((point) => point.value),
      ...(i === 0
        ? {
            markArea: {
              itemStyle: { color: 'rgba(11, 110, 153, 0.08)' },
              label: { position: 'insideTop' },
              data: [
                area(input.windowNames.baseline, result.baseline.from, result.baseline.to),
                area(input.windowNames.followUp, result.followUp.from, result.followUp.to),
              ],
            },
          }
        : {}),
    })),
  };
}
