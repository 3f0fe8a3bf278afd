/**
 * The comparison's ranking as bars coloured by role (head hospital, branch, other); the heatmap's option is
 * shared with the scorecard page (components/heatmap).
 */
import type { ChartOption } from '../../components/chart/lazy-chart.tsx';
import { scrollRows, VISIBLE_ROWS } from '../../components/heatmap/heatmap-option.ts';
import { formatScore } from '../../lib/format.ts';
import type { Language } from '../../lib/i18n/languages.ts';

export const ROLE_COLORS: Readonly<Record<string, string>> = { head: '#0b6e99', branch: '#69b1ff' };
export const OTHER_ROLE_COLOR = '#8c8c8c';

export interface RankingBar {
  readonly label: string;
  readonly total: number | null;
  readonly role: string | null;
}

export function rankingBarsOption(
  bars: readonly RankingBar[],
  language: Language,
  seriesName: string,
): ChartOption {
  return {
    animation: bars.length <= VISIBLE_ROWS,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? formatScore(value, language) : '—'),
    },
    grid: { left: 8, right: bars.length > VISIBLE_ROWS ? 40 : 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      // A unit's name opens its scorecard, as its bar does.
      triggerEvent: true,
      axisLabel: { width: 200, overflow: 'truncate', interval: 0 },
    },
    dataZoom: scrollRows(bars.length),
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 18,
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          formatter: ({ value }) => (typeof value === 'number' ? formatScore(value, language) : ''),
        },
        data: bars.map((bar) => ({
          value: bar.total ?? 0,
          itemStyle: { color: (bar.role === null ? undefined : ROLE_COLORS[bar.role]) ?? OTHER_ROLE_COLOR },
        })),
      },
    ],
  };
}
