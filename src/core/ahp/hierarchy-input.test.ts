import { describe, expect, test } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import {
  fromUpperTriangle,
  SAATY_1990_HOUSE_ALTERNATIVES,
  SAATY_1990_HOUSE_CRITERIA,
  SEED_002_MATRICES,
} from './fixtures.ts';
import { computeHierarchy, type HierarchyInputNode, parseJudgmentMatrix } from './index.ts';

/**
 * Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48:9–26, Tables 2–4: eight
 * criteria over three houses. Each criterion is a node with a 3×3 matrix and no children, i.e. three implicit
 * leaves (the houses); the published overall priorities are A 0.396, B 0.341, C 0.263.
 */
const HOUSE: HierarchyInputNode = {
  label: 'house',
  matrix: parseJudgmentMatrix(SAATY_1990_HOUSE_CRITERIA),
  children: SAATY_1990_HOUSE_ALTERNATIVES.map(([label, ab, ac, bc]) => ({
    label,
    matrix: parseJudgmentMatrix(fromUpperTriangle(ab, ac, bc)),
  })),
};

describe('computeHierarchy', () => {
  test('Saaty 1990 house: the implicit leaves summed per house give the published 0.396, 0.341, 0.263', () => {
    const { globalWeights, leaves } = computeHierarchy(HOUSE);
    expect(leaves).toHaveLength(24);
    const byHouse = [0, 1, 2].map((h) =>
      globalWeights.filter((_, k) => k % 3 === h).reduce((s, w) => s + w, 0),
    );
    expect(byHouse[0]).toBeCloseTo(0.396, 3);
    expect(byHouse[1]).toBeCloseTo(0.341, 3);
    expect(byHouse[2]).toBeCloseTo(0.263, 3);
  });

  test('lists the leaves depth-first with their paths and labels', () => {
    const { leaves } = computeHierarchy(HOUSE);
    expect(leaves.slice(0, 4)).toEqual([
      { path: [0, 0], label: 'size.1' },
      { path: [0, 1], label: 'size.2' },
      { path: [0, 2], label: 'size.3' },
      { path: [1, 0], label: 'transportation.1' },
    ]);
  });

  test('each node reports its own CR (the criteria matrix: 0.169, Saaty 1990)', () => {
    const { nodes } = computeHierarchy(HOUSE);
    expect(nodes).toHaveLength(9);
    expect(nodes[0]?.cr).toBeCloseTo(0.169, 3);
    expect(nodes[0]?.consistent).toBe(false);
  });

  test('seed 002 given as one expert per node reproduces Tables 4.1–4.6 through the panel path', () => {
    const one = (table: keyof typeof SEED_002_MATRICES) => [
      { matrix: parseJudgmentMatrix(SEED_002_MATRICES[table]) },
    ];
    const leaf = (n: number) => Array.from({ length: n }, () => ({}));
    const result = computeHierarchy({
      experts: one('table-4.1'),
      children: [
        { experts: one('table-4.2'), children: leaf(6) },
        { experts: one('table-4.3'), children: leaf(6) },
        { experts: one('table-4.4'), children: leaf(9) },
        { experts: one('table-4.5'), children: leaf(4) },
        { experts: one('table-4.6'), children: leaf(6) },
      ],
    });
    expect(result.nodes.map((n) => n.weights[0])).toEqual([
      expect.closeTo(0.3764, 4),
      expect.closeTo(0.3413, 4),
      expect.closeTo(0.3392, 4),
      expect.closeTo(0.0945, 4),
      expect.closeTo(0.226, 4),
      expect.closeTo(0.3077, 4),
    ]);
    expect(result.nodes.map((n) => n.cr)).toEqual([
      expect.closeTo(0.0753, 4),
      expect.closeTo(0.0658, 4),
      expect.closeTo(0.0293, 4),
      expect.closeTo(0.0882, 4),
      expect.closeTo(0.0172, 4),
      expect.closeTo(0.041, 4),
    ]);
    expect(result.globalWeights).toHaveLength(31);
    expect(result.globalWeights[0]).toBeCloseTo(0.3764 * 0.3413, 4);
    expect(result.globalWeights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  test('a single expert per node has no consensus to report', () => {
    expect(
      computeHierarchy({
        experts: [
          {
            matrix: [
              [1, 2],
              [0.5, 1],
            ],
          },
        ],
      }).consensus,
    ).toBeNull();
  });

  test('hierarchy consensus is the mean of the panel nodes’ S*, weighted by their global weights', () => {
    const same = [
      [1, 3],
      [1 / 3, 1],
    ];
    const opposite = [
      [1, 1 / 3],
      [3, 1],
    ];
    const result = computeHierarchy({
      matrix: [
        [1, 3],
        [1 / 3, 1],
      ],
      children: [
        { experts: [{ matrix: same }, { matrix: same }] },
        { experts: [{ matrix: same }, { matrix: opposite }] },
      ],
    });
    const [, a, b] = result.nodes;
    expect(a?.consensus).toBeCloseTo(1, 12);
    const expected = (0.75 * 1 + 0.25 * (b?.consensus ?? Number.NaN)) / 1;
    expect(result.consensus).toBeCloseTo(expected, 12);
  });

  test('reports every node problem at once, with paths', () => {
    const problem = problemOf(() =>
      computeHierarchy({
        matrix: [
          [1, 2],
          [0.5, 1],
        ],
        children: [
          {
            matrix: [
              [1, 2],
              [0.5, 1],
            ],
            children: [{}, {}, {}],
          },
          { children: [{}, {}] },
        ],
      }),
    );
    expect(problem.issues.map((i) => [i.code, i.path])).toEqual([
      ['ahp.node-size-mismatch', ['hierarchy', 'children', 0]],
      ['ahp.node-matrix-missing', ['hierarchy', 'children', 1]],
    ]);
  });
});
