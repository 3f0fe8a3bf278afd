/**
 * Missing values in roll-ups (README.md, rule 4): pairwise completeness of numerator/denominator pairs, with
 * the coverage it leaves, and the `zero` and `required` rules. Tree:
 *
 *   G ─ H1, H2, H3        months 2024-01, 2024-02
 */
import { describe, expect, test } from 'vitest';
import {
  aggregateAllUnits,
  aggregateUnitValues,
  buildOrgTree,
  COMMON_RULES,
  type ElementRule,
  PairCoverage,
  unitCoverage,
  ValueCube,
} from './index.ts';

const tree = buildOrgTree([
  { code: 'G', parent: null },
  { code: 'H1', parent: 'G' },
  { code: 'H2', parent: 'G' },
  { code: 'H3', parent: 'G' },
]);
const G = tree.codes.indexOf('G');

function cubeOf(rows: readonly (readonly [string, string, string, number])[]): ValueCube {
  const cube = new ValueCube({
    units: ['G', 'H1', 'H2', 'H3'],
    elements: ['breaches', 'attendances', 'score'],
    months: ['2024-01', '2024-02'],
  });
  for (const [unit, element, month, value] of rows) cube.setByCode(unit, element, month, value);
  return cube;
}

const flow = (missing?: ElementRule['missing']): ElementRule =>
  missing ? { ...COMMON_RULES.flow, missing } : COMMON_RULES.flow;

describe('pairwise completeness of a numerator/denominator pair', () => {
  // H3 reports attendances but no breaches: a ratio of sums over all three would understate the breach rate.
  const cube = cubeOf([
    ['H1', 'breaches', '2024-01', 9],
    ['H1', 'attendances', '2024-01', 10],
    ['H2', 'breaches', '2024-01', 45],
    ['H2', 'attendances', '2024-01', 50],
    ['H3', 'attendances', '2024-01', 40],
  ]);
  const rules = [flow('pairwise'), flow('pairwise'), COMMON_RULES.level];

  test('the parent sums numerator and denominator over the two children that report both', () => {
    const values = aggregateUnitValues(cube, tree, rules, {
      unit: G,
      elements: [0, 1],
      months: [0],
      pairs: [{ members: [0, 1], weight: 1 }],
    });
    expect(values).toEqual([54, 60]); // 54 ÷ 60 = 90 %, not 54 ÷ 100
  });

  test('the same elements outside a pair still add every child that has a value', () => {
    const values = aggregateUnitValues(cube, tree, rules, { unit: G, elements: [0, 1], months: [0] });
    expect(values).toEqual([54, 100]);
  });

  test('the coverage names the child left out and the share of the denominator the others carry', () => {
    const table = new PairCoverage(tree.codes.length, 1);
    aggregateUnitValues(
      cube,
      tree,
      rules,
      { unit: G, elements: [0, 1], months: [0], pairs: [{ members: [0, 1], weight: 1 }] },
      table,
    );
    expect(unitCoverage(tree, table, G, 0)).toEqual({
      source: 'children',
      included: ['H1', 'H2'],
      leftOut: ['H3'],
      share: 0.6,
    });
  });

  test('every unit at once gives the same values and coverage as one unit', () => {
    const table = new PairCoverage(tree.codes.length, 1);
    const all = aggregateAllUnits(
      cube,
      tree,
      rules,
      { elements: [0, 1], months: [0], pairs: [{ members: [0, 1], weight: 1 }] },
      table,
    );
    expect([all[G * 2], all[G * 2 + 1]]).toEqual([54, 60]);
    expect(unitCoverage(tree, table, G, 0).leftOut).toEqual(['H3']);
  });

  test('a month in which a child reports both counts, the month it reports only one does not', () => {
    const monthly = cubeOf([
      ['H1', 'breaches', '2024-01', 1],
      ['H1', 'attendances', '2024-01', 10],
      ['H1', 'attendances', '2024-02', 20],
      ['H2', 'breaches', '2024-02', 3],
      ['H2', 'attendances', '2024-02', 30],
    ]);
    const table = new PairCoverage(tree.codes.length, 1);
    const values = aggregateUnitValues(
      monthly,
      tree,
      rules,
      { unit: G, elements: [0, 1], months: [0, 1], pairs: [{ members: [0, 1], weight: 1 }] },
      table,
    );
    expect(values).toEqual([4, 40]);
    expect(unitCoverage(tree, table, G, 0)).toEqual({
      source: 'children',
      included: ['H2'],
      leftOut: ['H1', 'H3'],
      share: 40 / 60,
    });
  });

  test("a parent's own pair comes first and its coverage says so", () => {
    const own = cubeOf([
      ['G', 'breaches', '2024-01', 5],
      ['G', 'attendances', '2024-01', 100],
      ['H1', 'attendances', '2024-01', 40],
    ]);
    const table = new PairCoverage(tree.codes.length, 1);
    const values = aggregateUnitValues(
      own,
      tree,
      rules,
      { unit: G, elements: [0, 1], months: [0], pairs: [{ members: [0, 1], weight: 1 }] },
      table,
    );
    expect(values).toEqual([5, 100]);
    expect(unitCoverage(tree, table, G, 0).source).toBe('own');
  });

  test('a unit with only part of the pair itself has no value for either', () => {
    const values = aggregateUnitValues(cube, tree, rules, {
      unit: tree.codes.indexOf('H3'),
      elements: [0, 1],
      months: [0],
      pairs: [{ members: [0, 1], weight: 1 }],
    });
    expect(values).toEqual([null, null]);
  });
});

describe('zero and required', () => {
  // Scores 80 (H1) and 60 (H2); H3 reports none.
  const cube = cubeOf([
    ['H1', 'score', '2024-01', 80],
    ['H2', 'score', '2024-01', 60],
    ['H1', 'breaches', '2024-01', 2],
    ['H2', 'breaches', '2024-01', 3],
    ['H3', 'breaches', '2024-01', 4],
  ]);

  test('zero counts a child without a value as 0 in a mean', () => {
    const rules = [flow(), flow(), { ...COMMON_RULES.level, missing: 'zero' as const }];
    expect(aggregateUnitValues(cube, tree, rules, { unit: G, elements: [2], months: [0] })).toEqual([
      140 / 3,
    ]);
  });

  test('skip (the default) takes the mean of the children that report', () => {
    const rules = [flow(), flow(), COMMON_RULES.level];
    expect(aggregateUnitValues(cube, tree, rules, { unit: G, elements: [2], months: [0] })).toEqual([70]);
  });

  test('required gives the parent no value when a child does not report', () => {
    const rules = [flow(), flow(), { ...COMMON_RULES.level, missing: 'required' as const }];
    expect(aggregateUnitValues(cube, tree, rules, { unit: G, elements: [2], months: [0] })).toEqual([null]);
  });

  test('required gives the sum when every child reports', () => {
    const rules = [flow('required'), flow(), COMMON_RULES.level];
    expect(aggregateUnitValues(cube, tree, rules, { unit: G, elements: [0], months: [0] })).toEqual([9]);
  });
});
