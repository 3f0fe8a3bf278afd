/**
 * The admin tree's search: keeps the units whose name or code holds the text, with their ancestors (so each
 * match stays where it sits in the tree), and says which nodes to open.
 */
import type { UnitTreeNode } from '../../lib/org-unit-tree.ts';

export interface FilteredTree {
  readonly nodes: UnitTreeNode[];
  /** Codes of the kept nodes that have kept children: open these to show every match. */
  readonly expanded: string[];
}

/**
 * @example filterUnitTree([{ value: 'UMG', title: 'Group', children: [{ value: 'UMG-B1', title: 'Branch', children: [] }] }], 'branch')
 * // { nodes: [UMG with only UMG-B1], expanded: ['UMG'] }
 */
export function filterUnitTree(nodes: readonly UnitTreeNode[], text: string): FilteredTree {
  const needle = text.trim().toLowerCase();
  const expanded: string[] = [];
  if (needle === '') return { nodes: [...nodes], expanded };
  const visit = (list: readonly UnitTreeNode[]): UnitTreeNode[] =>
    list.flatMap((node) => {
      const children = visit(node.children);
      const hit = node.title.toLowerCase().includes(needle) || node.value.toLowerCase().includes(needle);
      if (!hit && children.length === 0) return [];
      if (children.length > 0) expanded.push(node.value);
      return [{ ...node, children }];
    });
  return { nodes: visit(nodes), expanded };
}
