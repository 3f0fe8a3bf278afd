/**
 * The rows of a study: per indicator × unit, the baseline and follow-up values, the change, the test its kind
 * of figure calls for (or the one chosen for the row), p, the Benjamini–Hochberg adjusted p across the study,
 * the test's confidence interval and the interrupted time series over the months. The statistics themselves
 * are ../stats's; this file only decides what to feed them.
 */
import type { StudyIts, StudyRow, StudyStatistic, StudyTest, StudyTestResult } from '../contracts/studies.ts';
import { TESTS_OF_STATISTIC } from '../contracts/studies.ts';
import { isProblemError } from '../errors/problem.ts';
import {
  benjaminiHochberg,
  fisherExactTest,
  interruptedTimeSeries,
  mannWhitneyTest,
  poissonRateTest,
  twoProportionTest,
  welchTest,
} from '../stats/index.ts';
import { defaultTest, type IndicatorShape, statisticOf, testFits } from './choose-test.ts';
import type { StudyTimeline } from './windows.ts';

/** A month's (or a window's) parts of an indicator: a ratio's numerator and denominator, else its value. */
export interface ValueParts {
  readonly numerator: number | null;
  /** Null for an indicator that is not a ratio. */
  readonly denominator: number | null;
}

/** A window's figures, aggregated over its months by each element's time rule (the server's cube does it). */
export interface WindowFigures extends ValueParts {
  readonly value: number | null;
}

/** One indicator × unit of a study, as the server reads it. */
export interface StudyCell {
  readonly indicator: string;
  readonly unit: string;
  readonly unitKind: 'orgUnit' | 'group';
  readonly shape: IndicatorShape;
  readonly baseline: WindowFigures;
  readonly followUp: WindowFigures;
  /** The parts of each month of the timeline, aligned with `timeline.months`. */
  readonly months: readonly ValueParts[];
  /** Individual scores (a qualitative indicator's raters) to compare instead of the months. */
  readonly samples?: { readonly baseline: readonly number[]; readonly followUp: readonly number[] };
  /** A test chosen for this row; it must fit the row's kind. */
  readonly test?: StudyTest;
}

export interface StudyOptions {
  readonly level: number;
  readonly continuityCorrection: boolean;
}

/**
 * A month's value of an indicator from its parts: numerator ÷ denominator × factor, or the value itself.
 *
 * @example monthValue({ numerator: 45, denominator: 60 }, { kind: 'quantitative', combine: 'ratio', factor: 100 }) // 75
 */
export function monthValue(parts: ValueParts, shape: IndicatorShape): number | null {
  if (shape.combine !== 'ratio') return parts.numerator;
  if (parts.numerator === null || parts.denominator === null || parts.denominator === 0) return null;
  return (parts.numerator / parts.denominator) * shape.factor;
}

function finite(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** An interval JSON can carry: an infinite end (a rate ratio with no baseline events) gives none. */
function finiteCi(ci: readonly [number, number]): [number, number] | null {
  return Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? [ci[0], ci[1]] : null;
}

function windowSlice<T>(timeline: StudyTimeline, months: readonly T[], which: 'baseline' | 'followUp'): T[] {
  const start = which === 'baseline' ? 0 : timeline.months.indexOf(timeline.followUp[0] ?? '');
  const length = which === 'baseline' ? timeline.baseline.length : timeline.followUp.length;
  return months.slice(start, start + length);
}

/**
 * Fisher's exact test sums the hypergeometric distribution over every table with the same margins; beyond this
 * many people the two-proportion test's χ² approximation is as good, and the exact sum is slow and deep.
 */
export const FISHER_MAX_TOTAL = 100_000;

/**
 * The outcome of one test on one cell, or null when its inputs are missing or do not suit it (a count that is
 * not whole, no events at all: the test's own `stats.*` problem).
 */
function runTest(
  test: StudyTest,
  cell: StudyCell,
  timeline: StudyTimeline,
  options: StudyOptions,
): StudyTestResult | null {
  try {
    return runTestOrThrow(test, cell, timeline, options);
  } catch (error) {
    if (isProblemError(error)) return null;
    throw error;
  }
}

function runTestOrThrow(
  test: StudyTest,
  cell: StudyCell,
  timeline: StudyTimeline,
  options: StudyOptions,
): StudyTestResult | null {
  const { baseline: b, followUp: f, shape } = cell;
  if (test === 'two-proportion' || test === 'fisher') {
    if (b.numerator === null || b.denominator === null || f.numerator === null || f.denominator === null)
      return null;
    // The tests take counts of people: a month-end register's window value is its mean over the months (people,
    // not person-months: src/demo/README.md, "The p-values"), rounded to whole people.
    const [xf, nf, xb, nb] = [f.numerator, f.denominator, b.numerator, b.denominator].map((v) =>
      Math.round(v),
    );
    if (xf === undefined || nf === undefined || xb === undefined || nb === undefined) return null;
    if (test === 'fisher') {
      if (nf + nb > FISHER_MAX_TOTAL) return null;
      const r = fisherExactTest(
        [
          [xf, nf - xf],
          [xb, nb - xb],
        ],
        { level: options.level },
      );
      return { test, statistic: null, p: r.p, ci: r.ci, ciOf: 'odds-ratio' };
    }
    // Follow-up first, so the interval is of p_followUp − p_baseline, on the indicator's scale.
    const r = twoProportionTest([xf, xb], [nf, nb], {
      correct: options.continuityCorrection,
      level: options.level,
    });
    return {
      test,
      statistic: r.statistic,
      p: r.p,
      ci: [r.ci[0] * shape.factor, r.ci[1] * shape.factor],
      ciOf: 'difference',
    };
  }
  if (test === 'poisson-rate') {
    const exposure = (w: WindowFigures, months: number) =>
      shape.combine === 'ratio' ? w.denominator : months;
    const events = (w: WindowFigures) => (shape.combine === 'ratio' ? w.numerator : w.value);
    const monthsWith = (which: 'baseline' | 'followUp') =>
      finite(windowSlice(timeline, cell.months, which).map((m) => monthValue(m, shape))).length;
    const x = [events(f), events(b)];
    const t = [exposure(f, monthsWith('followUp')), exposure(b, monthsWith('baseline'))];
    const [x0, x1] = x;
    const [t0, t1] = t;
    if (x0 == null || x1 == null || t0 == null || t1 == null || t0 <= 0 || t1 <= 0) return null;
    const r = poissonRateTest([x0, x1], [t0, t1], { level: options.level });
    return { test, statistic: null, p: r.p, ci: finiteCi(r.ci), ciOf: 'rate-ratio' };
  }
  const values = cell.samples ?? {
    baseline: finite(windowSlice(timeline, cell.months, 'baseline').map((m) => monthValue(m, shape))),
    followUp: finite(windowSlice(timeline, cell.months, 'followUp').map((m) => monthValue(m, shape))),
  };
  if (values.baseline.length < 2 || values.followUp.length < 2) return null;
  if (test === 'welch') {
    const r = welchTest([...values.followUp], [...values.baseline], { level: options.level });
    return { test, statistic: r.statistic, p: r.p, ci: r.ci, ciOf: 'difference' };
  }
  const r = mannWhitneyTest([...values.followUp], [...values.baseline]);
  return { test, statistic: r.statistic, p: r.p, ci: null, ciOf: 'none' };
}

/**
 * The interrupted time series of a cell's monthly values (segmented regression with Newey–West errors, ../stats);
 * null when a month has no value or either side of the intervention has fewer than three months.
 */
function itsOf(cell: StudyCell, timeline: StudyTimeline, level: number): StudyIts | null {
  const y = finite(cell.months.map((m) => monthValue(m, cell.shape)));
  const k = timeline.interventionIndex;
  if (y.length !== cell.months.length || k < 3 || y.length - k < 3) return null;
  try {
    const r = interruptedTimeSeries(y, k, { level });
    return {
      levelChange: r.levelChange,
      slopeChange: r.slopeChange,
      se: r.se,
      p: r.p,
      ci: { level: r.ci.level, slope: r.ci.slope },
      intervention: timeline.intervention,
      lag: r.lag,
    };
  } catch (error) {
    if (isProblemError(error)) return null;
    throw error;
  }
}

function countsOf(cell: StudyCell) {
  const { baseline: b, followUp: f } = cell;
  if (b.numerator === null || b.denominator === null || f.numerator === null || f.denominator === null)
    return undefined;
  return {
    x: [f.numerator, b.numerator] as const,
    n: [f.denominator, b.denominator] as const,
  };
}

/**
 * Analyses every cell of a study, then adjusts the p-values of the tests the rows report together
 * (Benjamini & Hochberg, 1995, "Controlling the false discovery rate"), as R's `p.adjust(method = "BH")`.
 * Change % is (follow-up ÷ baseline − 1) × 100, as seed 000 reports its changes (000_f2cc7fd4e5e58b48.txt).
 *
 * @example
 * analyseStudy([countyVisitRateOfUmg], timeline, { level: 0.95, continuityCorrection: false })[0]
 * // { indicator: 'county_visit_rate', unit: 'UMG', baseline: 58.87, followUp: 80.26, changePct: 36.35, test: 'two-proportion', p: 0, … }
 */
export function analyseStudy(
  cells: readonly StudyCell[],
  timeline: StudyTimeline,
  options: StudyOptions,
): StudyRow[] {
  const rows = cells.map((cell): StudyRow => {
    const statistic: StudyStatistic = statisticOf(cell.shape);
    const chosen =
      cell.test !== undefined && testFits(statistic, cell.test)
        ? cell.test
        : defaultTest(statistic, countsOf(cell));
    const tests = (TESTS_OF_STATISTIC[statistic] as readonly StudyTest[])
      .map((test) => runTest(test, cell, timeline, options))
      .filter((r): r is StudyTestResult => r !== null);
    const reported = tests.find((t) => t.test === chosen) ?? null;
    const baseline = cell.baseline.value;
    const followUp = cell.followUp.value;
    const change = baseline === null || followUp === null ? null : followUp - baseline;
    const changePct =
      change === null || baseline === null || baseline === 0 ? null : (change / baseline) * 100;
    return {
      indicator: cell.indicator,
      unit: cell.unit,
      unitKind: cell.unitKind,
      statistic,
      baseline,
      followUp,
      change,
      changePct,
      test: reported ? chosen : null,
      overridden: cell.test !== undefined && reported !== null && cell.test === chosen,
      p: reported?.p ?? null,
      pAdjusted: null,
      ci: reported?.ci ?? null,
      tests,
      its: itsOf(cell, timeline, options.level),
      series: timeline.months.map((period, i) => {
        const parts = cell.months[i];
        return { period, value: parts ? monthValue(parts, cell.shape) : null };
      }),
    };
  });
  const withP = rows.flatMap((row, i) => (row.p === null ? [] : [i]));
  const adjusted = benjaminiHochberg(withP.map((i) => rows[i]?.p ?? 1));
  return rows.map((row, i) => {
    const at = withP.indexOf(i);
    return at < 0 ? row : { ...row, pAdjusted: adjusted[at] ?? null };
  });
}
