/**
 * The org-unit tree the cube aggregates over (group → hospitals → departments, or any depth), stored as a
 * parent array, plus the derived shape the aggregation walks: children lists and a post-order.
 */
import { invalid, issue, type ProblemIssue } from '../errors/problem.ts';

/** Unit `i` is `codes[i]`; `parent[i]` is the index of its parent, or −1 for a root. A forest is allowed. */
export interface OrgTree {
  readonly codes: readonly string[];
  readonly parent: Int32Array;
}

/** One org unit as it comes from the database or a file. */
export interface OrgUnitLink {
  readonly code: string;
  readonly parent: string | null;
}

/**
 * The shape of a tree, computed once per tree: `order` lists units in post-order (every unit after all its
 * descendants, children in index order), so a unit's subtree is the contiguous run of positions
 * `position[u] − subtreeSize[u] + 1 … position[u]`. Arrays named `…At` are indexed by position, the others by
 * unit index.
 */
export interface TreeTopology {
  readonly size: number;
  /** `order[pos]` is the unit at post-order position `pos`. */
  readonly order: Int32Array;
  readonly position: Int32Array;
  readonly subtreeSize: Int32Array;
  /** Depth below its root (a root is 0), by position. */
  readonly depthAt: Int32Array;
  /** 1 when the unit at that position has children. */
  readonly hasChildrenAt: Uint8Array;
  readonly maxDepth: number;
  /** Children of unit `u`: `children[childStart[u]] … children[childStart[u + 1] − 1]`, in index order. */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
}

/**
 * Builds the tree from units listed in any order (children may come before their parents). Refuses, all at
 * once through `invalid`, empty or duplicate codes, a parent that is not in the list, and cycles (a unit that
 * is its own ancestor), each with its path `[index, 'code' | 'parent']` in the input.
 *
 * @example
 * buildOrgTree([{ code: 'H1', parent: 'G' }, { code: 'G', parent: null }])
 * // { codes: ['H1', 'G'], parent: Int32Array [1, -1] }
 */
export function buildOrgTree(units: readonly OrgUnitLink[]): OrgTree {
  const issues: ProblemIssue[] = [];
  const indexOf = new Map<string, number>();
  units.forEach((unit, i) => {
    if (typeof unit.code !== 'string' || unit.code === '') {
      issues.push(issue('analytics.unit-needs-code', {}, [i, 'code']));
    } else if (indexOf.has(unit.code)) {
      const first = indexOf.get(unit.code) ?? 0;
      issues.push(issue('analytics.unit-listed-twice', { code: unit.code, first }, [i, 'code']));
    } else {
      indexOf.set(unit.code, i);
    }
  });
  const parent = new Int32Array(units.length).fill(-1);
  units.forEach((unit, i) => {
    if (unit.parent === null) return;
    const p = indexOf.get(unit.parent);
    if (p === undefined) {
      issues.push(issue('analytics.unknown-parent', { parent: unit.parent, code: unit.code }, [i, 'parent']));
    } else {
      parent[i] = p;
    }
  });
  if (issues.length === 0) issues.push(...findCycles(units, parent));
  if (issues.length > 0) throw invalid('analytics.tree-invalid', {}, issues);
  return { codes: units.map((unit) => unit.code), parent };
}

/** Each cycle once, reported at its unit that comes first in the input, e.g. `'A' → 'B' → 'A'`. */
function findCycles(units: readonly OrgUnitLink[], parent: Int32Array): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  // 0 = not seen, 1 = on the walk in progress, 2 = known to reach a root.
  const state = new Uint8Array(units.length);
  for (let start = 0; start < units.length; start++) {
    const walk: number[] = [];
    let v = start;
    while (v !== -1 && state[v] === 0) {
      state[v] = 1;
      walk.push(v);
      v = parent[v] ?? -1;
    }
    if (v !== -1 && state[v] === 1) {
      const cycle = walk.slice(walk.indexOf(v));
      const first = Math.min(...cycle);
      const from = cycle.indexOf(first);
      const names = [...cycle.slice(from), ...cycle.slice(0, from), first].map((u) => `'${units[u]?.code}'`);
      issues.push(issue('analytics.cycle', { cycle: names.join(' → ') }, [first, 'parent']));
    }
    // Cycle members are marked done too: they are reported once, and every walk that reaches them stops.
    for (const u of walk) state[u] = 2;
  }
  return issues;
}

const topologies = new WeakMap<OrgTree, TreeTopology>();

/**
 * The post-order, depths and children lists of a tree, computed on first use and kept for as long as the
 * tree object lives: a tree must not be changed after it is first aggregated. Throws `invalid` when the
 * parent array is not a forest (wrong length, an index out of range, a cycle), which `buildOrgTree` already
 * guarantees; hand-made trees are checked here.
 *
 * @example treeTopology(buildOrgTree([{ code: 'G', parent: null }, { code: 'H', parent: 'G' }])).order // Int32Array [1, 0]
 */
export function treeTopology(tree: OrgTree): TreeTopology {
  const cached = topologies.get(tree);
  if (cached !== undefined) return cached;
  const topology = computeTopology(tree);
  topologies.set(tree, topology);
  return topology;
}

function computeTopology(tree: OrgTree): TreeTopology {
  const n = tree.codes.length;
  const { parent } = tree;
  if (parent.length !== n) {
    throw invalid('analytics.tree-invalid', {}, [
      issue('analytics.parent-count', { codes: n, parents: parent.length }, ['parent']),
    ]);
  }
  const childStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    const p = parent[u] ?? -1;
    if (p < -1 || p >= n || p === u) {
      throw invalid('analytics.tree-invalid', {}, [
        issue('analytics.bad-parent-index', { unit: u, parent: p }, ['parent', u]),
      ]);
    }
    if (p >= 0) childStart[p + 1] = (childStart[p + 1] ?? 0) + 1;
  }
  for (let u = 0; u < n; u++) childStart[u + 1] = (childStart[u + 1] ?? 0) + (childStart[u] ?? 0);
  const children = new Int32Array(childStart[n] ?? 0);
  const fill = childStart.slice(0, n);
  for (let u = 0; u < n; u++) {
    const p = parent[u] ?? -1;
    if (p < 0) continue;
    const slot = fill[p] ?? 0;
    children[slot] = u;
    fill[p] = slot + 1;
  }

  const order = new Int32Array(n);
  const position = new Int32Array(n);
  const depth = new Int32Array(n);
  const subtreeSize = new Int32Array(n).fill(1);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  let placed = 0;
  let maxDepth = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[top - 1] ?? 0;
      const c = (childStart[v] ?? 0) + (cursor[v] ?? 0);
      if (c < (childStart[v + 1] ?? 0)) {
        cursor[v] = (cursor[v] ?? 0) + 1;
        const child = children[c] ?? 0;
        const d = (depth[v] ?? 0) + 1;
        depth[child] = d;
        if (d > maxDepth) maxDepth = d;
        stack[top++] = child;
      } else {
        top--;
        position[v] = placed;
        order[placed++] = v;
        const p = parent[v] ?? -1;
        if (p >= 0) subtreeSize[p] = (subtreeSize[p] ?? 0) + (subtreeSize[v] ?? 0);
      }
    }
  }
  if (placed < n) {
    throw invalid('analytics.tree-invalid', {}, [
      issue('analytics.units-below-no-root', { count: n - placed }, ['parent']),
    ]);
  }
  const depthAt = new Int32Array(n);
  const hasChildrenAt = new Uint8Array(n);
  for (let pos = 0; pos < n; pos++) {
    const u = order[pos] ?? 0;
    depthAt[pos] = depth[u] ?? 0;
    hasChildrenAt[pos] = (childStart[u + 1] ?? 0) > (childStart[u] ?? 0) ? 1 : 0;
  }
  return { size: n, order, position, subtreeSize, depthAt, hasChildrenAt, maxDepth, childStart, children };
}
