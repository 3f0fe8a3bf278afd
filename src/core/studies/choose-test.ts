/**
 * Which test a row of a study uses. The indicator's `statistic` kind decides (scorecard format @2): a
 * proportion (numerator ⊂ denominator) by the two-proportion test, or Fisher's exact test when an expected
 * count is small; a rate (events over exposure) by the exact Poisson test; anything else, such as a cost per
 * visit, as a mean of the months of each window by Welch's t test (Mann–Whitney as the alternative).
 */
import { type StudyStatistic, type StudyTest, TESTS_OF_STATISTIC } from '../contracts/studies.ts';

/** How a window's value is made from its months' parts (see analyse-study.ts). */
export type WindowCombine = 'ratio' | 'sum' | 'mean';

/** What the choice needs to know of an indicator. */
export interface IndicatorShape {
  readonly kind: 'quantitative' | 'qualitative';
  readonly statistic?: StudyStatistic | undefined;
  /** `ratio` with a factor, or an expression whose elements are all summed over months (`sum`), else `mean`. */
  readonly combine: WindowCombine;
  readonly factor: number;
}

/**
 * The kind of figure an indicator is: its declared `statistic`; else a qualitative indicator (raters' 0–100
 * scores) and any level is a mean, a percentage ratio (factor 100) a proportion, a count summed over months a
 * rate over the months (Poisson), any other ratio a mean.
 *
 * @example statisticOf({ kind: 'quantitative', combine: 'ratio', factor: 100 }) // 'proportion'
 * @example statisticOf({ kind: 'quantitative', combine: 'ratio', factor: 1 }) // 'mean' (a cost per visit)
 */
export function statisticOf(indicator: IndicatorShape): StudyStatistic {
  if (indicator.statistic !== undefined) return indicator.statistic;
  if (indicator.kind === 'qualitative') return 'mean';
  if (indicator.combine === 'ratio') return indicator.factor === 100 ? 'proportion' : 'mean';
  return indicator.combine === 'sum' ? 'rate' : 'mean';
}

/** Cochran's rule: below this expected count in a cell of the 2 × 2 table, the χ² approximation is not trusted. */
export const SMALL_EXPECTED_COUNT = 5;

/**
 * The smallest expected count of the 2 × 2 table of two proportions x₁/n₁ and x₂/n₂ under no difference.
 *
 * @example smallestExpectedCount([3, 5], [10, 10]) // 4
 */
export function smallestExpectedCount(x: readonly [number, number], n: readonly [number, number]): number {
  const total = n[0] + n[1];
  const successes = x[0] + x[1];
  const failures = total - successes;
  let smallest = Number.POSITIVE_INFINITY;
  for (const size of n) {
    smallest = Math.min(smallest, (size * successes) / total, (size * failures) / total);
  }
  return smallest;
}

/**
 * The default test of a row: the first test of its kind, Fisher's exact test for a proportion whose smallest
 * expected count is under five.
 *
 * @example defaultTest('proportion', { x: [2, 9], n: [20, 20] }) // 'fisher'
 */
export function defaultTest(
  statistic: StudyStatistic,
  counts?: { readonly x: readonly [number, number]; readonly n: readonly [number, number] },
): StudyTest {
  if (
    statistic === 'proportion' &&
    counts &&
    smallestExpectedCount(counts.x, counts.n) < SMALL_EXPECTED_COUNT
  ) {
    return 'fisher';
  }
  return TESTS_OF_STATISTIC[statistic][0];
}

/** Whether a test fits a kind of figure (an override must). */
export function testFits(statistic: StudyStatistic, test: StudyTest): boolean {
  return (TESTS_OF_STATISTIC[statistic] as readonly StudyTest[]).includes(test);
}
