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
import { AVERAGE, type ElementRules, MAX, resolveRuleCodes, SUM } from './element-rule.ts';
import { type OrgTree, type TreeTopology, treeTopology } from './org-tree.ts';
import type { ValueCube } from './value-cube.ts';

export interface UnitRequest {
  /** Index of the unit in the tree (`tree.codes`). */
  readonly unit: number;
  /** Cube element indices. */
  readonly elements: readonly number[];
  /** Cube month indices (e.g. `cube.monthIndicesOf('2024')`), each at most once. */
  readonly months: readonly number[];
}

export interface AllUnitsRequest {
  readonly elements: readonly number[];
  readonly months: readonly number[];
}

/**
 * One unit's value of each requested element over the requested months: per month its own value or else
 * its children's (sum or mean, recursively), then over the months their sum, mean or latest value; null
 * when nothing is left. Units are those of the tree; a tree unit missing from the cube simply has no own
 * values, and cube units missing from the tree are not used.
 * Method: README.md. Rates are formulas applied after aggregation, so a group's rate is Σ numerators ÷
 * Σ denominators, as NHS England computes its national A&E four-hour figure from trusts' attendances and
 * breaches (/work/shared/data/nhs_england_trusts/README.md).
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
): (number | null)[] {
  const topology = treeTopology(tree);
  if (!Number.isInteger(request.unit) || request.unit < 0 || request.unit >= topology.size) {
    throw badRequest('analytics.no-unit-at-index', { index: String(request.unit) }, ['unit']);
  }
  const plan = makePlan(cube, rules, request);
  const hi = topology.position[request.unit] ?? 0;
  const lo = hi - (topology.subtreeSize[request.unit] ?? 1) + 1;
  const out = new Float64Array(plan.elements.length);
  runKernel(cube, tree, topology, plan, lo, hi, out, false);
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
 */
export function aggregateAllUnits(
  cube: ValueCube,
  tree: OrgTree,
  rules: ElementRules,
  request: AllUnitsRequest,
): Float64Array {
  const topology = treeTopology(tree);
  const plan = makePlan(cube, rules, request);
  const out = new Float64Array(topology.size * plan.elements.length);
  if (topology.size > 0) runKernel(cube, tree, topology, plan, 0, topology.size - 1, out, true);
  return out;
}

interface Plan {
  readonly elements: Int32Array;
  readonly months: Int32Array;
  readonly unitRule: Uint8Array;
  readonly timeRule: Uint8Array;
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
  const { units, time } = resolveRuleCodes(rules, cube.elements, elements);
  return { elements, months: Int32Array.from(request.months), unitRule: units, timeRule: time };
}

/**
 * Walks post-order positions lo…hi (one whole subtree, its root at hi). For every unit and requested
 * (element, month) cell it takes the unit's own value, or else the sum or mean of what its children pushed
 * into its scratch row; pushes the result into its parent's row; and folds the months into the unit's
 * result. With `all`, every unit's result is written to `out[unit × elements + i]`; otherwise only the
 * root's, to `out[i]`.
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
): void {
  const { order, depthAt, hasChildrenAt } = topology;
  const { elements, months, unitRule, timeRule } = plan;
  const data = cube.values;
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

  for (let pos = lo; pos <= hi; pos++) {
    const unit = order[pos] ?? 0;
    const cubeUnit = cube.unitIndex(tree.codes[unit] ?? '');
    const row = ((depthAt[pos] ?? 0) - baseDepth) * K;
    const parentRow = row - K;
    const pushUp = pos !== hi;
    const fromChildren = hasChildrenAt[pos] === 1;
    const emit = all || pos === hi;
    const outBase = all ? unit * nE : 0;
    for (let i = 0; i < nE; i++) {
      const cellBase = cubeUnit >= 0 ? (cubeUnit * E + (elements[i] ?? 0)) * M : -1;
      const averageUnits = unitRule[i] === AVERAGE;
      const k0 = i * nM;
      let total = 0;
      let n = 0;
      let latestMonth = -1;
      let latest = Number.NaN;
      let highest = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < nM; j++) {
        const month = months[j] ?? 0;
        const k = k0 + j;
        let value = cellBase >= 0 ? (data[cellBase + month] ?? Number.NaN) : Number.NaN;
        if (fromChildren && Number.isNaN(value)) {
          const c = counts[row + k] ?? 0;
          if (c > 0) value = averageUnits ? (sums[row + k] ?? 0) / c : (sums[row + k] ?? 0);
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
      if (emit) {
        const rule = timeRule[i];
        out[outBase + i] =
          n === 0
            ? Number.NaN
            : rule === SUM
              ? total
              : rule === AVERAGE
                ? total / n
                : rule === MAX
                  ? highest
                  : latest;
      }
    }
    if (fromChildren) {
      // Consumed: clear the row for the next unit at this depth.
      sums.fill(0, row, row + K);
      counts.fill(0, row, row + K);
    }
  }
}
