/**
 * Reads a study file (`healthbsc/study@1`, docs/study-format.md) from parsed YAML or JSON: the CLI, the API and
 * the example read it here, so a study saved in the product and one kept as a file are the same thing.
 */
import { type StudyFile, studyFileSchema } from '../contracts/studies.ts';
import { invalid } from '../errors/problem.ts';
import { toProblemIssues } from '../errors/zod-issues.ts';
import { studyTimeline } from './windows.ts';

/**
 * Validates `input` as a study file; throws `study.invalid-file` listing every issue (its windows checked too).
 *
 * @example readStudyFile(parse(readFileSync('examples/umg-study/study.yaml', 'utf8'))).code // 'UMG-REFORM'
 */
export function readStudyFile(input: unknown): StudyFile {
  const parsed = studyFileSchema.safeParse(input);
  if (!parsed.success) throw invalid('study.invalid-file', {}, toProblemIssues(parsed.error.issues));
  studyTimeline(parsed.data);
  return parsed.data;
}
