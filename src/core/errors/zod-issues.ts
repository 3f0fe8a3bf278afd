/**
 * zod's issues as our `ProblemIssue`s: the full path (numbers stay numbers), a problem code with its parameters
 * (messages/zod.ts), and the English wording. A schema that words a check itself gives a problem code as the
 * check's message (`.regex(re, 'scorecard.code-format')`); that code is used as it is.
 */
import type { z } from 'zod';
import { isProblemCode, type MessageParams, type ProblemCode } from './messages/index.ts';
import { issueOfCode, type ProblemIssue } from './problem.ts';

/** Turns zod's issues into our `ProblemIssue`s, prefixing each path (so a nested schema reports the full path). */
export function toProblemIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[] = [],
): ProblemIssue[] {
  return issues.map((zodIssue) => {
    const path = [
      ...prefix,
      ...zodIssue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    ];
    const [code, params] = codeOf(zodIssue);
    return issueOfCode(code, params, path);
  });
}

const EXPECTED: Readonly<Record<string, ProblemCode>> = {
  string: 'zod.expected-string',
  number: 'zod.expected-number',
  int: 'zod.expected-integer',
  boolean: 'zod.expected-boolean',
  object: 'zod.expected-object',
  array: 'zod.expected-array',
};

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
}

/**
 * The code and parameters of one zod issue.
 *
 * @example codeOf({ code: 'too_small', origin: 'string', minimum: 12, … }) // ['zod.too-short', { minimum: 12 }]
 */
export function codeOf(zodIssue: z.core.$ZodIssue): [ProblemCode, MessageParams] {
  // A check worded by the schema itself: its message is a problem code, its params (custom checks) the values.
  if (isProblemCode(zodIssue.message) && !zodIssue.message.startsWith('zod.')) {
    const params = zodIssue.code === 'custom' ? (zodIssue.params ?? {}) : {};
    return [zodIssue.message, paramsOf(params)];
  }
  switch (zodIssue.code) {
    case 'invalid_type':
      // zod leaves the input out of its issues (unless asked); its own message says what was received.
      if (zodIssue.input === undefined && zodIssue.message.endsWith('received undefined'))
        return ['zod.required', {}];
      return [EXPECTED[zodIssue.expected] ?? 'zod.invalid-type', { expected: zodIssue.expected }];
    case 'too_small': {
      const minimum = Number(zodIssue.minimum);
      if (zodIssue.origin === 'string') return ['zod.too-short', { minimum }];
      if (zodIssue.origin === 'array' || zodIssue.origin === 'set') return ['zod.too-few-items', { minimum }];
      return [zodIssue.inclusive === false ? 'zod.above-minimum' : 'zod.not-below', { minimum }];
    }
    case 'too_big': {
      const maximum = Number(zodIssue.maximum);
      if (zodIssue.origin === 'string') return ['zod.too-long', { maximum }];
      if (zodIssue.origin === 'array' || zodIssue.origin === 'set')
        return ['zod.too-many-items', { maximum }];
      return [zodIssue.inclusive === false ? 'zod.below-maximum' : 'zod.not-above', { maximum }];
    }
    case 'invalid_format':
      return ['zod.invalid-format', { format: zodIssue.format }];
    case 'not_multiple_of':
      return ['zod.not-multiple-of', { divisor: Number(zodIssue.divisor) }];
    case 'unrecognized_keys':
      return ['zod.unknown-fields', { keys: list(zodIssue.keys) }];
    case 'invalid_union':
      return ['zod.no-matching-form', {}];
    case 'invalid_value':
      return ['zod.invalid-value', { values: list(zodIssue.values) }];
    case 'invalid_key':
      return ['zod.invalid-key', {}];
    case 'invalid_element':
      return ['zod.invalid-element', {}];
    default:
      return ['zod.custom', { message: zodIssue.message }];
  }
}

function paramsOf(record: Readonly<Record<string, unknown>>): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'number' || typeof value === 'string') out[key] = value;
    else if (value !== undefined && value !== null) out[key] = String(value);
  }
  return out;
}
