/**
 * Aggregation up the org tree and over months, against values worked out by hand (README.md in this folder
 * states the rules). Tree used by most tests:
 *
 *   G ─ H1 ─ D1, D2
 *     └ H2 ─ D3        months 2024-01 … 2024-03 (2024Q1)
 */
import { describe, expect, test } from 'vitest';
import {
  aggregateAllUnits,
  aggregateUnitValues,
  buildOrgTree,
  COMMON_RULES,
  type ElementRule,
  ValueCube,
} from './index.ts';

const tree = buildOrgTree([
  { code: 'G', parent: null },
  { code: 'H1', parent: 'G' },
  { code: 'H2', parent: 'G' },
  { code: 'D1', parent: 'H1' },
  { code: 'D2', parent: 'H1' },
  { code: 'D3', parent: 'H2' },
]);

const rules = new Map<string, ElementRule>([
  ['patients', COMMON_RULES.flow],
  ['beds', COMMON_RULES.stock],
  ['satisfaction', COMMON_RULES.level],
  ['deaths', COMMON_RULES.flow],
]);

type Row = readonly [
  unit: string,
  element: string,
  jan: number | null,
  feb: number | null,
  mar: number | null,
];

// Every value stored in the cube; a blank (null) month has no value.
const ROWS: readonly Row[] = [
  ['D1', 'patients', 30, 35, 40],
  ['D2', 'patients', 50, 45, 55],
  ['D3', 'patients', 20, 25, null],
  ['H1', 'patients', 100, null, null], // the hospital's own January total beats its departments' 30 + 50
  ['D1', 'beds', 10, 12, null], // a gap in the last month
  ['D2', 'beds', 5, null, 6],
  ['D1', 'satisfaction', 80, 90, null],
  ['D2', 'satisfaction', 90, 70, null],
  ['D3', 'satisfaction', 60, null, null],
];

const MONTHS = ['2024-01', '2024-02', '2024-03'];

function makeCube(rows: readonly Row[] = ROWS): ValueCube {
  const cube = new ValueCube({
    units: ['D3', 'D2', 'D1', 'H2', 'H1', 'G'], // deliberately not the tree's order
    elements: ['patients', 'beds', 'satisfaction', 'deaths'],
    months: MONTHS,
  });
  for (const [unit, element, ...values] of rows) {
    values.forEach((value, m) => {
      cube.setByCode(unit, element, MONTHS[m] ?? '', value);
    });
  }
  return cube;
}

function unitValue(unit: string, element: string, period: string): number | null {
  const cube = makeCube();
  const [value] = aggregateUnitValues(cube, tree, rules, {
    unit: tree.codes.indexOf(unit),
    elements: [cube.elementIndex(element)],
    months: cube.monthIndicesOf(period),
  });
  return value ?? null;
}

describe('aggregateUnitValues', () => {
  test.each([
    // patients (sum over units, sum over months). Per month H1 = 100 (own), 35 + 45 = 80, 40 + 55 = 95.
    ['a department keeps its own values', 'D1', 'patients', '2024Q1', 30 + 35 + 40],
    ["the hospital's own January value beats its departments' sum", 'H1', 'patients', '2024-01', 100],
    ['without an own value the hospital sums its departments', 'H1', 'patients', '2024-02', 35 + 45],
    ['a quarter sums the months of the hospital', 'H1', 'patients', '2024Q1', 100 + 80 + 95],
    ['a hospital with a department silent in March', 'H2', 'patients', '2024Q1', 20 + 25],
    [
      'the group sums its hospitals, not their departments (no double count)',
      'G',
      'patients',
      '2024-01',
      100 + 20,
    ],
    ['the 3-level group over the quarter', 'G', 'patients', '2024Q1', 120 + 105 + 95],
    ['the year holds the same three months', 'G', 'patients', '2024', 320],
    // beds (sum over units, last month over time)
    ['last over time skips a gap in the last month', 'D1', 'beds', '2024Q1', 12],
    ['last over time takes March when it has a value', 'D2', 'beds', '2024Q1', 6],
    ['a hospital sums the departments that report each month', 'H1', 'beds', '2024-01', 10 + 5],
    ["last over time is the hospital's March, from D2 alone", 'H1', 'beds', '2024Q1', 6],
    // satisfaction (mean over units, mean over months)
    ['average across units: H1 in January', 'H1', 'satisfaction', '2024-01', (80 + 90) / 2],
    ['average across units counts only units with a value', 'G', 'satisfaction', '2024-02', 80],
    [
      'average across units weighs each hospital once, not each department',
      'G',
      'satisfaction',
      '2024-01',
      (85 + 60) / 2,
    ],
    ['average over months of averages', 'G', 'satisfaction', '2024Q1', (72.5 + 80) / 2],
  ])('%s: %s %s in %s is %d', (_name, unit, element, period, expected) => {
    expect(unitValue(unit, element, period)).toBeCloseTo(expected, 12);
  });

  test.each([
    ['an element with no value anywhere', 'G', 'deaths', '2024Q1'],
    ['a hospital whose only department has no beds', 'H2', 'beds', '2024Q1'],
    ['a group in a month when no unit reported', 'G', 'satisfaction', '2024-03'],
    ['a period outside the cube', 'G', 'patients', '2023'],
  ])('gives null for %s', (_name, unit, element, period) => {
    expect(unitValue(unit, element, period)).toBeNull();
  });

  test('returns one value per requested element, in the order asked', () => {
    const cube = makeCube();
    const e = (code: string) => cube.elementIndex(code);
    const values = aggregateUnitValues(cube, tree, rules, {
      unit: tree.codes.indexOf('H1'),
      elements: [e('beds'), e('deaths'), e('patients'), e('beds')],
      months: [2, 0, 1],
    });
    expect(values).toEqual([6, null, 275, 6]);
  });

  test('reads rules from a list indexed like the cube elements', () => {
    const cube = makeCube();
    const list = [COMMON_RULES.flow, COMMON_RULES.stock, COMMON_RULES.level, COMMON_RULES.flow];
    const values = aggregateUnitValues(cube, tree, list, { unit: 0, elements: [0, 1, 2], months: [0, 1, 2] });
    expect(values).toEqual([320, 6, 76.25]);
  });

  test('aggregates tree units the cube lacks from their children, and ignores cube units outside the tree', () => {
    // N is new in the tree (not in the cube) with D1 under it; the cube's G is not in this tree.
    const other = buildOrgTree([
      { code: 'N', parent: null },
      { code: 'D1', parent: 'N' },
      { code: 'D2', parent: 'N' },
    ]);
    const cube = makeCube();
    expect(aggregateUnitValues(cube, other, rules, { unit: 0, elements: [0], months: [0] })).toEqual([
      30 + 50,
    ]);
  });

  test('gives null for every element when no months are asked for', () => {
    const cube = makeCube();
    expect(aggregateUnitValues(cube, tree, rules, { unit: 0, elements: [0, 1], months: [] })).toEqual([
      null,
      null,
    ]);
  });

  test.each([
    [
      'a unit outside the tree',
      { unit: 6, elements: [0], months: [0] },
      'There is no org unit at index 6 in the tree.',
    ],
    [
      'an element outside the cube',
      { unit: 0, elements: [4], months: [0] },
      'There is no data element at index 4 in the cube.',
    ],
    [
      'a month outside the cube',
      { unit: 0, elements: [0], months: [3] },
      'There is no month at index 3 in the cube.',
    ],
    ['a month twice', { unit: 0, elements: [0], months: [1, 1] }, 'The month 2024-02 is requested twice.'],
  ])('refuses %s', (_name, request, message) => {
    expect(() => aggregateUnitValues(makeCube(), tree, rules, request)).toThrow(message);
  });

  test.each<[string, ReadonlyMap<string, ElementRule> | readonly ElementRule[], string]>([
    [
      'a missing rule',
      new Map([['patients', COMMON_RULES.flow]]),
      "The data element 'beds' has no aggregation rule.",
    ],
    ['a missing rule in a list', [COMMON_RULES.flow], "The data element 'beds' has no aggregation rule."],
    [
      'an unknown aggregation',
      // A rule read from JSON is not checked by the compiler.
      [COMMON_RULES.flow, JSON.parse('{"units":"median","time":"sum"}')],
      'The data element \'beds\' has the aggregation {"units":"median","time":"sum"}; units must be sum or average, time sum, average, last or max.',
    ],
  ])('refuses %s', (_name, badRules, message) => {
    expect(() =>
      aggregateUnitValues(makeCube(), tree, badRules, { unit: 0, elements: [0, 1], months: [0] }),
    ).toThrow(message);
  });
});

describe('rates are ratios of aggregated numerators and denominators', () => {
  test.each([
    // The brief's example: 90 of 100 beds occupied in H1, 1 of 10 in H2.
    // Group occupancy = (90 + 1) / (100 + 10) = 91 / 110 = 82.7 %, while the mean of the rates is 50 %.
    [
      'two hospitals, 90/100 and 1/10',
      [
        ['H1', 90, 100],
        ['H2', 1, 10],
      ],
      91 / 110,
      (0.9 + 0.1) / 2,
    ],
    // NHS England A&E, trust RF4, April 2016 (../shared/data/nhs_england_trusts/
    // ae_attendances_2016-04_to_2019-03.csv): department types 1, 2 and other had 18,788, 561 and 2,685
    // attendances with 4,082, 5 and 17 over four hours. Within-4-hours = 1 − 4,104 / 22,034 = 81.37 %;
    // the mean of the three types' rates would be 92.25 %.
    [
      'trust RF4’s A&E departments in April 2016',
      [
        ['type-1', 18788 - 4082, 18788],
        ['type-2', 561 - 5, 561],
        ['type-other', 2685 - 17, 2685],
      ],
      1 - 4104 / 22034,
      (1 - 4082 / 18788 + (1 - 5 / 561) + (1 - 17 / 2685)) / 3,
    ],
  ] as const)('%s', (_name, children, ratioOfSums, meanOfRates) => {
    const groupTree = buildOrgTree([
      { code: 'parent', parent: null },
      ...children.map(([code]) => ({ code, parent: 'parent' })),
    ]);
    const cube = new ValueCube({
      units: groupTree.codes,
      elements: ['numerator', 'denominator'],
      months: ['2016-04'],
    });
    for (const [code, numerator, denominator] of children) {
      cube.setByCode(code, 'numerator', '2016-04', numerator);
      cube.setByCode(code, 'denominator', '2016-04', denominator);
    }
    const sumRules = [COMMON_RULES.flow, COMMON_RULES.flow];
    const [numerator, denominator] = aggregateUnitValues(cube, groupTree, sumRules, {
      unit: 0,
      elements: [0, 1],
      months: [0],
    });
    expect((numerator ?? Number.NaN) / (denominator ?? Number.NaN)).toBeCloseTo(ratioOfSums, 12);
    expect(Math.abs(ratioOfSums - meanOfRates)).toBeGreaterThan(0.1);
  });
});

describe('aggregateAllUnits', () => {
  test('gives every unit of the hand-worked tree its value, in tree order', () => {
    const cube = makeCube();
    const all = aggregateAllUnits(cube, tree, rules, { elements: [0, 1], months: [0, 1, 2] });
    // [patients, beds] per unit: G, H1, H2, D1, D2, D3
    expect(Array.from(all)).toEqual([320, 6, 275, 6, 45, Number.NaN, 105, 12, 150, 6, 45, Number.NaN]);
  });

  test("rolls up only the subtree asked for: H1's rows equal the whole tree's, every other row is NaN", () => {
    const cube = makeCube();
    const sub = aggregateAllUnits(cube, tree, rules, {
      elements: [0, 1],
      months: [0, 1, 2],
      subtreeOf: tree.codes.indexOf('H1'),
    });
    // [patients, beds] per unit: G, H1, H2, D1, D2, D3
    expect(Array.from(sub)).toEqual([
      Number.NaN,
      Number.NaN,
      275,
      6,
      Number.NaN,
      Number.NaN,
      105,
      12,
      150,
      6,
      Number.NaN,
      Number.NaN,
    ]);
  });

  test('refuses a subtree index outside the tree', () => {
    expect(() =>
      aggregateAllUnits(makeCube(), tree, rules, { elements: [0], months: [0], subtreeOf: 6 }),
    ).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'analytics.no-unit-at-index' }) }),
    );
  });

  test('returns an empty matrix for an empty tree', () => {
    expect(
      aggregateAllUnits(makeCube(), buildOrgTree([]), rules, { elements: [0], months: [0] }),
    ).toHaveLength(0);
  });
});

describe('max over time', () => {
  // Patients waiting at month end: departments add up, a quarter's figure is its worst (highest) month.
  const peak: ElementRule = { units: 'sum', time: 'max' };
  function waitingCube(): ValueCube {
    const cube = new ValueCube({ units: ['D1', 'D2', 'D3'], elements: ['waiting'], months: MONTHS });
    const rows: readonly (readonly [string, number | null, number | null, number | null])[] = [
      ['D1', 3, 9, null],
      ['D2', 4, 2, 7],
      ['D3', -1, -3, null],
    ];
    for (const [unit, ...values] of rows) {
      values.forEach((value, m) => {
        cube.setByCode(unit, 'waiting', MONTHS[m] ?? '', value);
      });
    }
    return cube;
  }
  const waiting = (unit: string, period: string) => {
    const cube = waitingCube();
    return aggregateUnitValues(cube, tree, [peak], {
      unit: tree.codes.indexOf(unit),
      elements: [0],
      months: cube.monthIndicesOf(period),
    })[0];
  };

  test.each([
    ['a department takes its highest month, skipping a gap', 'D1', '2024Q1', 9],
    ['a hospital takes the highest of its monthly sums (7, 11, 7)', 'H1', '2024Q1', 11],
    ['the highest of values all below zero', 'D3', '2024Q1', -1],
    ['one month is that month', 'D2', '2024-03', 7],
  ])('%s: %s in %s is %d', (_name, unit, period, expected) => {
    expect(waiting(unit, period)).toBe(expected);
  });

  test('agrees with the all-units pass', () => {
    const cube = waitingCube();
    const all = aggregateAllUnits(cube, tree, [peak], { elements: [0], months: [0, 1, 2] });
    // G, H1, H2, D1, D2, D3: G's months are 6, 8, 7 (H2 adds −1, −3, nothing).
    expect(Array.from(all)).toEqual([8, 11, -1, 9, 7, -1]);
  });
});
