/**
 * Reads a scorecard file of either version: the schema of the version its `format` names, then, for version 1,
 * the conversion to version 2 (convert-v1.ts). Everything that reads a scorecard file (the CLI, imports, the
 * API, stored structure versions of older imports) reads it here, so version 1 is accepted everywhere and
 * the rest of the product sees version 2 only.
 */
import { z } from 'zod';
import { invalid, type ProblemNote } from '../errors/problem.ts';
import { toProblemIssues } from '../errors/zod-issues.ts';
import { convertScorecardV1 } from './convert-v1.ts';
import {
  SCORECARD_FORMAT,
  type ScorecardFile,
  scorecardFileSchema,
  weightsSchema,
} from './scorecard-schema.ts';
import { SCORECARD_FORMAT_V1, scorecardFileV1Schema } from './scorecard-schema-v1.ts';

/** The formats read, newest first. */
export const SCORECARD_FORMATS = [SCORECARD_FORMAT, SCORECARD_FORMAT_V1] as const;

export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];

/** A scorecard file of either version, chosen by its `format` (a request body, the OpenAPI document). */
export const anyScorecardFileSchema = z.discriminatedUnion(
  'format',
  [scorecardFileSchema, scorecardFileV1Schema],
  {
    error: 'scorecard.unknown-format',
  },
);

/**
 * Version 1 as read here: its weights block is read with version 2's, which holds every version-1 block and
 * more. A stored structure of an older import is read with the current weights, which may use version 2's
 * additions (objective weights, `effectiveFrom`).
 */
const readableSchema = z.discriminatedUnion(
  'format',
  [scorecardFileSchema, scorecardFileV1Schema.extend({ weights: weightsSchema })],
  { error: 'scorecard.unknown-format' },
);

export interface ReadScorecardFile {
  /** The file as version 2, validated, its defaults filled in. */
  readonly file: ScorecardFile;
  /** The format the input was written in. */
  readonly format: ScorecardFormat;
  /** What the conversion from version 1 changed (empty for a version-2 file). */
  readonly notes: readonly ProblemNote[];
}

/**
 * Validates `input` (parsed YAML or JSON) as a scorecard file of either version and returns it as version 2.
 * Throws a ProblemError (`scorecard.invalid-file`) listing every issue of the schema; the meaning (formulas,
 * weights, references between parts) is checked by `compileScorecard`.
 *
 * @example readScorecardFile({ format: 'healthbsc/scorecard@1', … }).file.format // 'healthbsc/scorecard@2'
 */
export function readScorecardFile(input: unknown): ReadScorecardFile {
  const parsed = readableSchema.safeParse(input);
  if (!parsed.success) throw invalid('scorecard.invalid-file', {}, toProblemIssues(parsed.error.issues));
  if (parsed.data.format === SCORECARD_FORMAT) {
    return { file: parsed.data, format: SCORECARD_FORMAT, notes: [] };
  }
  const converted = convertScorecardV1(parsed.data);
  const file = scorecardFileSchema.safeParse(converted.file);
  // The conversion only writes what version 2 accepts; a failure here is a fault of the converter.
  if (!file.success) throw invalid('scorecard.invalid-file', {}, toProblemIssues(file.error.issues));
  return { file: file.data, format: SCORECARD_FORMAT_V1, notes: converted.notes };
}
