import { badRequest, invalid } from '../errors/problem.ts';
import { scoreBand } from './band.ts';
import { scoreLinear } from './linear.ts';
import { scoreRatio } from './ratio.ts';
import { assertRating, RUBRIC_MAX } from './rubric.ts';
import { noValue, type Quantified, type QuantifyInput, valued } from './scoring-method.ts';
import { scoreThresholds } from './thresholds.ts';
import { validateScoringMethod } from './validate-scoring-method.ts';

function assertFiniteOrNull(value: number | null, name: 'actual' | 'target'): void {
  if (value !== null && !Number.isFinite(value)) {
    const code = name === 'actual' ? 'scoring.actual-not-finite' : 'scoring.target-not-finite';
    throw badRequest(code, { value: String(value) }, [name]);
  }
}

/**
 * Turns one indicator's actual value into its quantified value (1 = on target) with the indicator's scoring
 * method, or says why there is none. Seed 002 (002_db9e4dc6af8d1a80.txt §4.2.1 and Table 4.9): "positive
 * indicator quantified value = actual / target; negative = target / actual"; the other methods are
 * described in README.md in this folder.
 *
 * For `rubric`, `actual` is the raters' mean score on 0–100 (use `quantifyRubric` to average the ratings).
 *
 * Missing data is not an error: it gives `{ value: null, reason }`. A method that does not fit the direction
 * (or a linear floor on the wrong side of the target) is a configuration error and throws `invalid` with
 * every issue; a non-finite number, or a rubric score outside 0..100, throws `badRequest`.
 *
 * @example
 * quantify({ actual: 98, target: 90, direction: { kind: 'higher' }, method: { method: 'ratio', cap: null } })
 * // { value: 1.0889 } (seed 002 Table 4.9, cardiac-surgery success rate I1)
 * @example
 * quantify({ actual: 103.2, target: 100, direction: { kind: 'band', lower: 95, upper: 105 },
 *            method: { method: 'ratio' } })
 * // { value: 1 } (seed 002 Table 4.9, budget expenditure execution rate F5)
 */
export function quantify(input: QuantifyInput): Quantified {
  const { actual, target, direction, method } = input;
  const issues = validateScoringMethod(method, direction, ['method'], target);
  if (issues.length > 0) throw invalid('scoring.method-unusable', {}, issues);
  assertFiniteOrNull(actual, 'actual');
  assertFiniteOrNull(target, 'target');

  if (method.method === 'rubric') {
    if (actual === null) return noValue('no-ratings');
    assertRating(actual, ['actual']);
    return valued(actual / RUBRIC_MAX);
  }
  if (actual === null) return noValue('missing-actual');

  switch (method.method) {
    case 'ratio':
      return scoreRatio(actual, target, direction, method);
    case 'linear':
      return scoreLinear(actual, target, direction, method);
    case 'band':
      // validateScoringMethod has made sure the direction is a band.
      return direction.kind === 'band' ? scoreBand(actual, direction, method) : noValue('undefined-ratio');
    case 'thresholds':
      return scoreThresholds(actual, method);
  }
}
