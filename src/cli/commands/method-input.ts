import { invalid, issue, type ProblemIssue } from '../../core/errors/problem.ts';

/** Checks the optional names of units and criteria against the matrix, as one problem listing both. */
export function checkNames(input: {
  readonly matrix: readonly (readonly number[])[];
  readonly criteria: readonly unknown[];
  readonly units?: readonly string[] | undefined;
  readonly labels?: readonly string[] | undefined;
}): void {
  const issues: ProblemIssue[] = [];
  if (input.units && input.units.length !== input.matrix.length) {
    issues.push(
      issue(
        'ranking.labels-count',
        { key: 'units', count: input.units.length, expected: input.matrix.length },
        ['units'],
      ),
    );
  }
  if (input.labels && input.labels.length !== input.criteria.length) {
    issues.push(
      issue(
        'ranking.labels-count',
        { key: 'labels', count: input.labels.length, expected: input.criteria.length },
        ['labels'],
      ),
    );
  }
  if (issues.length > 0) throw invalid('ranking.input-invalid', { count: issues.length }, issues);
}
