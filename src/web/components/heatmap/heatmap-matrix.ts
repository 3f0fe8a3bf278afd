/**
 * Units × indicators, coloured by quantified value: the heatmap of the comparison page and of the scorecard's
 * drill-down to child units (DHIS2's scorecard app shows the same grid of org units by indicators with
 * traffic-light cells). Built once per ranking as flat arrays, so
 * 500 units × 40 indicators is 20,000 cells without an object per cell in React.
 */
import type { RankingJson } from '../../../core/contracts/evaluation.ts';
import { type Language, localize } from '../../lib/i18n/languages.ts';

/** One row of the heatmap: a unit of a ranking (`GET /api/rankings`) with its evaluation. */
export type HeatmapUnit = RankingJson['items'][number];

export interface HeatmapMatrix {
  /** Rows, in ranking order. */
  readonly units: readonly { readonly code: string; readonly label: string; readonly role: string | null }[];
  /** Columns, in scorecard order (perspective by perspective). */
  readonly indicators: readonly {
    readonly id: string;
    readonly label: string;
    readonly perspective: string;
  }[];
  /** ECharts heatmap data: `[column, row, quantified]`, `'-'` for no value. */
  readonly cells: readonly (readonly [number, number, number | '-'])[];
}

/**
 * @example buildHeatmapMatrix(ranking.items, 'en').cells[0] // [0, 0, 0.94] (UMG-B3's medical revenue, 2024)
 */
export function buildHeatmapMatrix(items: readonly HeatmapUnit[], language: Language): HeatmapMatrix {
  const columns = new Map<string, { id: string; label: string; perspective: string }>();
  for (const item of items) {
    for (const perspective of item.evaluation.perspectives) {
      for (const indicator of perspective.indicators) {
        if (!columns.has(indicator.id)) {
          columns.set(indicator.id, {
            id: indicator.id,
            label: localize(indicator.name, language),
            perspective: localize(perspective.name, language),
          });
        }
      }
    }
  }
  const columnIndex = new Map([...columns.keys()].map((id, index) => [id, index]));
  const cells: [number, number, number | '-'][] = [];
  items.forEach((item, row) => {
    const seen = new Set<number>();
    for (const perspective of item.evaluation.perspectives) {
      for (const indicator of perspective.indicators) {
        const column = columnIndex.get(indicator.id);
        if (column === undefined) continue;
        seen.add(column);
        const value = indicator.quantified;
        cells.push([column, row, value !== null && Number.isFinite(value) ? value : '-']);
      }
    }
    for (let column = 0; column < columns.size; column++)
      if (!seen.has(column)) cells.push([column, row, '-']);
  });
  return {
    units: items.map((item) => ({
      code: item.orgUnit,
      label: localize(item.name, language),
      role: item.role,
    })),
    indicators: [...columns.values()],
    cells,
  };
}
