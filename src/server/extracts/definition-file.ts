/** Reads an extract definition from its file's text (YAML or JSON), refusing it with every issue at its path. */
import { parse } from 'yaml';
import { type ExtractDefinition, extractDefinitionSchema } from '../../core/contracts/extracts.ts';
import { badRequest, invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';

/**
 * The definition in `text`; 400 `extract.invalid-definition` naming each issue's path.
 *
 * @example readExtractDefinition('{"unit":{"column":"dept"},"elements":[…]}').unit.column // 'dept'
 */
export function readExtractDefinition(text: string): ExtractDefinition {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    throw badRequest('extract.invalid-definition', {}, ['definition']);
  }
  const parsed = extractDefinitionSchema.safeParse(document);
  if (!parsed.success) throw invalid('extract.invalid-definition', {}, toProblemIssues(parsed.error.issues));
  return parsed.data;
}
