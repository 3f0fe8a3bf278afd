import { type JudgedTree, leafWeights } from './judged-tree.ts';
import { derivePriorities } from './priority-vector.ts';
import type { PriorityMethod } from './types.ts';

export interface CriticalWeight {
  /** Index of the top-level element (perspective) whose weight is swept. */
  readonly criterion: number;
  /** Its current weight. */
  readonly weight: number;
  /** The weight nearest to the current one at which another unit overtakes the top unit; null if none in [0, 1]. */
  readonly critical: number | null;
  /** critical − weight (negative: the weight must fall); null with `critical`. */
  readonly change: number | null;
  /** The unit that overtakes the top unit there. */
  readonly overtakenBy: number | null;
}

export interface WeightSweep {
  readonly criterion: number;
  /** The swept weight values 0, 0.05, …, 1. */
  readonly at: readonly number[];
  /** `totals[i][p]` = unit i's total at `at[p]`, the other top-level weights keeping their proportions. */
  readonly totals: readonly (readonly number[])[];
}

const POINTS = 21;

/** The first judged node from the root (through nodes with one child and no matrix). */
function topNode(tree: JudgedTree): JudgedTree | undefined {
  let node: JudgedTree | undefined = tree;
  while (node && node.matrix === undefined) node = node.children.length === 1 ? node.children[0] : undefined;
  return node;
}

/**
 * One-at-a-time sensitivity of the top-level weights (Triantaphyllou, E. & Sánchez, A. 1997, "A sensitivity
 * analysis approach for some deterministic multi-criteria decision-making methods", Decision Sciences
 * 28(1):151–194): with P_i = Σ_k w_k a_ik (a_ik: unit i's score under top-level element k, its leaves weighted
 * locally), moving w_k to t while the other weights keep their proportions makes every P_i linear in t,
 * P_i(t) = t·a_ik + (1 − t)·b_i with b_i = (P_i − w_k a_ik)/(1 − w_k). The critical value is the t nearest to
 * w_k at which another unit's line crosses the top unit's — T&S's smallest change that reverses the best
 * alternative, which is the same whether the weights are renormalised or not.
 *
 * @example
 * sweepTopWeights(tree, [[0.9, 0.2], [0.4, 0.8]], 'eigenvector').critical[0];
 * // → { criterion: 0, weight: 0.75, critical: 0.5455, change: -0.2045, overtakenBy: 1 }
 */
export function sweepTopWeights(
  tree: JudgedTree,
  scores: readonly (readonly number[])[],
  method: PriorityMethod,
): { critical: CriticalWeight[]; sweep: WeightSweep[] } {
  const top = topNode(tree);
  if (top?.matrix === undefined) return { critical: [], sweep: [] };
  const w = derivePriorities(top.matrix, method).weights;
  // a[i][k]: unit i's score under element k, weighted by the leaves' weights within k.
  let a: number[][];
  if (top.children.length === 0) {
    a = scores.map((row) => [...row]);
  } else {
    let offset = 0;
    const locals = top.children.map((child) => {
      const weights = leafWeights(child, method);
      const start = offset;
      offset += weights.length;
      return { start, weights };
    });
    a = scores.map((row) =>
      locals.map(({ start, weights }) => weights.reduce((s, lw, l) => s + lw * (row[start + l] ?? 0), 0)),
    );
  }
  const totals = a.map((row) => row.reduce((s, x, k) => s + x * (w[k] ?? 0), 0));
  let best = 0;
  totals.forEach((t, i) => {
    if (t > (totals[best] ?? Number.NEGATIVE_INFINITY)) best = i;
  });
  const critical: CriticalWeight[] = [];
  const sweep: WeightSweep[] = [];
  w.forEach((wk, k) => {
    const at = Array.from({ length: POINTS }, (_, p) => p / (POINTS - 1));
    if (wk >= 1) {
      critical.push({ criterion: k, weight: wk, critical: null, change: null, overtakenBy: null });
      sweep.push({ criterion: k, at, totals: a.map((row) => at.map((t) => t * (row[k] ?? 0))) });
      return;
    }
    const b = a.map((row, i) => ((totals[i] ?? 0) - wk * (row[k] ?? 0)) / (1 - wk));
    const line = (i: number, t: number) => t * (a[i]?.[k] ?? 0) + (1 - t) * (b[i] ?? 0);
    let hit: { t: number; unit: number } | null = null;
    for (let j = 0; j < a.length; j++) {
      if (j === best) continue;
      const slope = (a[best]?.[k] ?? 0) - (a[j]?.[k] ?? 0) - ((b[best] ?? 0) - (b[j] ?? 0));
      if (slope === 0) continue;
      const t = ((b[j] ?? 0) - (b[best] ?? 0)) / slope;
      if (t < 0 || t > 1 || Math.abs(t - wk) < 1e-12) continue;
      if (hit === null || Math.abs(t - wk) < Math.abs(hit.t - wk)) hit = { t, unit: j };
    }
    critical.push({
      criterion: k,
      weight: wk,
      critical: hit ? hit.t : null,
      change: hit ? hit.t - wk : null,
      overtakenBy: hit ? hit.unit : null,
    });
    sweep.push({ criterion: k, at, totals: a.map((_, i) => at.map((t) => line(i, t))) });
  });
  return { critical, sweep };
}
