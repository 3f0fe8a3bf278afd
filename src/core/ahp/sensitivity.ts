import { formatPath, invalid, issue, type ProblemIssue } from '../errors/problem.ts';
import { approximateNormal, createMulberry32, type Random } from '../random/prng.ts';
import { resolveOptions } from './compute-ahp.ts';
import { computeHierarchy, type HierarchyInputNode } from './hierarchy-input.ts';
import { type JudgedTree, judgedTree, leafWeights, matricesOf } from './judged-tree.ts';
import type { PanelOptions } from './panel.ts';
import type { Matrix } from './types.ts';
import { type CriticalWeight, sweepTopWeights, type WeightSweep } from './weight-sweep.ts';

/**
 * How each judgment is moved in a draw, on the log scale:
 * - `step`: ln a′ = ln a + share·u·ln((x + 1)/x), u uniform in [−1, 1], x = max(a, 1/a) the judgment's
 *   intensity: up to `share` of one step of the 1–9 scale from where the judgment stands (default share 0.5).
 * - `spread`: ln a′ = ln a + z·ln g, z ≈ N(0, 1), g the panel's geometric SD of that comparison; nodes judged
 *   by a single matrix stay as they are.
 */
export type Perturbation = { readonly kind: 'step'; readonly share?: number } | { readonly kind: 'spread' };

export interface SensitivityOptions extends PanelOptions {
  /** Default 1000. */
  readonly draws?: number;
  /** Default 1. The same seed gives the same result on every run. */
  readonly seed?: number;
  /** Default `{ kind: 'step', share: 0.5 }`. */
  readonly perturbation?: Perturbation;
}

export interface WeightInterval {
  readonly mean: number;
  readonly p05: number;
  readonly p95: number;
}

export interface SensitivityResult {
  /** Each leaf's global weight over the draws, depth-first as `computeHierarchy` lists the leaves. */
  readonly weights: readonly WeightInterval[];
  /** `rankProbability[i][r]` = share of draws where unit i ranks r + 1 (1 = best); empty without scores. */
  readonly rankProbability: readonly (readonly number[])[];
  /** One-at-a-time sweep of each top-level weight: where the top unit changes (Triantaphyllou & Sánchez). */
  readonly critical: readonly CriticalWeight[];
  /** The lines of each sweep, for charts. */
  readonly sweep: readonly WeightSweep[];
  readonly draws: number;
  readonly seed: number;
}

/** Quantile of sorted values by linear interpolation (Hyndman & Fan 1996 type 7, R's default). */
function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

function perturb(node: JudgedTree, how: Perturbation, random: Random): Matrix | undefined {
  const matrix = node.matrix;
  if (matrix === undefined) return undefined;
  if (how.kind === 'spread' && node.spread === undefined) return matrix;
  const n = matrix.length;
  const out = matrix.map((row) => [...row]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]?.[j] ?? 1;
      let shift: number;
      if (how.kind === 'spread') {
        shift = approximateNormal(random) * Math.log(node.spread?.[i]?.[j] ?? 1);
      } else {
        const x = Math.max(a, 1 / a);
        shift = (how.share ?? 0.5) * (2 * random() - 1) * Math.log((x + 1) / x);
      }
      const value = Math.exp(Math.log(a) + shift);
      const upper = out[i];
      const lower = out[j];
      if (upper && lower) {
        upper[j] = value;
        lower[i] = 1 / value;
      }
    }
  }
  return out;
}

/** Adds this draw's ranks to the counts; tied totals share their positions equally. */
function countRanks(totals: readonly number[], counts: number[][]): void {
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.t === order[start]?.t) end++;
    const share = 1 / (end - start + 1);
    for (let k = start; k <= end; k++) {
      const unit = order[k]?.i ?? 0;
      for (let r = start; r <= end; r++) {
        const row = counts[unit];
        if (row) row[r] = (row[r] ?? 0) + share;
      }
    }
    start = end + 1;
  }
}

function checkInput(
  scores: readonly (readonly number[])[],
  leaves: number,
  options: SensitivityOptions,
): void {
  const issues: ProblemIssue[] = [];
  const draws = options.draws ?? 1000;
  if (!Number.isInteger(draws) || draws < 1 || draws > 100_000) {
    issues.push(issue('ahp.draws-invalid', { value: String(draws) }, ['draws']));
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) issues.push(issue('ahp.seed-invalid', { value: String(seed) }, ['seed']));
  const how = options.perturbation;
  if (how?.kind === 'step' && how.share !== undefined) {
    if (!Number.isFinite(how.share) || how.share < 0 || how.share > 1) {
      issues.push(issue('ahp.share-invalid', { value: String(how.share) }, ['perturbation', 'share']));
    }
  }
  if (scores.length === 1) {
    issues.push(issue('ahp.scores-too-few-units', { where: 'scores', count: 1 }, ['scores']));
  }
  scores.forEach((row, i) => {
    const path = ['scores', i];
    if (row.length !== leaves) {
      issues.push(
        issue('ahp.scores-row-length', { where: formatPath(path), length: row.length, leaves }, path),
      );
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        const cell = [...path, j];
        issues.push(issue('ahp.score-not-finite', { where: formatPath(cell), value: String(value) }, cell));
      }
    });
  });
  if (issues.length > 0) throw invalid('ahp.sensitivity-invalid', { count: issues.length }, issues);
}

/**
 * Monte Carlo sensitivity of a hierarchy's weights and of the ranking of units they produce (in the manner of
 * AHP-OS's weight uncertainty, Goepel 2018 §5): each draw perturbs every judgment on the log scale (see
 * `Perturbation`), recomputes every node's priorities and the leaves' global weights, and ranks the units by
 * Σ_l w_l·score_il. Returns each leaf weight's mean and 5th/95th percentiles, the probability of each rank for
 * each unit, and the one-at-a-time sweep of the top-level weights (`sweepTopWeights`). A panel node is perturbed
 * around its AIJ aggregate. Seeded (Mulberry32): the same seed and input give the same numbers on every run.
 * `scores` is units × leaves (e.g. the units' quantified indicator scores); with no units, only the weight
 * intervals are returned.
 *
 * @example
 * sensitivity({ matrix: [[1, 3], [1 / 3, 1]] }, [[0.9, 0.2], [0.4, 0.8]], { draws: 1000, seed: 7 });
 * // → weights [{ mean: 0.7507, p05: 0.7255, p95: 0.7737 }, …], rankProbability [[1, 0], [0, 1]],
 * //   critical [{ criterion: 0, weight: 0.75, critical: 0.5455, change: -0.2045, overtakenBy: 1 }, …]
 */
export function sensitivity(
  root: HierarchyInputNode,
  scores: readonly (readonly number[])[],
  options: SensitivityOptions = {},
): SensitivityResult {
  const base = computeHierarchy(root, options);
  checkInput(scores, base.globalWeights.length, options);
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const how: Perturbation = options.perturbation ?? { kind: 'step', share: 0.5 };
  const { method } = resolveOptions(options);
  const tree = judgedTree(root, options);
  const judged = matricesOf(tree);
  const random = createMulberry32(seed);
  const leaves = base.globalWeights.length;
  const samples = Array.from({ length: leaves }, () => new Array<number>(draws).fill(0));
  const counts = scores.map(() => new Array<number>(scores.length).fill(0));

  for (let d = 0; d < draws; d++) {
    const perturbed = new Map<JudgedTree, Matrix | undefined>();
    for (const node of judged) perturbed.set(node, perturb(node, how, random));
    const w = leafWeights(tree, method, (node) =>
      node.matrix === undefined ? undefined : perturbed.get(node),
    );
    w.forEach((value, l) => {
      const row = samples[l];
      if (row) row[d] = value;
    });
    if (scores.length > 1) {
      countRanks(
        scores.map((row) => row.reduce((s, x, l) => s + x * (w[l] ?? 0), 0)),
        counts,
      );
    }
  }
  const weights = samples.map((values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      mean: values.reduce((s, x) => s + x, 0) / draws,
      p05: quantileSorted(sorted, 0.05),
      p95: quantileSorted(sorted, 0.95),
    };
  });
  const { critical, sweep } =
    scores.length > 1 ? sweepTopWeights(tree, scores, method) : { critical: [], sweep: [] };
  return {
    weights,
    rankProbability: counts.map((row) => row.map((c) => c / draws)),
    critical,
    sweep,
    draws,
    seed,
  };
}
