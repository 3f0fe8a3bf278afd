/**
 * Checks a `healthbsc/values@1` file against the scorecard it is for, whole, and turns it into evaluation inputs.
 */
import { invalid, issue, type ProblemIssue } from '../errors/problem.ts';
import { toProblemIssues } from '../errors/zod-issues.ts';
import type { CompiledScorecard } from './compile-scorecard.ts';
import type { EvaluationInputs } from './evaluate-scorecard.ts';
import { type ValuesFile, valuesFileSchema } from './values-schema.ts';

export interface CompiledValues {
  readonly orgUnit?: string;
  readonly period?: string;
  readonly inputs: EvaluationInputs;
  readonly file: ValuesFile;
}

/**
 * Validates `input` (parsed YAML or JSON) and every code in it against `scorecard`; throws a ProblemError listing
 * every issue (unknown data element or indicator, a rating for a quantitative indicator, a value out of range…).
 *
 * @example compileValues({ format: 'healthbsc/values@1', targets: { F1: 6.9 } }, scorecard).inputs.targets.get('F1') // 6.9
 */
export function compileValues(input: unknown, scorecard: CompiledScorecard): CompiledValues {
  const parsed = valuesFileSchema.safeParse(input);
  if (!parsed.success)
    throw invalid('scorecard.invalid-values-file', {}, toProblemIssues(parsed.error.issues));
  const file = parsed.data;
  const issues: ProblemIssue[] = [];
  if (file.scorecard !== undefined && file.scorecard !== scorecard.code) {
    issues.push(
      issue('scorecard.values-for-other-scorecard', { given: file.scorecard, code: scorecard.code }, [
        'scorecard',
      ]),
    );
  }
  const elements = new Map(scorecard.dataElements.map((d) => [d.code, d]));
  const indicators = new Map(
    scorecard.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, i] as const)),
  );

  for (const [code, value] of Object.entries(file.data)) {
    const element = elements.get(code);
    if (!element) {
      issues.push(issue('scorecard.unknown-data-element', { code }, ['data', code]));
      continue;
    }
    if (value === null) continue;
    if (element.min !== undefined && value < element.min) {
      issues.push(issue('scorecard.value-below-min', { value, min: element.min }, ['data', code]));
    }
    if (element.max !== undefined && value > element.max) {
      issues.push(issue('scorecard.value-above-max', { value, max: element.max }, ['data', code]));
    }
    if (element.valueType === 'integer' && !Number.isInteger(value)) {
      issues.push(issue('scorecard.value-not-integer', { value }, ['data', code]));
    }
  }
  for (const field of ['actuals', 'targets', 'references'] as const) {
    for (const id of Object.keys(file[field])) {
      const indicator = indicators.get(id);
      if (!indicator) issues.push(issue('scorecard.unknown-indicator', { id }, [field, id]));
      else if (field === 'actuals' && indicator.kind === 'qualitative') {
        issues.push(issue('scorecard.actual-of-qualitative', { id }, [field, id]));
      }
    }
  }
  for (const id of Object.keys(file.assessments)) {
    const indicator = indicators.get(id);
    if (!indicator) issues.push(issue('scorecard.unknown-indicator', { id }, ['assessments', id]));
    else if (indicator.kind !== 'qualitative') {
      issues.push(issue('scorecard.rating-of-quantitative', { id }, ['assessments', id]));
    }
  }
  if (issues.length > 0) throw invalid('scorecard.invalid-values-file', {}, issues);

  const ratings = new Map(
    Object.entries(file.assessments).map(([id, list]) => [
      id,
      list.map((entry) => (typeof entry === 'number' ? entry : entry.score)),
    ]),
  );
  return {
    orgUnit: file.orgUnit,
    period: file.period,
    file,
    inputs: {
      data: new Map(Object.entries(file.data)),
      actuals: new Map(Object.entries(file.actuals)),
      targets: new Map(Object.entries(file.targets)),
      references: new Map(Object.entries(file.references)),
      ratings,
    },
  };
}
