/**
 * The scorecard file format, version 1 (`format: healthbsc/scorecard@1`), as it was published: still read
 * everywhere a scorecard file is read, and converted to version 2 on the way in (convert-v1.ts). Nothing writes
 * it any more. docs/scorecard-format.md describes both versions and the move from one to the other.
 *
 * The structure follows seed 002 (Table 3.1: perspectives and indicators with formulas; Table 4.8: directions;
 * Tables 4.1–4.6: AHP judgment matrices) and seed 004 (leading/lagging role, owner).
 */
import { z } from 'zod';
import {
  ahpSettingsSchema,
  codeSchema,
  directionSchema,
  formulaSchema,
  localizedTextSchema,
  perspectiveKindSchema,
  ratingBandSchema,
  roleSchema,
  scoringMethodSchema,
  unitAggregationSchema,
  valueTypeSchema,
  weightSetSchema,
} from './schema-parts.ts';

export const SCORECARD_FORMAT_V1 = 'healthbsc/scorecard@1';

export const dataElementV1Schema = z
  .object({
    code: codeSchema,
    name: localizedTextSchema,
    valueType: valueTypeSchema.default('number'),
    /** One text, in whichever language the author wrote it. */
    unit: z.string().optional(),
    aggregation: unitAggregationSchema.default('sum'),
    timeAggregation: z.enum(['sum', 'average', 'last']).default('sum'),
    min: z.number().optional(),
    max: z.number().optional(),
    description: z.string().optional(),
  })
  .strict();

export const indicatorV1Schema = z
  .object({
    id: codeSchema,
    name: localizedTextSchema,
    kind: z.enum(['quantitative', 'qualitative']).default('quantitative'),
    objective: codeSchema.optional(),
    formula: formulaSchema.optional(),
    formulaText: z.string().optional(),
    unit: z.string().optional(),
    decimals: z.number().int().min(0).max(10).default(2),
    direction: directionSchema.default('higher'),
    role: roleSchema.optional(),
    /** Free text: a department, a person, or an e-mail address. */
    owner: z.string().optional(),
    description: z.string().optional(),
    source: z.string().optional(),
    scoring: scoringMethodSchema.optional(),
    notes: z.string().optional(),
  })
  .strict();

export const objectiveV1Schema = z
  .object({ id: codeSchema, name: localizedTextSchema, description: z.string().optional() })
  .strict();

export const perspectiveV1Schema = z
  .object({
    id: codeSchema,
    kind: perspectiveKindSchema.optional(),
    name: localizedTextSchema,
    objectives: z.array(objectiveV1Schema).default([]),
    indicators: z.array(indicatorV1Schema).min(1),
  })
  .strict();

export const weightsV1Schema = z
  .object({
    perspectives: weightSetSchema,
    /** One weight set per perspective id. */
    indicators: z.record(z.string(), weightSetSchema),
  })
  .strict();

export const scorecardFileV1Schema = z
  .object({
    format: z.literal(SCORECARD_FORMAT_V1),
    code: codeSchema,
    name: localizedTextSchema,
    description: z.string().optional(),
    source: z.string().optional(),
    scoring: z
      .object({
        method: scoringMethodSchema.default({ method: 'ratio', cap: 1 }),
        missingData: z.enum(['renormalize', 'zero']).default('renormalize'),
        ratingBands: z.array(ratingBandSchema).min(1).optional(),
      })
      .strict()
      .default({ method: { method: 'ratio', cap: 1 }, missingData: 'renormalize' }),
    ahp: ahpSettingsSchema.default({}),
    dataElements: z.array(dataElementV1Schema).default([]),
    perspectives: z.array(perspectiveV1Schema).min(1),
    weights: weightsV1Schema,
  })
  .strict();

export type ScorecardFileV1 = z.infer<typeof scorecardFileV1Schema>;
export type ScorecardFileV1Input = z.input<typeof scorecardFileV1Schema>;
/** A version-1 file without its weights: what a stored structure version of an older import holds. */
export type ScorecardStructureV1 = Omit<ScorecardFileV1, 'weights'>;
