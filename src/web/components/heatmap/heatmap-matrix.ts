/**
 * Units × indicators, each cell coloured by the status the evaluation sends for it: the heatmap of the comparison
 * page and of the scorecard's drill-down to child units (DHIS2's scorecard app shows the same grid of org units
 * by indicators with traffic-light cells). Built once per ranking as flat arrays, so 500 units × 40 indicators
 * is 20,000 cells without an object per cell in React.
 */
import type { RankingJson, RankingMatrixJson } from '../../lib/api/rankings.ts';
import { type Language, localize } from '../../lib/i18n/languages.ts';
import type { IndicatorStatus } from '../../lib/status.ts';

/** The statuses in the order of the heatmap's legend; a cell holds its status's index here. */
export const HEATMAP_STATUSES = [
  'met',
  'watch',
  'off-track',
  'no-data',
] as const satisfies readonly IndicatorStatus[];

const STATUS_INDEX: Readonly<Record<IndicatorStatus, number>> = {
  met: 0,
  watch: 1,
  'off-track': 2,
  'no-data': 3,
};
const NO_DATA = STATUS_INDEX['no-data'];

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
  /**
   * ECharts heatmap data: `[column, row, status, quantified]`, the status as its index in HEATMAP_STATUSES (the
   * dimension the legend colours by), the quantified value (for the tooltip) `'-'` when there is none.
   */
  readonly cells: readonly (readonly [number, number, number, number | '-'])[];
}

/**
 * @example buildHeatmapMatrix(ranking.items, 'en').cells[0] // [0, 0, 1, 0.94] (UMG-B3's medical revenue, 2024: watch)
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
  const cells: [number, number, number, number | '-'][] = [];
  items.forEach((item, row) => {
    const seen = new Set<number>();
    for (const perspective of item.evaluation.perspectives) {
      for (const indicator of perspective.indicators) {
        const column = columnIndex.get(indicator.id);
        if (column === undefined) continue;
        seen.add(column);
        const value = indicator.quantified;
        cells.push([
          column,
          row,
          STATUS_INDEX[indicator.status],
          value !== null && Number.isFinite(value) ? value : '-',
        ]);
      }
    }
    for (let column = 0; column < columns.size; column++)
      if (!seen.has(column)) cells.push([column, row, NO_DATA, '-']);
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

/**
 * The heatmap of the server's compact matrix (`GET /api/rankings/matrix`: flat, row-major cells whose status is
 * already an index in the legend's order), without an evaluation per unit. `unitLabel`, when given, names the
 * rows (lib/unit-label.ts: a department with its hospital); a code it does not know keeps the server's name.
 *
 * @example heatmapFromRankingMatrix(matrix, 'en').cells[0] // [0, 0, 1, 0.94]
 */
export function heatmapFromRankingMatrix(
  matrix: RankingMatrixJson,
  language: Language,
  unitLabel?: (code: string) => string,
): HeatmapMatrix {
  const width = matrix.indicators.length;
  const cells: [number, number, number, number | '-'][] = [];
  matrix.units.forEach((_, row) => {
    for (let column = 0; column < width; column++) {
      const at = row * width + column;
      const value = matrix.quantified[at] ?? null;
      cells.push([column, row, matrix.status[at] ?? NO_DATA, value === null ? '-' : value]);
    }
  });
  return {
    units: matrix.units.map((unit) => ({
      code: unit.orgUnit,
      label: labelOf(unit.orgUnit, localize(unit.name, language), unitLabel),
      role: unit.role,
    })),
    indicators: matrix.indicators.map((indicator) => ({
      id: indicator.id,
      label: localize(indicator.name, language),
      perspective: localize(indicator.perspective, language),
    })),
    cells,
  };
}

/** The row's label: `unitLabel`'s when it knows the unit (it answers the bare code when it does not). */
function labelOf(code: string, name: string, unitLabel: ((code: string) => string) | undefined): string {
  if (unitLabel === undefined) return name;
  const label = unitLabel(code);
  return label === code ? name : label;
}
