/**
 * Validates requests with the contracts' zod schemas and turns a failure into the one error model: a
 * ProblemError listing every issue with its path (numbers stay numbers: `['values', 3, 'value']`) and message.
 * fastify-type-provider-zod's own validator does the same parse but keeps only a path joined with `/`, which
 * loses whether `3` was an index, so its parse is reproduced here.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/scorecard/zod-issues.ts';

const PART_NAMES: Readonly<Record<string, string>> = {
  body: 'request body',
  querystring: 'query string',
  params: 'path parameters',
  headers: 'request headers',
};

export const problemValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = PART_NAMES[httpPart ?? ''] ?? 'request';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: invalid(`The ${part} is not valid.`, toProblemIssues(result.error.issues)) };
  };
};
