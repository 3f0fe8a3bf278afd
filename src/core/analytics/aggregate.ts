/**
 * Aggregation over the org tree and over months, as README.md in this folder describes: per month, a unit's
 * value is its own stored value if it has one, otherwise its children's values combined by the element's
 * unit rule; then the requested months are combined by the element's time rule.
 *
 * Both entry points run one kernel over a post-order run of the tree (a unit's subtree for one unit, the
 * whole tree for all), so they agree to the last bit. The kernel allocates nothing per value: the children's
 * running sums live in one scratch row per tree level, because in post-order the only rows still open are
 * those of the current unit's ancestors.
 */
import { badRequest } from '../errors/problem.ts';
import { AVERAGE, type ElementRules, MAX, REQUIRED, resolveRuleCodes, SUM, ZERO } from './element-rule.ts';
import { type OrgTree, type TreeTopology, treeTopology } from './org-tree.ts';
import type { PairCoverage } from './pair-coverage.ts';
import type { ValueCube } from './value-cube.ts';

/**
 * Elements aggregated as one pair (a ratio's numerator and denominator, or every element of a formula): per
 * month, a unit counts towards its parent only when it has a value of every member, so a parent's ratio is
 * Σ numerators ÷ Σ denominators over the children that report both (pairwise completeness).
 */
export interface PairRequest {
  /** Positions in the request's `elements`; a position belongs to one pair at most. */
  readonly members: readonly number[];
  /** The member (a position in `elements`, e.g. the denominator) whose share `PairCoverage` reports; −1: none. */
  readonly weight: number;
}

export interface UnitRequest {
  /** Index of the unit in the tree (`tree.codes`). */
  readonly unit: number;
  /** Cube element indices; an element may be listed more than once (alone and in a pair). */
  readonly elements: readonly number[];
  /** Cube month indices (e.g. `cube.monthIndicesOf('2024')`), each at most once. */
  readonly months: readonly number[];
  readonly pairs?: readonly PairRequest[];
}

export interface AllUnitsRequest {
  readonly elements: readonly number[];
  readonly months: readonly number[];
  readonly pairs?: readonly PairRequest[];
  /**
   * Only this unit (an index in the tree) and its descendants: a ranking of one hospital's departments rolls up
   * that hospital's subtree, not the whole group. Every other unit's row is left NaN (not computed).
   */
  readonly subtreeOf?: number;
}

/**
 * One unit's value of each requested element over the requested months: per month its own value or else
 * its children's (sum or mean, recursively), then over the months their sum, mean or latest value; null
 * when nothing is left. Units are those of the tree; a tree unit missing from the cube simply has no own
 * values, and cube units missing from the tree are not used.
 * Method: README.md. Rates are formulas applied after aggregation, so a group's rate is Σ numerators ÷
 * Σ denominators, as NHS England computes its national A&E four-hour figure from trusts' attendances and
 * breaches (../shared/data/nhs_england_trusts/README.md).
 *
 * @example
 * // Hospitals H1 (90 of 100 beds occupied) and H2 (1 of 10) under group G, both elements summed:
 * aggregateUnitValues(cube, tree, rules, { unit: g, elements: [occupied, available], months: [0] }) // [91, 110]
 */
export function aggregateUnitValues(
  cube: ValueCube,
  tree: OrgTree,
  rules: ElementRules,
  request: UnitRequest,
  coverage?: PairCoverage,
): (number | null)[] {
  const topology = treeTopology(tree);
  if (!Number.isInteger(request.unit) || request.unit < 0 || request.unit >= topology.size) {
    throw badRequest('analytics.no-unit-at-index', { index: String(request.unit) }, ['unit']);
  }
  const plan = makePlan(cube, rules, request);
  const hi = topology.position[request.unit] ?? 0;
  const lo = hi - (topology.subtreeSize[request.unit] ?? 1) + 1;
  const out = new Float64Array(plan.elements.length);
  runKernel(cube, tree, topology, plan, lo, hi, out, false, coverage);
  return Array.from(out, (value) => (Number.isNaN(value) ? null : value));
}

/**
 * Every unit's value of each requested element over the requested months, in one bottom-up pass over the
 * tree: the basis of a ranking of all units. The result is a units × elements matrix in tree order,
 * `result[unit × elements.length + i]`, NaN for no value; each row equals `aggregateUnitValues` for that
 * unit (null ↔ NaN).
 *
 * @example
 * const all = aggregateAllUnits(cube, tree, rules, { elements: [occupied, available], months: [0] });
 * all[g * 2] / all[g * 2 + 1] // 91 / 110 = 0.827 for the group above
 * // Only H1 and its departments (rows of other units stay NaN):
 * aggregateAllUnits(cube, tree, rules, { elements: [occupied], months: [0], subtreeOf: tree.codes.indexOf('H1') })
 */
export function aggregateAllUnits(
  cube: ValueCube,
  tree: OrgTree,
  rules: ElementRules,
  request: AllUnitsRequest,
  coverage?: PairCoverage,
): Float64Array {
  const topology = treeTopology(tree);
  const plan = makePlan(cube, rules, request);
  const out = new Float64Array(topology.size * plan.elements.length);
  if (topology.size === 0) return out;
  const top = request.subtreeOf;
  if (top === undefined) {
    runKernel(cube, tree, topology, plan, 0, topology.size - 1, out, true, coverage);
    return out;
  }
  if (!Number.isInteger(top) || top < 0 || top >= topology.size) {
    throw badRequest('analytics.no-unit-at-index', { index: String(top) }, ['subtreeOf']);
  }
  out.fill(Number.NaN);
  const hi = topology.position[top] ?? 0;
  const lo = hi - (topology.subtreeSize[top] ?? 1) + 1;
  runKernel(cube, tree, topology, plan, lo, hi, out, true, coverage);
  return out;
}

interface Plan {
  readonly elements: Int32Array;
  readonly months: Int32Array;
  readonly unitRule: Uint8Array;
  readonly timeRule: Uint8Array;
  readonly missing: Uint8Array;
  /** Per position, its pair or −1. */
  readonly pairOf: Int32Array;
  readonly pairs: readonly PairRequest[];
}

function makePlan(cube: ValueCube, rules: ElementRules, request: AllUnitsRequest): Plan {
  const elements = Int32Array.from(request.elements);
  request.elements.forEach((e, i) => {
    if (!Number.isInteger(e) || e < 0 || e >= cube.elements.length) {
      throw badRequest('analytics.no-element-at-index', { index: String(e) }, ['elements', i]);
    }
  });
  const seen = new Uint8Array(cube.months.length);
  request.months.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 0 || m >= cube.months.length) {
      throw badRequest('analytics.no-month-at-index', { index: String(m) }, ['months', i]);
    }
    // A month listed twice would be counted twice in a sum.
    if (seen[m] === 1) {
      throw badRequest('analytics.month-twice', { month: cube.months[m] ?? String(m) }, ['months', i]);
    }
    seen[m] = 1;
  });
  const { units, time, missing } = resolveRuleCodes(rules, cube.elements, elements);
  const pairs = request.pairs ?? [];
  const pairOf = new Int32Array(elements.length).fill(-1);
  pairs.forEach((pair, g) => {
    if (pair.members.length === 0) throw badRequest('analytics.empty-pair', { pair: g }, ['pairs', g]);
    pair.members.forEach((p, i) => {
      if (!Number.isInteger(p) || p < 0 || p >= elements.length || pairOf[p] !== -1) {
        throw badRequest('analytics.bad-pair-member', { position: String(p) }, ['pairs', g, 'members', i]);
      }
      pairOf[p] = g;
    });
    if (pair.weight !== -1 && !pair.members.includes(pair.weight)) {
      throw badRequest('analytics.bad-pair-member', { position: String(pair.weight) }, [
        'pairs',
        g,
        'weight',
      ]);
    }
  });
  return {
    elements,
    months: Int32Array.from(request.months),
    unitRule: units,
    timeRule: time,
    missing,
    pairOf,
    pairs,
  };
}

/**
 * Walks post-order positions lo…hi (one whole subtree, its root at hi). For every unit and requested
 * (element, month) cell it takes the unit's own value, or else the sum or mean of what its children pushed
 * into its scratch row (by the element's missing-value rule); pushes the result into its parent's row; and
 * folds the months into the unit's result. Pairs are taken member by member in step (pairKernel). With `all`,
 * every unit's result is written to `out[unit × elements + i]`; otherwise only the root's, to `out[i]`.
 */
function runKernel(
  cube: ValueCube,
  tree: OrgTree,
  topology: TreeTopology,
  plan: Plan,
  lo: number,
  hi: number,
  out: Float64Array,
  all: boolean,
  coverage: PairCoverage | undefined,
): void {
  const { order, depthAt, hasChildrenAt, childStart } = topology;
  const { elements, months, unitRule, timeRule, missing, pairOf } = plan;
  const segments = cube.segments;
  const rowsPerSegment = cube.rowsPerSegment;
  const nE = elements.length;
  const nM = months.length;
  const E = cube.elements.length;
  const M = cube.months.length;
  const K = nE * nM;
  const baseDepth = depthAt[hi] ?? 0;
  let deepest = baseDepth;
  for (let pos = lo; pos <= hi; pos++) deepest = Math.max(deepest, depthAt[pos] ?? 0);
  // Row r holds the running sum and count of values pushed up by children at relative depth r + 1.
  const rows = deepest - baseDepth + 1;
  const sums = new Float64Array(rows * K);
  const counts = new Int32Array(rows * K);
  const pairs = plan.pairs.length > 0 ? makePairScratch(plan, rows * K) : null;

  for (let pos = lo; pos <= hi; pos++) {
    const unit = order[pos] ?? 0;
    const cubeUnit = cube.unitIndex(tree.codes[unit] ?? '');
    const row = ((depthAt[pos] ?? 0) - baseDepth) * K;
    const parentRow = row - K;
    const pushUp = pos !== hi;
    const fromChildren = hasChildrenAt[pos] === 1;
    const childCount = (childStart[unit + 1] ?? 0) - (childStart[unit] ?? 0);
    const emit = all || pos === hi;
    const outBase = all ? unit * nE : 0;
    for (let i = 0; i < nE; i++) {
      if (pairOf[i] !== -1) continue;
      // The unit's row of this element: its segment and where its months start there (ValueCube.rowAt, inlined).
      let cells: Float64Array | undefined;
      let cellBase = 0;
      if (cubeUnit >= 0) {
        const r = cubeUnit * E + (elements[i] ?? 0);
        const s = Math.floor(r / rowsPerSegment);
        cells = segments[s];
        cellBase = (r - s * rowsPerSegment) * M;
      }
      const averageUnits = unitRule[i] === AVERAGE;
      const policy = missing[i];
      const k0 = i * nM;
      let total = 0;
      let n = 0;
      let latestMonth = -1;
      let latest = Number.NaN;
      let highest = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < nM; j++) {
        const month = months[j] ?? 0;
        const k = k0 + j;
        let value = cells !== undefined ? (cells[cellBase + month] ?? Number.NaN) : Number.NaN;
        if (fromChildren && Number.isNaN(value)) {
          const c = counts[row + k] ?? 0;
          // zero: a child without a value counts as 0 (so a mean divides by every child);
          // required: no value unless every child has one.
          if (c > 0 && (policy !== REQUIRED || c === childCount)) {
            const divisor = policy === ZERO ? childCount : c;
            value = averageUnits ? (sums[row + k] ?? 0) / divisor : (sums[row + k] ?? 0);
          }
        }
        if (Number.isNaN(value)) continue;
        if (pushUp) {
          sums[parentRow + k] = (sums[parentRow + k] ?? 0) + value;
          counts[parentRow + k] = (counts[parentRow + k] ?? 0) + 1;
        }
        if (emit) {
          total += value;
          n++;
          if (month > latestMonth) {
            latestMonth = month;
            latest = value;
          }
          if (value > highest) highest = value;
        }
      }
      if (emit) out[outBase + i] = n === 0 ? Number.NaN : foldTime(timeRule[i], total, n, highest, latest);
    }
    if (pairs) {
      pairKernel(plan, pairs, cube, cubeUnit, {
        unit,
        row,
        parentRow,
        pushUp,
        fromChildren,
        emit,
        outBase,
        sums,
        counts,
        out,
        coverage,
      });
    }
    if (fromChildren) {
      // Consumed: clear the row for the next unit at this depth.
      sums.fill(0, row, row + K);
      counts.fill(0, row, row + K);
      if (pairs) {
        pairs.partSums.fill(0, row, row + K);
        pairs.partCounts.fill(0, row, row + K);
      }
    }
  }
}

function foldTime(
  rule: number | undefined,
  total: number,
  n: number,
  highest: number,
  latest: number,
): number {
  return rule === SUM ? total : rule === AVERAGE ? total / n : rule === MAX ? highest : latest;
}

interface PairScratch {
  /** Weight carried up by children left out, and their number, at the slot of each pair's first member. */
  readonly partSums: Float64Array;
  readonly partCounts: Int32Array;
  /** Per member of the pair being folded: the month's value and the running time fold. */
  readonly value: Float64Array;
  readonly total: Float64Array;
  readonly n: Int32Array;
  readonly latest: Float64Array;
  readonly latestMonth: Int32Array;
  readonly highest: Float64Array;
  /** Per member of the pair being folded: the unit's row (its segment, undefined without one) and its start. */
  readonly rows: (Float64Array | undefined)[];
  readonly starts: Int32Array;
}

function makePairScratch(plan: Plan, size: number): PairScratch {
  const widest = Math.max(...plan.pairs.map((p) => p.members.length));
  return {
    partSums: new Float64Array(size),
    partCounts: new Int32Array(size),
    value: new Float64Array(widest),
    total: new Float64Array(widest),
    n: new Int32Array(widest),
    latest: new Float64Array(widest),
    latestMonth: new Int32Array(widest),
    highest: new Float64Array(widest),
    rows: new Array<Float64Array | undefined>(widest),
    starts: new Int32Array(widest),
  };
}

interface PairStep {
  readonly unit: number;
  readonly row: number;
  readonly parentRow: number;
  readonly pushUp: boolean;
  readonly fromChildren: boolean;
  readonly emit: boolean;
  readonly outBase: number;
  readonly sums: Float64Array;
  readonly counts: Int32Array;
  readonly out: Float64Array;
  readonly coverage: PairCoverage | undefined;
}

/**
 * One unit's pairs: per month, the unit's own values when it has every member, else its children's sums over
 * the children that had every member (they push all members together, so one count serves the pair); a month
 * with part of a pair only is left out of every member, and the weight it carried is passed up as left out.
 */
function pairKernel(
  plan: Plan,
  scratch: PairScratch,
  cube: ValueCube,
  cubeUnit: number,
  step: PairStep,
): void {
  const { elements, months, unitRule, timeRule, pairs } = plan;
  const nM = months.length;
  const { row, parentRow, sums, counts, coverage } = step;
  const { partSums, partCounts, value } = scratch;
  for (let g = 0; g < pairs.length; g++) {
    const pair = pairs[g];
    if (!pair) continue;
    const members = pair.members;
    const size = members.length;
    const slot0 = (members[0] ?? 0) * nM;
    // Each member's row of the unit (they may lie in different segments), or none when the cube lacks the unit.
    for (let x = 0; x < size; x++) {
      const at = cubeUnit >= 0 ? cube.rowAt(cubeUnit, elements[members[x] ?? 0] ?? 0) : null;
      scratch.rows[x] = at?.segment;
      scratch.starts[x] = at?.start ?? 0;
    }
    scratch.total.fill(0, 0, size);
    scratch.n.fill(0, 0, size);
    scratch.latestMonth.fill(-1, 0, size);
    scratch.highest.fill(Number.NEGATIVE_INFINITY, 0, size);
    let complete = 0;
    let partial = 0;
    let own = 0;
    let weightIn = 0;
    let weightOut = 0;
    for (let j = 0; j < nM; j++) {
      const month = months[j] ?? 0;
      let ownCount = 0;
      let ownWeight = Number.NaN;
      for (let x = 0; x < size; x++) {
        const p = members[x] ?? 0;
        const cells = scratch.rows[x];
        const v = cells !== undefined ? (cells[(scratch.starts[x] ?? 0) + month] ?? Number.NaN) : Number.NaN;
        value[x] = v;
        if (!Number.isNaN(v)) ownCount++;
        if (p === pair.weight) ownWeight = v;
      }
      const childrenComplete = step.fromChildren ? (counts[row + slot0 + j] ?? 0) : 0;
      if (ownCount === size) {
        own++;
      } else if (childrenComplete > 0) {
        for (let x = 0; x < size; x++) {
          const k = row + (members[x] ?? 0) * nM + j;
          const sum = sums[k] ?? 0;
          value[x] = unitRule[members[x] ?? 0] === AVERAGE ? sum / childrenComplete : sum;
        }
      } else {
        // Part of the pair, here or below: left out of every member; its weight is carried as left out.
        const below = step.fromChildren ? (partCounts[row + slot0 + j] ?? 0) : 0;
        if (ownCount === 0 && below === 0) continue;
        const carried = Number.isNaN(ownWeight) ? (partSums[row + slot0 + j] ?? 0) : ownWeight;
        partial++;
        weightOut += carried;
        if (step.pushUp) {
          partSums[parentRow + slot0 + j] = (partSums[parentRow + slot0 + j] ?? 0) + carried;
          partCounts[parentRow + slot0 + j] = (partCounts[parentRow + slot0 + j] ?? 0) + 1;
        }
        continue;
      }
      complete++;
      for (let x = 0; x < size; x++) {
        const p = members[x] ?? 0;
        const v = value[x] ?? 0;
        if (p === pair.weight) weightIn += v;
        if (step.pushUp) {
          const k = parentRow + p * nM + j;
          sums[k] = (sums[k] ?? 0) + v;
          counts[k] = (counts[k] ?? 0) + 1;
        }
        if (step.emit) {
          scratch.total[x] = (scratch.total[x] ?? 0) + v;
          scratch.n[x] = (scratch.n[x] ?? 0) + 1;
          if (month > (scratch.latestMonth[x] ?? -1)) {
            scratch.latestMonth[x] = month;
            scratch.latest[x] = v;
          }
          if (v > (scratch.highest[x] ?? Number.NEGATIVE_INFINITY)) scratch.highest[x] = v;
        }
      }
    }
    if (step.emit) {
      for (let x = 0; x < size; x++) {
        const p = members[x] ?? 0;
        const n = scratch.n[x] ?? 0;
        step.out[step.outBase + p] =
          n === 0
            ? Number.NaN
            : foldTime(
                timeRule[p],
                scratch.total[x] ?? 0,
                n,
                scratch.highest[x] ?? 0,
                scratch.latest[x] ?? 0,
              );
      }
    }
    if (coverage) {
      const at = step.unit * coverage.pairs + g;
      coverage.complete[at] = complete;
      coverage.partial[at] = partial;
      coverage.own[at] = own;
      coverage.weightIn[at] = weightIn;
      coverage.weightOut[at] = weightOut;
    }
  }
}
