/**
 * A problem with extension members (RFC 9457 §3.2): the one error model (core/errors/problem.ts) plus data a
 * client acts on, such as the values stored now when a write's version did not match. The error handler
 * (./plugins/problem-errors.ts) sends the members beside the standard ones.
 */
import { type Problem, ProblemError } from '../core/errors/problem.ts';

export class ExtendedProblemError extends ProblemError {
  /** Members sent beside type, title, status, detail and issues (never replacing them). */
  readonly extensions: Readonly<Record<string, unknown>>;
  constructor(problem: Problem, extensions: Readonly<Record<string, unknown>>) {
    super(problem);
    this.name = 'ExtendedProblemError';
    this.extensions = extensions;
  }
}
