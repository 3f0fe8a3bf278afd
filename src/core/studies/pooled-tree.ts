/**
 * An org-unit group evaluated as one unit: a tree with one more unit, a root whose children are the group's
 * members, so the aggregation kernel (../analytics) rolls them up exactly as it rolls up any parent: per month
 * Σ over the members, pairwise for a ratio's numerator and denominator (README.md there, rules 1 and 4). The
 * group's ratio is then Σ numerators ÷ Σ denominators over its members, never a mean of their ratios.
 */
import { buildOrgTree, type OrgTree } from '../analytics/index.ts';

/** The code of the added unit; not a valid org-unit code, so it never meets a real one (or a cube row). */
export function pooledUnitCode(groupCode: string): string {
  return `\u0000group:${groupCode}`;
}

/**
 * `tree` with a pooled unit added as a new root over `members` (codes of units of the tree). A member under
 * another member stays where it is: its values already reach the pool through its ancestor, and moving it
 * would count them twice. Returns the new tree and the pooled unit's index.
 *
 * @example
 * // Group G → H1, H2; pool {H1, H2}:
 * withPooledUnit(tree, 'BRANCHES', ['H1', 'H2']) // { tree: …, unit: 3 }, H1 and H2 now children of unit 3
 */
export function withPooledUnit(
  tree: OrgTree,
  groupCode: string,
  members: readonly string[],
): { readonly tree: OrgTree; readonly unit: number } {
  const memberSet = new Set(members);
  const hasMemberAncestor = (i: number): boolean => {
    for (let p = tree.parent[i] ?? -1; p >= 0; p = tree.parent[p] ?? -1) {
      if (memberSet.has(tree.codes[p] ?? '')) return true;
    }
    return false;
  };
  const pooled = pooledUnitCode(groupCode);
  const links = tree.codes.map((code, i) => {
    const parentIndex = tree.parent[i] ?? -1;
    const top = memberSet.has(code) && !hasMemberAncestor(i);
    return {
      code,
      parent: top ? pooled : parentIndex < 0 ? null : (tree.codes[parentIndex] ?? null),
    };
  });
  links.push({ code: pooled, parent: null });
  return { tree: buildOrgTree(links), unit: links.length - 1 };
}
