/** The value cube: storing and reading values, its index maps, growing it, and what it refuses. */
import { describe, expect, test } from 'vitest';
import { ProblemError } from '../errors/problem.ts';
import { periodRange } from '../periods/index.ts';
import { MAX_CUBE_CELLS, SEGMENT_CELLS, segmentLengths, ValueCube } from './index.ts';

/** Every cell in layout order: the segments end to end. */
function cellsOf(cube: ValueCube): number[] {
  return cube.segments.flatMap((segment) => Array.from(segment));
}

function smallCube(): ValueCube {
  return new ValueCube({
    units: ['G', 'H1', 'H2'],
    elements: ['discharges', 'beds'],
    months: ['2024-01', '2024-02', '2024-03'],
  });
}

describe('ValueCube', () => {
  test('starts empty: every cell reads null', () => {
    const cube = smallCube();
    expect(cube.count).toBe(0);
    expect(cellsOf(cube)).toHaveLength(3 * 2 * 3);
    expect(cube.get(2, 1, 2)).toBeNull();
  });

  test('takes given cells as its storage and counts the values among them', () => {
    const cells = new Float64Array(3 * 2 * 3).fill(Number.NaN);
    cells[(1 * 2 + 1) * 3 + 2] = 42;
    cells[0] = 0;
    const cube = new ValueCube(
      {
        units: ['G', 'H1', 'H2'],
        elements: ['discharges', 'beds'],
        months: ['2024-01', '2024-02', '2024-03'],
      },
      cells,
    );
    expect([cube.count, cube.getByCode('H1', 'beds', '2024-03'), cube.get(0, 0, 0), cellsOf(cube)]).toEqual([
      2,
      42,
      0,
      Array.from(cells),
    ]);
    // No copy: the cube reads the array it was given.
    cells[1] = 5;
    expect(cube.get(0, 0, 1)).toBe(5);
  });

  test('refuses cells that do not fit its shape', () => {
    const make = () =>
      new ValueCube({ units: ['G'], elements: ['beds'], months: ['2024-01'] }, new Float64Array(2));
    expect(make).toThrow(ProblemError);
  });

  test('stores, overwrites and clears values, keeping the count', () => {
    const cube = smallCube();
    cube.set(1, 0, 0, 410);
    cube.set(1, 0, 1, 0);
    expect(cube.count).toBe(2);
    cube.set(1, 0, 1, 388);
    expect(cube.count).toBe(2);
    expect(cube.get(1, 0, 1)).toBe(388);
    expect(cube.get(1, 0, 0)).toBe(410);
    cube.set(1, 0, 0, null);
    cube.set(2, 1, 2, null);
    expect(cube.count).toBe(1);
    expect(cube.get(1, 0, 0)).toBeNull();
  });

  test('keeps a zero as a value, distinct from no value', () => {
    const cube = smallCube();
    cube.setByCode('H2', 'beds', '2024-03', 0);
    expect(cube.getByCode('H2', 'beds', '2024-03')).toBe(0);
    expect(cube.count).toBe(1);
  });

  test('lays cells out unit, then element, then month', () => {
    const cube = smallCube();
    cube.setByCode('H1', 'beds', '2024-02', 120);
    // (unit 1 × 2 elements + element 1) × 3 months + month 1 = 10
    expect(cellsOf(cube)[10]).toBe(120);
  });

  test.each([
    ['unit', 'H1', 1],
    ['unit', 'X', -1],
    ['element', 'beds', 1],
    ['element', 'Beds', -1],
    ['month', '2024-03', 2],
    ['month', '2023-12', -1],
    ['month', '2024Q1', -1],
  ] as const)('finds the %s %s at index %d', (kind, code, index) => {
    const cube = smallCube();
    const found =
      kind === 'unit'
        ? cube.unitIndex(code)
        : kind === 'element'
          ? cube.elementIndex(code)
          : cube.monthIndex(code);
    expect(found).toBe(index);
  });

  test.each([
    ['2024Q1', [0, 1, 2]],
    ['2024', [0, 1, 2]],
    ['2024-02', [1]],
    ['2024Q2', []],
    ['2023', []],
  ])('the months of %s inside a Jan–Mar 2024 cube are %j', (period, indices) => {
    expect(smallCube().monthIndicesOf(period)).toEqual(indices);
  });

  test.each([
    [
      'an unknown unit',
      () => smallCube().setByCode('X', 'beds', '2024-01', 1),
      "The cube has no org unit 'X'.",
    ],
    [
      'an unknown element',
      () => smallCube().setByCode('H1', 'x', '2024-01', 1),
      "The cube has no data element 'x'.",
    ],
    [
      'a month outside the cube',
      () => smallCube().setByCode('H1', 'beds', '2024-04', 1),
      "The cube has no month '2024-04': it covers 2024-01 to 2024-03.",
    ],
    [
      'an index out of range',
      () => smallCube().set(3, 0, 0, 1),
      'The cell (3, 0, 0) is outside the cube of 3 units × 2 elements × 3 months.',
    ],
    [
      'a fractional index',
      () => smallCube().get(0.5, 0, 0),
      'The cell (0.5, 0, 0) is outside the cube of 3 units × 2 elements × 3 months.',
    ],
    [
      'NaN as a value',
      () => smallCube().set(0, 0, 0, Number.NaN),
      'A data value must be a finite number or null; got NaN.',
    ],
    [
      'Infinity as a value',
      () => smallCube().set(0, 0, 0, Number.POSITIVE_INFINITY),
      'A data value must be a finite number or null; got Infinity.',
    ],
  ])('refuses %s', (_name, call, message) => {
    expect(call).toThrow(ProblemError);
    expect(call).toThrow(message);
  });

  test.each([
    [
      'months with a gap',
      { units: ['H'], elements: ['e'], months: ['2024-01', '2024-03'] },
      "The cube's months must be consecutive months in order; 2024-03 cannot follow 2024-01.",
    ],
    [
      'months out of order',
      { units: ['H'], elements: ['e'], months: ['2024-02', '2024-01'] },
      "The cube's months must be consecutive months in order; 2024-01 cannot follow 2024-02.",
    ],
    [
      'a quarter as a month',
      { units: ['H'], elements: ['e'], months: ['2024Q1'] },
      'The period 2024Q1 is not a month, the period type of this cube.',
    ],
    [
      'a duplicate unit',
      { units: ['H', 'H'], elements: ['e'], months: [] },
      "The cube lists 'H' twice in its units.",
    ],
  ])('refuses a shape with %s', (_name, shape, message) => {
    expect(() => new ValueCube(shape)).toThrow(message);
  });

  test('refuses a shape of more than 2²⁹ cells', () => {
    const units = Array.from({ length: 2 ** 15 }, (_, i) => `u${i}`);
    const months = periodRange('1900-01', '2241-04'); // 4,096 = 2¹² months
    // 2¹⁵ × 5 × 2¹² = 671,088,640 cells
    expect(() => new ValueCube({ units, elements: ['a', 'b', 'c', 'd', 'e'], months })).toThrow(
      'A cube of 671088640 cells is larger than the 536870912 allowed.',
    );
  });
});

describe('ValueCube.grow', () => {
  function filled(): ValueCube {
    const cube = smallCube();
    cube.setByCode('G', 'discharges', '2024-01', 1);
    cube.setByCode('H1', 'beds', '2024-02', 120);
    cube.setByCode('H2', 'discharges', '2024-03', 388);
    cube.setByCode('H2', 'beds', '2024-03', 80);
    return cube;
  }

  test('adds units, elements and earlier and later months without losing a value', () => {
    const bigger = filled().grow({
      units: ['H3', 'H1'],
      elements: ['deaths'],
      months: ['2023-11', '2024-05'],
    });
    expect(bigger.units).toEqual(['G', 'H1', 'H2', 'H3']);
    expect(bigger.elements).toEqual(['discharges', 'beds', 'deaths']);
    expect(bigger.months).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
    ]);
    expect(bigger.count).toBe(4);
    expect(bigger.getByCode('G', 'discharges', '2024-01')).toBe(1);
    expect(bigger.getByCode('H1', 'beds', '2024-02')).toBe(120);
    expect(bigger.getByCode('H2', 'discharges', '2024-03')).toBe(388);
    expect(bigger.getByCode('H2', 'beds', '2024-03')).toBe(80);
    expect(bigger.getByCode('H3', 'deaths', '2024-05')).toBeNull();
    const stored = cellsOf(bigger).filter((v) => !Number.isNaN(v));
    expect(stored.sort((a, b) => a - b)).toEqual([1, 80, 120, 388]);
  });

  test('leaves the original cube as it was', () => {
    const cube = filled();
    const bigger = cube.grow({ units: ['H3'] });
    bigger.setByCode('H3', 'beds', '2024-01', 50);
    expect(cube.units).toEqual(['G', 'H1', 'H2']);
    expect(cube.count).toBe(4);
    expect(bigger.count).toBe(5);
  });

  test('gives an empty cube its first months', () => {
    const empty = new ValueCube({ units: ['H'], elements: ['e'], months: [] });
    expect(empty.grow({ months: ['2024-03', '2024-01'] }).months).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  test('refuses a month that is not one', () => {
    expect(() => filled().grow({ months: ['2024Q3'] })).toThrow("'2024Q3' is not a month: use 2024-03.");
  });
});

describe('a cube of years or quarters', () => {
  test('indexes a year by itself and finds none of its months', () => {
    const cube = new ValueCube({
      units: ['H'],
      elements: ['e'],
      months: ['2022', '2023'],
      periodType: 'year',
    });
    expect([
      cube.monthIndicesOf('2023'),
      cube.monthIndicesOf('2023-05'),
      cube.monthIndicesOf('2023Q2'),
    ]).toEqual([[1], [], []]);
  });

  test('indexes a year by its four quarters in a cube of quarters', () => {
    const cube = new ValueCube({
      units: ['H'],
      elements: ['e'],
      months: ['2023Q3', '2023Q4', '2024Q1'],
      periodType: 'quarter',
    });
    expect(cube.monthIndicesOf('2023')).toEqual([0, 1]);
  });

  test('refuses a month in a cube of years', () => {
    expect(() => new ValueCube({ units: [], elements: [], months: ['2023-01'], periodType: 'year' })).toThrow(
      'The period 2023-01 is not a year, the period type of this cube.',
    );
  });

  test('grows by years', () => {
    const cube = new ValueCube({ units: ['H'], elements: ['e'], months: ['2023'], periodType: 'year' });
    cube.setByCode('H', 'e', '2023', 7);
    const bigger = cube.grow({ months: ['2021'] });
    expect([bigger.months, bigger.getByCode('H', 'e', '2023')]).toEqual([['2021', '2022', '2023'], 7]);
  });
});

describe('ValueCube segments', () => {
  const shape = {
    units: ['G', 'H1', 'H2'],
    elements: ['discharges', 'beds'],
    months: ['2024-01', '2024-02', '2024-03'],
  };

  test('holds ten years of months for 20,000 units × 120 elements in segments of at most 128 MiB', () => {
    const lengths = segmentLengths(20_000 * 120, 120);
    expect([
      lengths.reduce((sum, n) => sum + n, 0),
      Math.max(...lengths) <= SEGMENT_CELLS,
      lengths.every((n) => n % 120 === 0),
      20_000 * 120 * 120 <= MAX_CUBE_CELLS,
    ]).toEqual([288_000_000, true, true, true]);
  });

  test('keeps whole rows in each segment, never fewer than one', () => {
    // 6 rows of 3 months; 7 cells a segment → 2 rows (6 cells) each; 2 cells → still 1 row.
    expect([
      segmentLengths(6, 3, 7),
      segmentLengths(6, 3, 2),
      segmentLengths(0, 3),
      segmentLengths(4, 0),
    ]).toEqual([[6, 6, 6], [3, 3, 3, 3, 3, 3], [], []]);
  });

  test('reads, writes, counts and grows the same across segments as in one array', () => {
    const whole = new ValueCube(shape);
    const split = new ValueCube(shape, undefined, { segmentCells: 4 }); // one row of 3 months a segment
    for (const cube of [whole, split]) {
      cube.setByCode('G', 'discharges', '2024-01', 1);
      cube.setByCode('H1', 'beds', '2024-02', 120);
      cube.setByCode('H2', 'discharges', '2024-03', 388);
      cube.setByCode('H2', 'beds', '2024-03', 0);
    }
    const grownWhole = whole.grow({ units: ['H3'], elements: ['deaths'], months: ['2023-12'] });
    const grownSplit = split.grow({ units: ['H3'], elements: ['deaths'], months: ['2023-12'] });
    expect([split.segments.length, whole.segments.length, grownSplit.segments.length]).toEqual([6, 1, 12]);
    expect([cellsOf(split), split.count, cellsOf(grownSplit), grownSplit.count]).toEqual([
      cellsOf(whole),
      4,
      cellsOf(grownWhole),
      4,
    ]);
    expect(grownSplit.getByCode('H1', 'beds', '2024-02')).toBe(120);
  });

  test('takes segments read in bulk, and refuses segments of the wrong lengths', () => {
    // Two rows of 3 months a segment: G's two rows, then H1's, then H2's.
    const segments = [
      new Float64Array([1, Number.NaN, Number.NaN, 2, Number.NaN, Number.NaN]),
      new Float64Array(6).fill(Number.NaN),
      new Float64Array(6).fill(Number.NaN),
    ];
    const cube = new ValueCube(shape, segments, { segmentCells: 6 });
    expect([
      cube.count,
      cube.getByCode('G', 'discharges', '2024-01'),
      cube.getByCode('G', 'beds', '2024-01'),
    ]).toEqual([2, 1, 2]);
    expect(() => new ValueCube(shape, [new Float64Array(18)], { segmentCells: 6 })).toThrow(
      'The cube was given segments of 18 cells; its shape needs segments of 6, 6, 6.',
    );
  });
});
