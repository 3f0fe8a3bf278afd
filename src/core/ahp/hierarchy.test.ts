import { describe, expect, test } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { SEED_002_MATRICES } from './fixtures.ts';
import { computeAhp, computeGlobalWeights, type HierarchyNode, parseJudgmentMatrix } from './index.ts';

const leaves = (prefix: string, weights: readonly number[]): HierarchyNode[] =>
  weights.map((weight, i) => ({ id: `${prefix}${i + 1}`, weight }));

/**
 * Seed 002 hierarchy: five dimensions (Table 4.1) over 31 indicators (Tables 4.2–4.6), with the weights as
 * printed to 4 dp — except the internal-process dimension, whose correct weights (seeds README; Table 4.7
 * lists them against the wrong indicator names) are used.
 */
const SEED_002_HIERARCHY: HierarchyNode[] = [
  { id: 'F', weight: 0.3764, children: leaves('F', [0.3413, 0.1714, 0.2321, 0.0611, 0.1037, 0.0904]) },
  { id: 'C', weight: 0.1403, children: leaves('C', [0.3392, 0.1368, 0.1159, 0.2237, 0.0814, 0.1029]) },
  {
    id: 'I',
    weight: 0.243,
    children: leaves('I', [0.0945, 0.1072, 0.1038, 0.0559, 0.0716, 0.0792, 0.2559, 0.1324, 0.0994]),
  },
  { id: 'S', weight: 0.1224, children: leaves('S', [0.226, 0.1436, 0.4588, 0.1716]) },
  { id: 'R', weight: 0.1179, children: leaves('R', [0.3077, 0.1287, 0.1898, 0.0534, 0.106, 0.2144]) },
];

describe('computeGlobalWeights with the seed 002 hierarchy', () => {
  test.each([
    ['F1', 0.3764, 0.3413, 0.12846532],
    ['F5', 0.3764, 0.1037, 0.03903268],
    ['C1', 0.1403, 0.3392, 0.04758976],
    ['I1', 0.243, 0.0945, 0.0229635],
    ['I7', 0.243, 0.2559, 0.0621837],
    ['S3', 0.1224, 0.4588, 0.05615712],
    ['R4', 0.1179, 0.0534, 0.00629586],
  ])('%s = %f × %f = %f', (id, perspective, local, product) => {
    const global = computeGlobalWeights(SEED_002_HIERARCHY);
    expect(global.get(id)).toBeCloseTo(perspective * local, 14);
    expect(global.get(id)).toBeCloseTo(product, 10);
  });

  test('returns the 31 indicators, leaves only, in hierarchy order, summing to 1 within the 4-dp rounding', () => {
    const global = computeGlobalWeights(SEED_002_HIERARCHY);
    expect(global.size).toBe(31);
    expect([...global.keys()].slice(0, 7)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'C1']);
    expect(global.has('F')).toBe(false);
    const total = [...global.values()].reduce((sum, w) => sum + w, 0);
    expect(Math.abs(total - 1)).toBeLessThan(5e-4);
  });

  test('fed with computeAhp on the seed matrices, the global weights sum to exactly 1', () => {
    const weightsOf = (table: keyof typeof SEED_002_MATRICES) =>
      computeAhp(parseJudgmentMatrix(SEED_002_MATRICES[table])).weights;
    const dimensions = weightsOf('table-4.1');
    const tables = ['table-4.2', 'table-4.3', 'table-4.4', 'table-4.5', 'table-4.6'] as const;
    const hierarchy = ['F', 'C', 'I', 'S', 'R'].map((id, d) => ({
      id,
      weight: dimensions[d] ?? Number.NaN,
      children: leaves(id, weightsOf(tables[d] ?? 'table-4.2')),
    }));
    const global = computeGlobalWeights(hierarchy);
    expect([...global.values()].reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 12);
    // numpy: I7 = 0.242994 × 0.255910 = 0.062184, the largest internal-process weight.
    expect(global.get('I7')).toBeCloseTo(0.062184, 6);
  });

  test('deeper hierarchies multiply every level', () => {
    const global = computeGlobalWeights([
      {
        id: 'goal-part',
        weight: 0.5,
        children: [{ id: 'mid', weight: 0.4, children: [{ id: 'leaf', weight: 0.25 }] }],
      },
    ]);
    expect(global.get('leaf')).toBeCloseTo(0.05, 15);
  });
});

describe('computeGlobalWeights input errors', () => {
  test('duplicate ids and bad weights are all reported with their paths', () => {
    const problem = problemOf(() =>
      computeGlobalWeights([
        { id: 'F', weight: 0.5, children: [{ id: 'F1', weight: Number.NaN }] },
        { id: 'C', weight: -0.1, children: [{ id: 'F1', weight: 1 }] },
      ]),
    );
    expect(problem.issues).toEqual([
      {
        path: ['nodes', 0, 'children', 0, 'weight'],
        code: 'ahp.node-weight-invalid',
        params: { where: 'nodes[0].children[0]', weight: 'NaN' },
        message: 'nodes[0].children[0].weight = NaN must be a number ≥ 0',
      },
      {
        path: ['nodes', 1, 'weight'],
        code: 'ahp.node-weight-invalid',
        params: { where: 'nodes[1]', weight: '-0.1' },
        message: 'nodes[1].weight = -0.1 must be a number ≥ 0',
      },
      {
        path: ['nodes', 1, 'children', 0, 'id'],
        code: 'ahp.node-id-duplicate',
        params: { where: 'nodes[1].children[0]', id: 'F1', other: 'nodes[0].children[0]' },
        message: 'nodes[1].children[0].id = "F1" is already used by nodes[0].children[0]; ids must be unique',
      },
    ]);
  });
});
