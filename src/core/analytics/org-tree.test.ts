/** The org-unit tree: building it from links in any order, refusing broken ones, and its post-order. */
import { describe, expect, test } from 'vitest';
import { type Problem, ProblemError } from '../errors/problem.ts';
import { buildOrgTree, type OrgTree, type OrgUnitLink, treeTopology } from './index.ts';

function problemFrom(call: () => unknown): Problem {
  try {
    call();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('buildOrgTree', () => {
  test('keeps the input order and links children listed before their parents', () => {
    const tree = buildOrgTree([
      { code: 'D1', parent: 'H1' },
      { code: 'H1', parent: 'G' },
      { code: 'G', parent: null },
      { code: 'D2', parent: 'H1' },
      { code: 'H2', parent: 'G' },
    ]);
    expect(tree.codes).toEqual(['D1', 'H1', 'G', 'D2', 'H2']);
    expect(Array.from(tree.parent)).toEqual([1, 2, -1, 1, 2]);
  });

  test('accepts a forest with several roots and an empty list', () => {
    expect(
      Array.from(
        buildOrgTree([
          { code: 'A', parent: null },
          { code: 'B', parent: null },
        ]).parent,
      ),
    ).toEqual([-1, -1]);
    expect(buildOrgTree([]).codes).toEqual([]);
  });

  test.each<[string, OrgUnitLink[], Problem['issues']]>([
    [
      'a duplicate code',
      [
        { code: 'G', parent: null },
        { code: 'H1', parent: 'G' },
        { code: 'H1', parent: 'G' },
      ],
      [
        {
          path: [2, 'code'],
          code: 'analytics.unit-listed-twice',
          params: { code: 'H1', first: 1 },
          message: "The org unit 'H1' is listed twice (first at 1).",
        },
      ],
    ],
    [
      'an unknown parent',
      [
        { code: 'G', parent: null },
        { code: 'H1', parent: 'X' },
      ],
      [
        {
          path: [1, 'parent'],
          code: 'analytics.unknown-parent',
          params: { parent: 'X', code: 'H1' },
          message: "The parent 'X' of 'H1' is not an org unit.",
        },
      ],
    ],
    [
      'an empty code',
      [{ code: '', parent: null }],
      [
        {
          path: [0, 'code'],
          code: 'analytics.unit-needs-code',
          params: {},
          message: 'An org unit needs a code.',
        },
      ],
    ],
    [
      'a unit that is its own parent',
      [{ code: 'A', parent: 'A' }],
      [
        {
          path: [0, 'parent'],
          code: 'analytics.cycle',
          params: { cycle: "'A' → 'A'" },
          message: "The org units form a cycle: 'A' → 'A' (each is shown with its parent after it).",
        },
      ],
    ],
    [
      'two units that are each other’s parent, below which a third hangs',
      [
        { code: 'C', parent: 'B' },
        { code: 'A', parent: 'B' },
        { code: 'B', parent: 'A' },
      ],
      [
        {
          path: [1, 'parent'],
          code: 'analytics.cycle',
          params: { cycle: "'A' → 'B' → 'A'" },
          message: "The org units form a cycle: 'A' → 'B' → 'A' (each is shown with its parent after it).",
        },
      ],
    ],
    [
      'two separate cycles, each reported once',
      [
        { code: 'R', parent: null },
        { code: 'A', parent: 'C' },
        { code: 'B', parent: 'A' },
        { code: 'C', parent: 'B' },
        { code: 'X', parent: 'X' },
      ],
      [
        {
          path: [1, 'parent'],
          code: 'analytics.cycle',
          params: { cycle: "'A' → 'C' → 'B' → 'A'" },
          message:
            "The org units form a cycle: 'A' → 'C' → 'B' → 'A' (each is shown with its parent after it).",
        },
        {
          path: [4, 'parent'],
          code: 'analytics.cycle',
          params: { cycle: "'X' → 'X'" },
          message: "The org units form a cycle: 'X' → 'X' (each is shown with its parent after it).",
        },
      ],
    ],
  ])('refuses %s', (_name, units, issues) => {
    const problem = problemFrom(() => buildOrgTree(units));
    expect(problem.type).toBe('validation');
    expect(problem.code).toBe('analytics.tree-invalid');
    expect(problem.detail).toBe('The org-unit tree is not valid.');
    expect(problem.issues).toEqual(issues);
  });
});

describe('treeTopology', () => {
  // G(0) → H1(1) → D1(3), D2(4); G → H2(2) → D3(5); R(6) a second root.
  const tree = buildOrgTree([
    { code: 'G', parent: null },
    { code: 'H1', parent: 'G' },
    { code: 'H2', parent: 'G' },
    { code: 'D1', parent: 'H1' },
    { code: 'D2', parent: 'H1' },
    { code: 'D3', parent: 'H2' },
    { code: 'R', parent: null },
  ]);

  test('orders every unit after its descendants, children in index order', () => {
    const topology = treeTopology(tree);
    expect(Array.from(topology.order, (u) => tree.codes[u])).toEqual([
      'D1',
      'D2',
      'H1',
      'D3',
      'H2',
      'G',
      'R',
    ]);
    expect(Array.from(topology.subtreeSize)).toEqual([6, 3, 2, 1, 1, 1, 1]);
    expect(Array.from(topology.depthAt)).toEqual([2, 2, 1, 2, 1, 0, 0]);
    expect(Array.from(topology.hasChildrenAt)).toEqual([0, 0, 1, 0, 1, 1, 0]);
    expect(topology.maxDepth).toBe(2);
  });

  test('lists children per unit', () => {
    const { childStart, children } = treeTopology(tree);
    const childrenOf = (u: number) => Array.from(children.subarray(childStart[u], childStart[u + 1]));
    expect([0, 1, 2, 3].map(childrenOf)).toEqual([[1, 2], [3, 4], [5], []]);
  });

  test('computes the topology once per tree', () => {
    expect(treeTopology(tree)).toBe(treeTopology(tree));
  });

  test.each<[string, OrgTree, string, string]>([
    [
      'a parent array of the wrong length',
      { codes: ['A', 'B'], parent: Int32Array.of(-1) },
      'analytics.parent-count',
      'There are 2 codes but 1 parents.',
    ],
    [
      'a parent out of range',
      { codes: ['A', 'B'], parent: Int32Array.of(-1, 5) },
      'analytics.bad-parent-index',
      'Unit 1 has the parent 5, which is not another unit.',
    ],
    [
      'a cycle in a hand-made tree',
      { codes: ['R', 'A', 'B'], parent: Int32Array.of(-1, 2, 1) },
      'analytics.units-below-no-root',
      '2 units are not below any root: their parents form a cycle.',
    ],
  ])('refuses %s', (_name, bad, code, message) => {
    expect(problemFrom(() => treeTopology(bad)).issues[0]).toMatchObject({ code, message });
  });
});
