/**
 * Validates requests with the contracts' zod schemas and turns a failure into the one error model: a
 * ProblemError listing every issue with its path (numbers stay numbers: `['values', 3, 'value']`) and message.
 * fastify-type-provider-zod's own validator does the same parse but keeps only a path joined with `/`, which
 * loses whether `3` was an index, so its parse is reproduced here.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { ProblemCode } from '../../core/errors/messages/index.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';

/** The code of an invalid request part: none of their wordings has parameters. */
type PartProblemCode = Extract<
  ProblemCode,
  | 'request.invalid-body'
  | 'request.invalid-query'
  | 'request.invalid-params'
  | 'request.invalid-headers'
  | 'request.invalid'
>;

const PART_CODES: Readonly<Record<string, PartProblemCode>> = {
  body: 'request.invalid-body',
  querystring: 'request.invalid-query',
  params: 'request.invalid-params',
  headers: 'request.invalid-headers',
};

export const problemValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const code: PartProblemCode = PART_CODES[httpPart ?? ''] ?? 'request.invalid';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: invalid(code, {}, toProblemIssues(result.error.issues)) };
  };
};
