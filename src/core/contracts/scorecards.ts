/**
 * Scorecards as the HTTP API reads and writes them. A scorecard is written as a whole scorecard file
 * (`healthbsc/scorecard@2`, or `@1`, converted; core/scorecard) and read back as one (always @2), so export →
 * import round-trips exactly.
 * The structure (perspectives, indicators, scoring) and the weights are versioned separately: a new AHP survey
 * makes a new weight version without touching the indicators.
 */
import { z } from 'zod';
import { anyScorecardFileSchema } from '../scorecard/read-scorecard-file.ts';
import {
  directionSchema,
  periodIdSchema,
  scorecardFileSchema,
  unitOfMeasureSchema,
  weightsSchema,
} from '../scorecard/scorecard-schema.ts';
import {
  codeRefSchema,
  localizedTextSchema,
  noteSchema,
  pageSchema,
  paginationQuerySchema,
  problemIssueSchema,
  problemNoteSchema,
  timestampSchema,
} from './common.ts';

export { scorecardFileSchema };

/** A scorecard file as a request sends it: version 2, or version 1 (converted; the result's `notices` say how). */
export const scorecardFileBodySchema = anyScorecardFileSchema;

/** Where a weight version came from: typed in, derived by AHP, from a survey, or imported with a file. */
export const weightSourceSchema = z.enum(['manual', 'ahp', 'survey', 'import']);

/** A period a change holds from (`2024-03`, `2024Q1`, `2024`); null: since the beginning. */
const effectiveFromSchema = z
  .string()
  .nullable()
  .describe('The first period this version holds for (a month, quarter or year); null: since the beginning');

export const structureVersionSchema = z.object({
  /** The version's id: what evaluations and publications name it by. */
  id: z.number().int(),
  version: z.number().int().min(1),
  effectiveFrom: effectiveFromSchema,
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
});

/**
 * Where a weight version derived from an AHP survey came from (core/contracts/surveys.ts): the survey, how its
 * experts were aggregated, how many counted, who applied it and when. `overridden`: the weights were edited by
 * hand after the survey's result was applied; the survey's matrices are kept with the survey.
 */
export const weightProvenanceSchema = z.object({
  survey: z.number().int(),
  surveyTitle: z.string(),
  aggregation: z.enum(['aij', 'aip']),
  inconsistent: z.enum(['include', 'exclude']),
  expertsCounted: z.number().int(),
  expertsTotal: z.number().int(),
  appliedBy: z.string(),
  appliedAt: timestampSchema,
  overridden: z.boolean(),
});

export const weightVersionSchema = z.object({
  id: z.number().int(),
  version: z.number().int().min(1),
  effectiveFrom: effectiveFromSchema,
  source: weightSourceSchema,
  sourceRef: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  /** For a version made from a survey's result (or a manual edit of one): where it came from; else absent. */
  provenance: weightProvenanceSchema.nullable().optional(),
});

export const scorecardSummarySchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  /** The current structure version. */
  version: z.number().int().min(1),
  /** The current weight version. */
  weightVersion: z.number().int().min(1),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const scorecardOrgUnitSchema = z.object({
  orgUnit: z.string(),
  /** The scorecard applies to the unit's whole subtree unless this is false. */
  includeDescendants: z.boolean(),
});

export const scorecardDetailSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  structure: structureVersionSchema,
  weights: weightVersionSchema,
  orgUnits: z.array(scorecardOrgUnitSchema),
  /** The scorecard file: this structure version with this weight version's `weights`. */
  file: scorecardFileSchema,
});

/** `?version=&weightVersion=`: a structure version and a weight version; each defaults to the current one. */
export const scorecardVersionQuerySchema = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    weightVersion: z.coerce.number().int().min(1).optional(),
  })
  .strict();

export const importScorecardQuerySchema = z
  .object({
    note: noteSchema.optional(),
    /**
     * The first period a changed structure (and weights without their own `effectiveFrom`) hold for; absent: the
     * next period with no published score. A new scorecard holds since the beginning.
     */
    effectiveFrom: periodIdSchema.optional(),
  })
  .strict();

export const importScorecardResultSchema = z.object({
  code: z.string(),
  /** True when this request created the scorecard. */
  created: z.boolean(),
  structure: structureVersionSchema.extend({ created: z.boolean() }),
  weights: weightVersionSchema.extend({ created: z.boolean() }),
  /** Codes of the data elements the file added or changed. */
  dataElements: z.object({ created: z.array(z.string()), updated: z.array(z.string()) }),
  /** Problems that do not stop the scorecard from being used, such as an AHP matrix above the CR threshold. */
  warnings: z.array(problemIssueSchema),
  /** What converting a version-1 file to version 2 changed (empty for a version-2 file). */
  notices: z.array(problemNoteSchema),
});

export const listScorecardsQuerySchema = paginationQuerySchema
  .extend({ q: z.string().min(1).max(100).optional() })
  .strict();

export const scorecardPageSchema = pageSchema(scorecardSummarySchema);

export const scorecardVersionsSchema = z.object({
  /** Newest first. */
  structure: z.array(structureVersionSchema),
  /** Newest first. */
  weights: z.array(weightVersionSchema),
  /** The latest period with a published score, or null. */
  publishedThrough: z.string().nullable(),
  /** Where a change holds from when its author names no period: the next period with no published score. */
  defaultEffectiveFrom: z.string().nullable(),
});

export const putWeightsBodySchema = z
  .object({
    weights: weightsSchema,
    /**
     * The first period the weights hold for; null: since the beginning (re-scoring every period that is not
     * published). Absent: the weights block's own `effectiveFrom`, else the next period with no published score.
     */
    effectiveFrom: periodIdSchema.nullable().optional(),
    source: z.enum(['manual', 'ahp', 'survey']).default('manual'),
    /** What the weights came from, e.g. the survey's name or date. */
    sourceRef: z.string().max(200).nullable().optional(),
    note: noteSchema.nullable().optional(),
  })
  .strict();

export const putWeightsResultSchema = weightVersionSchema.extend({
  /** False when the weights, source and note equal the current version's (nothing was stored). */
  created: z.boolean(),
  weights: weightsSchema,
  warnings: z.array(problemIssueSchema),
});

export const putScorecardOrgUnitsBodySchema = z
  .object({
    orgUnits: z
      .array(z.object({ orgUnit: codeRefSchema, includeDescendants: z.boolean().default(true) }).strict())
      .max(10_000),
    /** The first period the assignment holds for; null: since the beginning; absent: the next unpublished period. */
    effectiveFrom: periodIdSchema.nullable().optional(),
  })
  .strict();

export const scorecardOrgUnitsSchema = z.object({ orgUnits: z.array(scorecardOrgUnitSchema) });

export const indicatorKindSchema = z.enum(['quantitative', 'qualitative']);

/** One indicator of a scorecard's current version, with its weights. */
export const indicatorSummarySchema = z.object({
  scorecard: z.string(),
  perspective: z.string(),
  id: z.string(),
  name: localizedTextSchema,
  kind: indicatorKindSchema,
  objective: z.string().nullable(),
  unit: unitOfMeasureSchema.nullable(),
  direction: directionSchema,
  role: z.enum(['leading', 'lagging']).nullable(),
  /** The owner's e-mail address (a user). */
  owner: z.string().nullable(),
  /** The owner as free text (a department), where no user is named. */
  ownerName: z.string().nullable(),
  formulaText: z.string().nullable(),
  /** False for a monitored indicator: no weight, no score. */
  scored: z.boolean().default(true),
  /** Weight within its perspective. */
  weight: z.number(),
  /** Perspective weight × weight. */
  globalWeight: z.number(),
});

export const listIndicatorsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    perspective: z.string().min(1).max(64).optional(),
    kind: indicatorKindSchema.optional(),
    /** Text found in the id or either name (case-insensitive). */
    q: z.string().min(1).max(100).optional(),
  })
  .strict();

export const indicatorPageSchema = pageSchema(indicatorSummarySchema);

export type ScorecardSummary = z.infer<typeof scorecardSummarySchema>;
export type ScorecardDetail = z.infer<typeof scorecardDetailSchema>;
export type StructureVersion = z.infer<typeof structureVersionSchema>;
export type WeightVersion = z.infer<typeof weightVersionSchema>;
export type WeightProvenance = z.infer<typeof weightProvenanceSchema>;
export type WeightSource = z.infer<typeof weightSourceSchema>;
export type ScorecardVersionQuery = z.infer<typeof scorecardVersionQuerySchema>;
export type ImportScorecardResult = z.infer<typeof importScorecardResultSchema>;
export type ListScorecardsQuery = z.infer<typeof listScorecardsQuerySchema>;
export type ScorecardVersions = z.infer<typeof scorecardVersionsSchema>;
export type PutWeightsBody = z.infer<typeof putWeightsBodySchema>;
export type PutWeightsResult = z.infer<typeof putWeightsResultSchema>;
export type PutScorecardOrgUnitsBody = z.infer<typeof putScorecardOrgUnitsBodySchema>;
export type ScorecardOrgUnits = z.infer<typeof scorecardOrgUnitsSchema>;
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;
export type ListIndicatorsQuery = z.infer<typeof listIndicatorsQuerySchema>;
