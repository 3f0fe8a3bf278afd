import type { z } from 'zod';
import type { ProblemIssue } from '../errors/problem.ts';

/** Turns zod's issues into our `ProblemIssue`s, prefixing each path (so a nested schema reports the full path). */
export function toProblemIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[] = [],
): ProblemIssue[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_union':
      return issue.message === 'Invalid input' ? 'does not match any allowed form' : issue.message;
    default:
      return issue.message;
  }
}
