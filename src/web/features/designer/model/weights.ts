/**
 * The manual weights editor's arithmetic. The format stores weights as fractions that add up to 1 within
 * core/scorecard's MANUAL_WEIGHT_SUM_TOLERANCE (0.002); the office types percentages, so the same check is
 * made on percent: the sum must be 100 ± 0.2.
 */
import { MANUAL_WEIGHT_SUM_TOLERANCE } from '../../../../core/scorecard/resolve-weights.ts';
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';

/** Percent per child id; null while a field is empty. */
export type PercentWeights = Readonly<Record<string, number | null>>;

export interface WeightSumCheck {
  /** The sum of the percentages typed so far. */
  readonly sum: number;
  readonly ok: boolean;
  /** Children without a weight. */
  readonly missing: readonly string[];
}

/**
 * @example checkWeightSum({ a: 40, b: 60 }) // { sum: 100, ok: true, missing: [] }
 * @example checkWeightSum({ a: 40, b: 50 }).ok // false
 */
export function checkWeightSum(weights: PercentWeights): WeightSumCheck {
  const missing = Object.entries(weights)
    .filter(([, w]) => w === null || !Number.isFinite(w) || w < 0)
    .map(([id]) => id);
  const sum = Object.values(weights).reduce<number>((acc, w) => acc + (w ?? 0), 0);
  const rounded = Math.round(sum * 1e6) / 1e6;
  return {
    sum: rounded,
    ok: missing.length === 0 && Math.abs(rounded - 100) <= MANUAL_WEIGHT_SUM_TOLERANCE * 100 + 1e-9,
    missing,
  };
}

/** One level the editor shows: the perspectives, or the indicators of one perspective. */
export interface WeightLevel {
  /** `perspectives`, or the perspective id whose indicators these are. */
  readonly key: string;
  readonly ids: readonly string[];
  readonly percent: PercentWeights;
}

const toPercent = (fraction: number): number => Math.round(fraction * 100 * 1e4) / 1e4;

/**
 * The levels of a file with the weights in force (from compileScorecard, so AHP-derived sets show their
 * result too), in percent.
 */
export function weightLevels(
  file: ScorecardFile,
  resolved: { perspectives: ReadonlyMap<string, number>; indicators: ReadonlyMap<string, number> },
): WeightLevel[] {
  const percentOf = (ids: readonly string[], weights: ReadonlyMap<string, number>) =>
    Object.fromEntries(ids.map((id) => [id, toPercent(weights.get(id) ?? 0)]));
  const perspectiveIds = file.perspectives.map((p) => p.id);
  return [
    { key: 'perspectives', ids: perspectiveIds, percent: percentOf(perspectiveIds, resolved.perspectives) },
    ...file.perspectives.map((p) => {
      // Monitored indicators (scored: false) take no weight: the editor leaves them out.
      const ids = p.indicators.filter((i) => i.scored !== false).map((i) => i.id);
      return { key: p.id, ids, percent: percentOf(ids, resolved.indicators) };
    }),
  ];
}

/** The `weights` block of PUT /api/scorecards/:code/weights, fractions from the percentages (all must be set). */
export function buildWeightsBlock(levels: readonly WeightLevel[]): ScorecardFile['weights'] {
  const manual = (level: WeightLevel) => ({
    manual: Object.fromEntries(level.ids.map((id) => [id, (level.percent[id] ?? 0) / 100])),
  });
  const [perspectives, ...indicatorLevels] = levels;
  return {
    perspectives: perspectives === undefined ? { manual: {} } : manual(perspectives),
    indicators: Object.fromEntries(indicatorLevels.map((level) => [level.key, manual(level)])),
  };
}
