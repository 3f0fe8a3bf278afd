/**
 * The "scorecard as code" file format, version 1 (`format: healthbsc/scorecard@1`).
 *
 * One definition serves the CLI (`healthbsc evaluate`), the importer of the database (a later issue) and the
 * JSON Schema a user's editor can validate against (`healthbsc schema scorecard`). The format is documented
 * in docs/scorecard-format.md; a change that is not backwards compatible gets a new version number.
 *
 * The structure follows seed 002 (Table 3.1: perspectives and indicators with formulas; Table 4.8: directions;
 * Tables 4.1–4.6: AHP judgment matrices) and seed 004 (leading/lagging role, owner).
 */
import { z } from 'zod';

export const SCORECARD_FORMAT = 'healthbsc/scorecard@1';

/** Codes are used in formulas, URLs and files: letters, digits, `_`, `-`, `.`; starting with a letter or `_`. */
const codeSchema = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}_.-]*$/u, 'must start with a letter or _ and hold only letters, digits, _ . -')
  .max(64);

export const localizedTextSchema = z
  .object({
    en: z.string().min(1),
    zh: z.string().min(1).optional(),
  })
  .strict();

export const directionSchema = z.union([
  z.literal('higher'),
  z.literal('lower'),
  z
    .object({ band: z.tuple([z.number(), z.number()]) })
    .strict()
    .describe('keep within [lower, upper]'),
]);

const capSchema = z.number().positive().nullable().optional();

export const scoringMethodSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('ratio'), cap: capSchema }).strict(),
  z.object({ method: z.literal('linear'), floor: z.number(), cap: capSchema }).strict(),
  z.object({ method: z.literal('band'), tolerance: z.number().positive() }).strict(),
  z
    .object({
      method: z.literal('thresholds'),
      rules: z
        .array(
          z
            .object({ min: z.number().optional(), max: z.number().optional(), score: z.number().min(0) })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z.object({ method: z.literal('rubric') }).strict(),
]);

export const ratingBandSchema = z
  .object({ code: codeSchema, min: z.number(), label: localizedTextSchema })
  .strict();

/** A judgment matrix entry: a number, or a fraction written as text ("1/3") so reciprocals stay exact. */
const judgmentSchema = z.union([z.number(), z.string()]);
const matrixSchema = z.array(z.array(judgmentSchema));

export const ahpSettingsSchema = z
  .object({
    method: z.enum(['eigenvector', 'geometric', 'sum-product']).optional(),
    riTable: z.enum(['seed002', 'saaty1980', 'alonso-lamata']).optional(),
    threshold: z.number().positive().optional(),
    scale: z.enum(['saaty', 'five-point', 'any']).optional(),
  })
  .strict();

/** Weights of one set of siblings: given directly, or derived by AHP from one or several experts' matrices. */
export const weightSetSchema = z.union([
  z.object({ manual: z.record(z.string(), z.number().min(0)) }).strict(),
  z
    .object({
      ahp: z
        .object({
          /** Which child each row/column stands for; defaults to the order the children are declared in. */
          order: z.array(z.string()).optional(),
          matrix: matrixSchema.optional(),
          experts: z
            .array(z.object({ matrix: matrixSchema, weight: z.number().positive().optional() }).strict())
            .min(1)
            .optional(),
          aggregation: z.enum(['aij', 'aip']).optional(),
        })
        .strict(),
    })
    .strict(),
]);

export const dataElementSchema = z
  .object({
    code: codeSchema,
    name: localizedTextSchema,
    valueType: z.enum(['number', 'integer', 'percentage', 'money']).default('number'),
    unit: z.string().optional(),
    /** How a parent combines its children's values (beds: sum; a price index: average). */
    aggregation: z.enum(['sum', 'average']).default('sum'),
    /**
     * How months combine into quarters and years: flows (visits, revenue) sum; stocks (open beds, staff,
     * patients on a register) average, or take the last month.
     */
    timeAggregation: z.enum(['sum', 'average', 'last']).default('sum'),
    min: z.number().optional(),
    max: z.number().optional(),
    description: z.string().optional(),
  })
  .strict();

/** A formula: one expression, or numerator ÷ denominator × factor (kept apart so groups sum each part). */
export const formulaSchema = z.union([
  z.string().min(1),
  z
    .object({
      numerator: z.string().min(1),
      denominator: z.string().min(1),
      factor: z.number().positive().default(1),
    })
    .strict(),
]);

export const indicatorSchema = z
  .object({
    id: codeSchema,
    name: localizedTextSchema,
    kind: z.enum(['quantitative', 'qualitative']).default('quantitative'),
    objective: codeSchema.optional(),
    formula: formulaSchema.optional(),
    /** The formula as the source document words it, kept for readers. */
    formulaText: z.string().optional(),
    unit: z.string().optional(),
    decimals: z.number().int().min(0).max(10).default(2),
    direction: directionSchema.default('higher'),
    role: z.enum(['leading', 'lagging']).optional(),
    owner: z.string().optional(),
    description: z.string().optional(),
    source: z.string().optional(),
    scoring: scoringMethodSchema.optional(),
    notes: z.string().optional(),
  })
  .strict();

export const objectiveSchema = z
  .object({ id: codeSchema, name: localizedTextSchema, description: z.string().optional() })
  .strict();

export const perspectiveSchema = z
  .object({
    id: codeSchema,
    kind: z.enum(['financial', 'customer', 'internal', 'learning', 'social']).optional(),
    name: localizedTextSchema,
    objectives: z.array(objectiveSchema).default([]),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

export const scorecardFileSchema = z
  .object({
    format: z.literal(SCORECARD_FORMAT),
    code: codeSchema,
    name: localizedTextSchema,
    description: z.string().optional(),
    source: z.string().optional(),
    scoring: z
      .object({
        /** Default method for quantitative indicators that do not name their own. */
        method: scoringMethodSchema.default({ method: 'ratio', cap: 1 }),
        missingData: z.enum(['renormalize', 'zero']).default('renormalize'),
        ratingBands: z.array(ratingBandSchema).min(1).optional(),
      })
      .strict()
      .default({ method: { method: 'ratio', cap: 1 }, missingData: 'renormalize' }),
    ahp: ahpSettingsSchema.default({}),
    dataElements: z.array(dataElementSchema).default([]),
    perspectives: z.array(perspectiveSchema).min(1),
    weights: z
      .object({
        perspectives: weightSetSchema,
        /** One weight set per perspective id. */
        indicators: z.record(z.string(), weightSetSchema),
      })
      .strict(),
  })
  .strict();

export type ScorecardFile = z.infer<typeof scorecardFileSchema>;
export type ScorecardFileInput = z.input<typeof scorecardFileSchema>;
export type PerspectiveFile = z.infer<typeof perspectiveSchema>;
export type IndicatorFile = z.infer<typeof indicatorSchema>;
export type WeightSetFile = z.infer<typeof weightSetSchema>;
export type DataElementFile = z.infer<typeof dataElementSchema>;
export type AhpSettingsFile = z.infer<typeof ahpSettingsSchema>;
