/**
 * Property: `aggregateAllUnits` (one pass over the whole tree) gives exactly what `aggregateUnitValues` gives
 * for each unit, and both match a plain recursive reading of README.md's rules, on random trees with values
 * at every level, random rules and random month sets. Seeded, so a failure reproduces.
 */

import { describe, expect, test } from 'vitest';
import { createMulberry32 } from '../random/prng.ts';
import {
  aggregateAllUnits,
  aggregateUnitValues,
  buildOrgTree,
  type ElementRule,
  type OrgTree,
  type OrgUnitLink,
  ValueCube,
} from './index.ts';

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) {
      items[i] = b;
      items[j] = a;
    }
  }
  return items;
}

interface Scenario {
  readonly tree: OrgTree;
  readonly cube: ValueCube;
  readonly rules: readonly ElementRule[];
  readonly months: number[];
}

const UNIT_RULES = ['sum', 'average'] as const;
const TIME_RULES = ['sum', 'average', 'last'] as const;

function makeScenario(seed: number): Scenario {
  const random = createMulberry32(seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  };
  // A random forest: unit i hangs below an earlier unit (or is a root), then the list is shuffled so that
  // children often come before their parents.
  const n = 150;
  const links: OrgUnitLink[] = [];
  for (let i = 0; i < n; i++) {
    const parent = i === 0 || random() < 0.03 ? null : `u${Math.floor(random() * i)}`;
    links.push({ code: `u${i}`, parent });
  }
  const tree = buildOrgTree(shuffle(links, random));
  // The cube lists units in another order, lacks one tree unit and has one unit outside the tree.
  const cubeUnits = shuffle(
    tree.codes.filter((code) => code !== 'u7'),
    random,
  );
  cubeUnits.push('outsider');
  const cube = new ValueCube({
    units: cubeUnits,
    elements: ['e0', 'e1', 'e2', 'e3', 'e4', 'e5'],
    months: ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05'],
  });
  for (let u = 0; u < cube.units.length; u++) {
    for (let e = 0; e < cube.elements.length; e++) {
      for (let m = 0; m < cube.months.length; m++) {
        if (random() < 0.35) cube.set(u, e, m, Math.round((random() * 2000 - 400) * 100) / 100);
      }
    }
  }
  const rules = cube.elements.map(() => ({ units: pick(UNIT_RULES), time: pick(TIME_RULES) }));
  const months = shuffle(
    cube.months.map((_, m) => m),
    random,
  ).slice(0, 1 + Math.floor(random() * cube.months.length));
  return { tree, cube, rules, months };
}

/** README.md's rules read literally: recursion per unit, element and month. */
function reference(scenario: Scenario, unit: number, element: number): number | null {
  const { tree, cube, rules, months } = scenario;
  const rule = rules[element];
  if (rule === undefined) throw new Error('no rule');
  const monthly = (u: number, m: number): number | null => {
    const cubeUnit = cube.unitIndex(tree.codes[u] ?? '');
    const own = cubeUnit >= 0 ? cube.get(cubeUnit, element, m) : null;
    if (own !== null) return own;
    const values: number[] = [];
    tree.parent.forEach((p, child) => {
      if (p !== u) return;
      const value = monthly(child, m);
      if (value !== null) values.push(value);
    });
    if (values.length === 0) return null;
    const sum = values.reduce((a, b) => a + b, 0);
    return rule.units === 'sum' ? sum : sum / values.length;
  };
  const present = [...months]
    .sort((a, b) => a - b)
    .map((m) => monthly(unit, m))
    .filter((v) => v !== null);
  if (present.length === 0) return null;
  const sum = present.reduce((a, b) => a + b, 0);
  if (rule.time === 'sum') return sum;
  if (rule.time === 'average') return sum / present.length;
  return present.at(-1) ?? null;
}

describe('aggregation on random trees', () => {
  test.each([1, 2, 3, 20240301, 0xbadc0de])(
    'seed %d: all units in one pass equal each unit on its own',
    (seed) => {
      const scenario = makeScenario(seed);
      const { tree, cube, rules, months } = scenario;
      const elements = [0, 1, 2, 3, 4, 5];
      const all = aggregateAllUnits(cube, tree, rules, { elements, months });
      let withValue = 0;
      for (let unit = 0; unit < tree.codes.length; unit++) {
        const one = aggregateUnitValues(cube, tree, rules, { unit, elements, months });
        const row = Array.from(all.subarray(unit * elements.length, (unit + 1) * elements.length), (v) =>
          Number.isNaN(v) ? null : v,
        );
        expect(row).toEqual(one);
        one.forEach((value, e) => {
          const expected = reference(scenario, unit, e);
          if (expected === null || value === null) {
            expect(value).toBe(expected);
          } else {
            withValue++;
            expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
          }
        });
      }
      // Guards against a vacuous pass where everything is null.
      expect(withValue).toBeGreaterThan(tree.codes.length * 3);
    },
  );
});

describe('aggregation over a cube in segments', () => {
  test.each([1, 20240301])('seed %d: the same results, pairs included, as over one array', (seed) => {
    const { tree, cube, rules, months } = makeScenario(seed);
    // Three rows of 8 months a segment: most units' rows of the six elements lie in two or three segments.
    const split = new ValueCube(
      { units: cube.units, elements: cube.elements, months: cube.months },
      undefined,
      { segmentCells: 3 * 8 + 1 },
    );
    for (let u = 0; u < cube.units.length; u++) {
      for (let e = 0; e < cube.elements.length; e++) {
        for (let m = 0; m < cube.months.length; m++) split.set(u, e, m, cube.get(u, e, m));
      }
    }
    const request = {
      elements: [0, 1, 2, 3, 4, 5],
      months,
      pairs: [
        { members: [0, 1], weight: 1 },
        { members: [3, 5], weight: -1 },
      ],
    };
    const whole = aggregateAllUnits(cube, tree, rules, request);
    const segmented = aggregateAllUnits(split, tree, rules, request);
    expect([split.segments.length, split.count]).toEqual([
      Math.ceil((cube.units.length * 6) / 3),
      cube.count,
    ]);
    expect(Array.from(segmented)).toEqual(Array.from(whole));
    expect(Array.from(whole).filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(tree.codes.length * 3);
  });
});
