/**
 * The study pipeline on constructed figures with known answers: windows, pooled groups (Σ numerators ÷
 * Σ denominators through the aggregation kernel), the choice of test, the rows and the ICER bootstrap.
 */
import { describe, expect, it } from 'vitest';
import { aggregateUnitValues, buildOrgTree, ValueCube } from '../analytics/index.ts';
import { analyseStudy, type StudyCell } from './analyse-study.ts';
import { defaultTest, smallestExpectedCount, statisticOf } from './choose-test.ts';
import { studyIcer, windowValue } from './icer.ts';
import { withPooledUnit } from './pooled-tree.ts';
import { readStudyFile } from './read-study-file.ts';
import { monthsOfWindow, studyTimeline } from './windows.ts';

const RATIO = { kind: 'quantitative', combine: 'ratio', factor: 100 } as const;
const COST = { kind: 'quantitative', combine: 'ratio', factor: 1 } as const;
const COUNT = { kind: 'quantitative', combine: 'sum', factor: 1 } as const;

describe('windows', () => {
  it('reads a quarter as its three months', () => {
    expect(monthsOfWindow('2021Q2')).toEqual(['2021-04', '2021-05', '2021-06']);
  });

  it('reads { from, to } from the first month of `from` to the last of `to`', () => {
    expect(monthsOfWindow({ from: '2021-11', to: '2022Q1' })).toEqual([
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
    ]);
  });

  it('puts the intervention after the baseline by default: k = the baseline’s months', () => {
    const t = studyTimeline({ baseline: '2021', followUp: '2022' });
    expect([t.months.length, t.intervention, t.interventionIndex]).toEqual([24, '2022-01', 12]);
  });

  it('refuses a follow-up that starts before the baseline ends', () => {
    expect(() => studyTimeline({ baseline: '2021', followUp: { from: '2021-12', to: '2022-06' } })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'study.windows-overlap' }) }),
    );
  });
});

describe('readStudyFile', () => {
  it('names every problem of an invalid file under study.invalid-file', () => {
    expect(() => readStudyFile({ format: 'healthbsc/study@1', code: 'S' })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'study.invalid-file' }) }),
    );
  });
});

describe('withPooledUnit', () => {
  // G → H1 (90 of 100), H2 (1 of 10), H3 (50 of 50); pool {H1, H2}.
  const tree = buildOrgTree([
    { code: 'G', parent: null },
    { code: 'H1', parent: 'G' },
    { code: 'H2', parent: 'G' },
    { code: 'H3', parent: 'G' },
  ]);
  const cube = new ValueCube({ units: ['H1', 'H2', 'H3'], elements: ['num', 'den'], months: ['2024-01'] });
  for (const [unit, num, den] of [
    ['H1', 90, 100],
    ['H2', 1, 10],
    ['H3', 50, 50],
  ] as const) {
    cube.setByCode(unit, 'num', '2024-01', num);
    cube.setByCode(unit, 'den', '2024-01', den);
  }
  const rules = [
    { units: 'sum', time: 'sum' },
    { units: 'sum', time: 'sum' },
  ] as const;

  it('sums the members only: Σ numerators and Σ denominators of H1 and H2 (91 of 110)', () => {
    const pooled = withPooledUnit(tree, 'PAIR', ['H1', 'H2']);
    expect(
      aggregateUnitValues(cube, pooled.tree, rules, { unit: pooled.unit, elements: [0, 1], months: [0] }),
    ).toEqual([91, 110]);
  });

  it('counts a member under another member once, through its ancestor', () => {
    const pooled = withPooledUnit(tree, 'ALL', ['G', 'H1']);
    expect(
      aggregateUnitValues(cube, pooled.tree, rules, { unit: pooled.unit, elements: [0, 1], months: [0] }),
    ).toEqual([141, 160]);
  });
});

describe('choice of test', () => {
  it.each([
    [RATIO, 'proportion'],
    [COST, 'mean'],
    [COUNT, 'rate'],
    [{ kind: 'qualitative', combine: 'mean', factor: 1 } as const, 'mean'],
    [{ ...COST, statistic: 'rate' } as const, 'rate'],
  ])('reads %o as a %s', (shape, statistic) => {
    expect(statisticOf(shape)).toBe(statistic);
  });

  it('gives the smallest expected count of the 2 × 2 table: 10 × 8 / 20 = 4', () => {
    expect(smallestExpectedCount([3, 5], [10, 10])).toBe(4);
  });

  it('takes Fisher’s exact test when an expected count is under 5, the two-proportion test otherwise', () => {
    expect([
      defaultTest('proportion', { x: [1, 6], n: [20, 20] }),
      defaultTest('proportion', { x: [20, 90], n: [200, 200] }),
    ]).toEqual(['fisher', 'two-proportion']);
  });
});

/** A cell over two 3-month windows and no months between them. */
function cell(overrides: Partial<StudyCell>): StudyCell {
  return {
    indicator: 'i',
    unit: 'U',
    unitKind: 'orgUnit',
    shape: RATIO,
    baseline: { value: null, numerator: null, denominator: null },
    followUp: { value: null, numerator: null, denominator: null },
    months: [],
    ...overrides,
  };
}

const SHORT = studyTimeline({
  baseline: { from: '2021-01', to: '2021-03' },
  followUp: { from: '2021-04', to: '2021-06' },
});

describe('analyseStudy', () => {
  // 15 of 100 against 30 of 100. R: prop.test(c(30, 15), c(100, 100), correct = FALSE): X² = 6.4516,
  // p = 0.01108517, 95 % CI of the difference 0.03613638 to 0.26386362.
  const proportion = cell({
    baseline: { value: 15, numerator: 15, denominator: 100 },
    followUp: { value: 30, numerator: 30, denominator: 100 },
    months: [5, 5, 5, 10, 10, 10].map((x) => ({ numerator: x, denominator: 100 / 3 })),
  });

  it('reports the change and change % of the windows’ values', () => {
    const [row] = analyseStudy([proportion], SHORT, { level: 0.95, continuityCorrection: false });
    expect([row?.change, row?.changePct]).toEqual([15, 100]);
  });

  it('tests a proportion by the two-proportion test on the window counts, as R’s prop.test', () => {
    const [row] = analyseStudy([proportion], SHORT, { level: 0.95, continuityCorrection: false });
    expect([row?.test, row?.p]).toEqual(['two-proportion', expect.closeTo(0.01108517, 8)]);
  });

  it('gives the interval of the difference in the indicator’s unit (percentage points)', () => {
    const [row] = analyseStudy([proportion], SHORT, { level: 0.95, continuityCorrection: false });
    expect(row?.ci?.map((v) => Number(v.toFixed(6)))).toEqual([3.613638, 26.386362]);
  });

  it('uses the test chosen for the row when it fits the kind, and says so', () => {
    const [row] = analyseStudy([{ ...proportion, test: 'fisher' }], SHORT, {
      level: 0.95,
      continuityCorrection: false,
    });
    expect([row?.test, row?.overridden]).toEqual(['fisher', true]);
  });

  it('adjusts the p-values across the rows by Benjamini–Hochberg', () => {
    const rows = analyseStudy([proportion, { ...proportion, unit: 'V' }], SHORT, {
      level: 0.95,
      continuityCorrection: false,
    });
    expect(rows.map((r) => r.pAdjusted)).toEqual([rows[0]?.p, rows[0]?.p]);
  });

  it('compares a mean over the months of each window by Welch’s t test', () => {
    const cost = cell({
      shape: COST,
      baseline: { value: 2, numerator: 6, denominator: 3 },
      followUp: { value: 5, numerator: 15, denominator: 3 },
      months: [1, 2, 3, 4, 5, 6].map((x) => ({ numerator: x, denominator: 1 })),
    });
    const [row] = analyseStudy([cost], SHORT, { level: 0.95, continuityCorrection: false });
    // R: t.test(c(4, 5, 6), c(1, 2, 3)): t = 3.6742, df = 4, p = 0.02131
    expect([row?.test, row?.tests.map((t) => t.test), row?.p]).toEqual([
      'welch',
      ['welch', 'mann-whitney'],
      expect.closeTo(0.02131, 4),
    ]);
  });

  it('leaves a row without p when a window has no value', () => {
    const [row] = analyseStudy([cell({})], SHORT, { level: 0.95, continuityCorrection: false });
    expect([row?.test, row?.p, row?.pAdjusted]).toEqual([null, null, null]);
  });
});

describe('ICER', () => {
  it('makes a ratio window Σ numerators ÷ Σ denominators × factor', () => {
    expect(
      windowValue(
        [
          { numerator: 1, denominator: 4 },
          { numerator: 3, denominator: 4 },
        ],
        RATIO,
      ),
    ).toBe(50);
  });

  it('divides the change in cost by the change in effect, with a bootstrap interval around it', () => {
    const months = (values: readonly number[]) => values.map((v) => ({ numerator: v, denominator: 1 }));
    const cost = cell({
      shape: COST,
      baseline: { value: 100, numerator: 300, denominator: 3 },
      followUp: { value: 130, numerator: 390, denominator: 3 },
      months: months([99, 100, 101, 129, 130, 131]),
    });
    const effect = cell({
      shape: COST,
      indicator: 'e',
      baseline: { value: 10, numerator: 30, denominator: 3 },
      followUp: { value: 20, numerator: 60, denominator: 3 },
      months: months([9, 10, 11, 19, 20, 21]),
    });
    const icer = studyIcer(cost, effect, SHORT, { level: 0.95, replicates: 500, seed: 1 });
    expect([icer.icer, icer.replicates, (icer.ci?.[0] ?? 9) <= 3 && (icer.ci?.[1] ?? 0) >= 3]).toEqual([
      3,
      500,
      true,
    ]);
  });
});
