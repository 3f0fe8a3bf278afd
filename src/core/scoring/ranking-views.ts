/**
 * The views of a ranking that the API serves: summary rows sorted and paged, and the units × indicators
 * matrix of a heatmap, both cut from one computed ranking (so the second page is a slice, not a recompute).
 */
import type { EvaluationJson } from '../contracts/evaluation.ts';
import {
  MATRIX_STATUSES,
  type RankingMatrixJson,
  type RankingRowJson,
  type RankingSort,
  type SortOrder,
} from '../contracts/rankings.ts';

/** A unit as a ranking holds it (the engine's RankedUnit): where it ranks and its evaluation. */
export interface RankedEvaluation {
  readonly rank: number | null;
  readonly orgUnit: string;
  readonly name: { readonly en: string; readonly zh?: string };
  readonly type: string;
  readonly level: number;
  readonly cohort: string;
  readonly role: string | null;
  readonly evaluation: EvaluationJson;
}

/**
 * A ranked unit's summary row: rank, unit, total, rating and weight coverage.
 *
 * @example summaryRowOf(h1).total // 86.5, as h1.evaluation.total
 */
export function summaryRowOf(item: RankedEvaluation): RankingRowJson {
  const e = item.evaluation;
  return {
    rank: item.rank,
    orgUnit: item.orgUnit,
    name: item.name.zh === undefined ? { en: item.name.en } : { en: item.name.en, zh: item.name.zh },
    type: item.type,
    level: item.level,
    cohort: item.cohort,
    role: item.role,
    total: e.total,
    rating: e.rating,
    ratingCode: e.ratingCode,
    ratingLabel: e.ratingLabel,
    coverage: e.weightCoverage,
    insufficientData: e.insufficientData,
  };
}

interface Sortable {
  readonly rank: number | null;
  readonly orgUnit: string;
  readonly name: { readonly en: string };
  readonly evaluation: { readonly total: number | null; readonly weightCoverage: number };
}

/**
 * The items in the order asked for. `rank` is the ranking's own order (cohort by cohort, best first, each
 * cohort's unranked units after it), descending its reverse with unranked units last; `total`
 * and `coverage` compare numbers, `name` the English names (then codes). A unit without a value of the key
 * (no rank, no total) comes last in either direction; ties keep the ranking's order.
 *
 * @example sortRanking(items, 'total', 'asc').map((i) => i.evaluation.total) // [71.2, 80.4, 93.0, null]
 */
export function sortRanking<T extends Sortable>(
  items: readonly T[],
  sort: RankingSort,
  order: SortOrder,
): T[] {
  const sign = order === 'asc' ? 1 : -1;
  // Ascending by rank is the ranking's own order, unranked units last in each cohort.
  if (sort === 'rank' && order === 'asc') return [...items];
  const keyed = items.map((item, position) => ({ item, position, key: keyOf(item, sort, position) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.position - b.position;
      return a.key === null ? 1 : -1;
    }
    const c =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : String(a.key).localeCompare(String(b.key), 'en');
    return c === 0 ? a.position - b.position : sign * c;
  });
  return keyed.map((k) => k.item);
}

function keyOf(item: Sortable, sort: RankingSort, position: number): number | string | null {
  switch (sort) {
    case 'rank':
      return item.rank === null ? null : position;
    case 'total':
      return item.evaluation.total;
    case 'coverage':
      return item.evaluation.weightCoverage;
    case 'name':
      return `${item.name.en}\u0000${item.orgUnit}`;
  }
}

/**
 * The units × indicators of a ranking as flat arrays (row-major): columns are the indicators in the order the
 * units' evaluations first list them; a unit without an indicator has no value and status "no data" there.
 *
 * @example rankingMatrixOf('UMG-BSC', '2024', items).status.slice(0, 2) // [1, 0]: watch, met
 */
export function rankingMatrixOf(
  scorecard: string,
  period: string,
  items: readonly RankedEvaluation[],
): RankingMatrixJson {
  const columns = new Map<string, RankingMatrixJson['indicators'][number]>();
  for (const item of items) {
    for (const perspective of item.evaluation.perspectives) {
      for (const indicator of perspective.indicators) {
        if (!columns.has(indicator.id)) {
          columns.set(indicator.id, {
            id: indicator.id,
            name: indicator.name,
            perspective: perspective.name,
          });
        }
      }
    }
  }
  const index = new Map([...columns.keys()].map((id, i) => [id, i]));
  const width = columns.size;
  const noData = MATRIX_STATUSES.indexOf('no-data');
  const quantified: (number | null)[] = new Array(items.length * width).fill(null);
  const status: number[] = new Array(items.length * width).fill(noData);
  items.forEach((item, row) => {
    for (const perspective of item.evaluation.perspectives) {
      for (const indicator of perspective.indicators) {
        const column = index.get(indicator.id);
        if (column === undefined) continue;
        const value = indicator.quantified;
        quantified[row * width + column] = value !== null && Number.isFinite(value) ? value : null;
        status[row * width + column] = MATRIX_STATUSES.indexOf(indicator.status);
      }
    }
  });
  return {
    scorecard,
    period,
    units: items.map((item) => ({
      orgUnit: item.orgUnit,
      name: item.name.zh === undefined ? { en: item.name.en } : { en: item.name.en, zh: item.name.zh },
      role: item.role,
      rank: item.rank,
    })),
    indicators: [...columns.values()],
    quantified,
    status,
  };
}
