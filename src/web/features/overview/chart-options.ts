/**
 * The overview's chart options: perspective scores as a radar and as bars (0–100), and the total score's trend.
 * Text comes in already translated; numbers go through lib/format.
 */
import type { ChartOption } from '../../components/chart/lazy-chart.tsx';
import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import type { SeriesJson } from '../../lib/api/series.ts';
import { formatList, formatPeriod, formatScore } from '../../lib/format.ts';
import { type Language, localize } from '../../lib/i18n/languages.ts';

const PRIMARY = '#0b6e99';

export function perspectiveRadarOption(
  evaluation: EvaluationJson,
  language: Language,
  seriesName: string,
): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    radar: {
      indicator: evaluation.perspectives.map((perspective) => ({
        name: localize(perspective.name, language),
        min: 0,
        max: 100,
      })),
      radius: '65%',
    },
    series: [
      {
        type: 'radar',
        name: seriesName,
        areaStyle: { opacity: 0.2 },
        lineStyle: { color: PRIMARY },
        itemStyle: { color: PRIMARY },
        data: [
          { name: seriesName, value: evaluation.perspectives.map((perspective) => perspective.score ?? 0) },
        ],
      },
    ],
  };
}

export function perspectiveBarsOption(
  evaluation: EvaluationJson,
  language: Language,
  seriesName: string,
): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? formatScore(value, language) : String(value)),
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: evaluation.perspectives.map((perspective) => localize(perspective.name, language)),
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        itemStyle: { color: PRIMARY },
        label: {
          show: true,
          position: 'right',
          formatter: ({ value }) => (typeof value === 'number' ? formatScore(value, language) : ''),
        },
        data: evaluation.perspectives.map((perspective) => perspective.score),
      },
    ],
  };
}

export function totalTrendOption(series: SeriesJson, language: Language, seriesName: string): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? formatScore(value, language) : '—'),
    },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.items.map((item) => formatPeriod(item.period, language)) },
    // Close to the data (a group moving from 96 to 99 must not look flat), but never beyond 0–100.
    yAxis: {
      type: 'value',
      min: ({ min }) => Math.max(0, Math.floor(min - 2)),
      max: ({ max }) => Math.min(100, Math.ceil(max + 2)),
    },
    series: [
      {
        type: 'line',
        name: seriesName,
        connectNulls: false,
        symbolSize: 8,
        lineStyle: { color: PRIMARY },
        itemStyle: { color: PRIMARY },
        data: series.items.map((item) => item.evaluation.total),
      },
    ],
  };
}

/** "Financial 91.93, Customer 87.97, …" (、 in Chinese): what a chart of perspective scores says, for its label. */
export function describePerspectives(evaluation: EvaluationJson, language: Language): string {
  return formatList(
    evaluation.perspectives.map(
      (perspective) => `${localize(perspective.name, language)} ${formatScore(perspective.score, language)}`,
    ),
    language,
  );
}

/** "2012 —, …, 2016 92.57": the trend's points, for its label. */
export function describeTrend(series: SeriesJson, language: Language): string {
  return formatList(
    series.items.map(
      (item) => `${formatPeriod(item.period, language)} ${formatScore(item.evaluation.total, language)}`,
    ),
    language,
  );
}
