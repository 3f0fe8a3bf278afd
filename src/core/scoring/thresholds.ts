import {
  noValue,
  type Quantified,
  type ThresholdRule,
  type ThresholdsMethod,
  valued,
} from './scoring-method.ts';

/** Whether `actual` lies in the rule's range `[min, max)`; a missing end is open. */
export function isInRule(actual: number, rule: ThresholdRule): boolean {
  return (rule.min === undefined || actual >= rule.min) && (rule.max === undefined || actual < rule.max);
}

/**
 * The thresholds method: the first rule whose range `[min, max)` holds the actual value gives its score;
 * no rule → `no-matching-rule`. A step scale (full marks at or above a line, part marks in a middle range)
 * is for indicators where seed 002's ratio (002_db9e4dc6af8d1a80.txt §4.2.1) would reward every small gain
 * that does not matter. Rules are read on the actual value; the target is not used.
 *
 * @example
 * scoreThresholds(93, { method: 'thresholds', rules: [{ min: 95, score: 1 }, { min: 90, max: 95, score: 0.6 }] })
 * // { value: 0.6 }
 */
export function scoreThresholds(actual: number, method: ThresholdsMethod): Quantified {
  const rule = method.rules.find((candidate) => isInRule(actual, candidate));
  return rule === undefined ? noValue('no-matching-rule') : valued(rule.score);
}
