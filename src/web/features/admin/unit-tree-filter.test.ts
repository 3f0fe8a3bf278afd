import { describe, expect, it } from 'vitest';
import type { UnitTreeNode } from '../../lib/org-unit-tree.ts';
import { filterUnitTree } from './unit-tree-filter.ts';

const leaf = (value: string, title: string): UnitTreeNode => ({ value, title, children: [] });
const tree: UnitTreeNode[] = [
  {
    value: 'UMG',
    title: 'Medical group',
    children: [
      { value: 'UMG-B1', title: 'Branch 1', children: [leaf('UMG-B1-INTM', 'Internal medicine')] },
      { value: 'UMG-B2', title: 'Branch 2', children: [leaf('UMG-B2-SURG', 'Surgery')] },
    ],
  },
  leaf('AZ', 'AZ Hospital'),
];

describe('filterUnitTree', () => {
  it('returns the tree unchanged for empty text', () => {
    expect(filterUnitTree(tree, '  ')).toEqual({ nodes: tree, expanded: [] });
  });

  it('keeps a deep match with its ancestors and opens them', () => {
    const result = filterUnitTree(tree, 'surgery');
    expect(result.nodes).toEqual([
      {
        value: 'UMG',
        title: 'Medical group',
        children: [{ value: 'UMG-B2', title: 'Branch 2', children: [leaf('UMG-B2-SURG', 'Surgery')] }],
      },
    ]);
    expect(result.expanded.sort()).toEqual(['UMG', 'UMG-B2']);
  });

  it('matches codes as well as names, case-insensitively', () => {
    expect(filterUnitTree(tree, 'az').nodes).toEqual([leaf('AZ', 'AZ Hospital')]);
    expect(filterUnitTree(tree, 'b1-intm').nodes[0]?.children[0]?.children).toEqual([
      leaf('UMG-B1-INTM', 'Internal medicine'),
    ]);
  });

  it('finds nothing when nothing matches', () => {
    expect(filterUnitTree(tree, 'zzz')).toEqual({ nodes: [], expanded: [] });
  });
});
