/**
 * The org-unit tree for the designer's pickers, each title carrying the unit's code: departments repeat their
 * names across branches ("Internal Medicine" in every hospital), so the name alone does not say which is meant.
 */
import type { UnitTreeNode } from '../../../lib/org-unit-tree.ts';

export interface CodedUnitNode {
  readonly value: string;
  readonly title: string;
  readonly children: CodedUnitNode[];
}

/** @example withCodes([{ value: 'UMG-B1-INTM', title: 'Internal Medicine', children: [] }])[0].title // 'Internal Medicine (UMG-B1-INTM)' */
export function withCodes(nodes: readonly UnitTreeNode[]): CodedUnitNode[] {
  return nodes.map((node) => ({
    value: node.value,
    title: `${node.title} (${node.value})`,
    children: withCodes(node.children),
  }));
}
