/**
 * The coverage pairwise aggregation leaves (README.md in this folder, rule 4): the kernel of aggregate.ts fills a
 * `PairCoverage` table while it rolls pairs up; `unitCoverage` reads from it which children a parent's value rests
 * on and the share of the denominator they carry.
 */
import { type OrgTree, treeTopology } from './org-tree.ts';

/**
 * What the pairs of one aggregation left in and out, per tree unit and pair, filled by the kernel: the months a
 * unit counted (complete), the months it had part of a pair only (left out), the months its own values were
 * used, and the weight member's sum over the months it counted and over the months it was left out.
 * `unitCoverage` reads a parent's children from it.
 */
export class PairCoverage {
  readonly pairs: number;
  readonly complete: Int32Array;
  readonly partial: Int32Array;
  readonly own: Int32Array;
  readonly weightIn: Float64Array;
  readonly weightOut: Float64Array;

  constructor(units: number, pairs: number) {
    this.pairs = pairs;
    this.complete = new Int32Array(units * pairs);
    this.partial = new Int32Array(units * pairs);
    this.own = new Int32Array(units * pairs);
    this.weightIn = new Float64Array(units * pairs);
    this.weightOut = new Float64Array(units * pairs);
  }
}

/** Which of a unit's children a pair's value rests on, and the share of the weight (denominator) they carry. */
export interface UnitCoverage {
  /** `own`: the unit's own values (or it has no children); `children`: its children's. */
  readonly source: 'own' | 'children';
  /** Children that counted in every month they reported in. */
  readonly included: readonly string[];
  /** Children left out in at least one month (part of the pair only), or with nothing to count. */
  readonly leftOut: readonly string[];
  /** Σ weight of the months counted ÷ Σ weight of every month reported, over the children; null without weight. */
  readonly share: number | null;
}

/**
 * The coverage of pair `pair` at `unit` after an aggregation that filled `table`: the unit's own values when
 * it used them, else its children split into included and left out, with the weight share they carried.
 *
 * @example
 * // Group G of H1 (9 of 10), H2 (45 of 50), H3 (denominator 40 only), pair [breaches, attendances]:
 * unitCoverage(tree, table, g, 0) // { source: 'children', included: ['H1', 'H2'], leftOut: ['H3'], share: 0.6 }
 */
export function unitCoverage(tree: OrgTree, table: PairCoverage, unit: number, pair: number): UnitCoverage {
  const { childStart, children } = treeTopology(tree);
  const from = childStart[unit] ?? 0;
  const to = childStart[unit + 1] ?? from;
  const at = unit * table.pairs + pair;
  const ownMonths = table.own[at] ?? 0;
  if (to === from || (ownMonths > 0 && ownMonths === table.complete[at])) {
    return { source: 'own', included: [], leftOut: [], share: null };
  }
  const included: string[] = [];
  const leftOut: string[] = [];
  let weightIn = 0;
  let weightAll = 0;
  for (let c = from; c < to; c++) {
    const child = children[c] ?? 0;
    const k = child * table.pairs + pair;
    const code = tree.codes[child] ?? '';
    if ((table.partial[k] ?? 0) > 0 || (table.complete[k] ?? 0) === 0) leftOut.push(code);
    else included.push(code);
    weightIn += table.weightIn[k] ?? 0;
    weightAll += (table.weightIn[k] ?? 0) + (table.weightOut[k] ?? 0);
  }
  return { source: 'children', included, leftOut, share: weightAll > 0 ? weightIn / weightAll : null };
}
