/**
 * The pieces both versions of the scorecard file share (`healthbsc/scorecard@1` and `@2`): codes, texts,
 * directions, scoring methods, rating bands, AHP settings, weight sets and formulas. Each version's schema
 * (scorecard-schema-v1.ts, scorecard-schema.ts) assembles them; what differs between versions is there.
 */
import { z } from 'zod';

/** Codes are used in formulas, URLs and files: letters, digits, `_`, `-`, `.`; starting with a letter or `_`. */
export const codeSchema = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}_.-]*$/u, 'scorecard.code-format')
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

export const valueTypeSchema = z.enum(['number', 'integer', 'percentage', 'money']);
export const unitAggregationSchema = z.enum(['sum', 'average']);
export const roleSchema = z.enum(['leading', 'lagging']);
export const perspectiveKindSchema = z.enum(['financial', 'customer', 'internal', 'learning', 'social']);

export type WeightSetFile = z.infer<typeof weightSetSchema>;
export type AhpSettingsFile = z.infer<typeof ahpSettingsSchema>;
export type FormulaFile = z.infer<typeof formulaSchema>;
export type DirectionFile = z.infer<typeof directionSchema>;
