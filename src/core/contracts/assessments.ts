/**
 * Qualitative assessments: one rater's 0–100 score (seed 002's rating scale) of a qualitative indicator for an
 * org unit and period, with the evidence behind it. Same read and write shape as data values, keyed also by
 * the rater (./value-rows.ts).
 */
import { z } from 'zod';
import { codeRefSchema, noteSchema, periodIdSchema, queryListSchema } from './common.ts';
import { type Figures, keyedValueSchemas, valueFilterQuerySchema } from './value-rows.ts';

export const scoreSchema = z.number().min(0).max(100);

const raterSchema = z.string().min(1).max(200);

/** A score and its evidence. */
const scoreFigures = {
  read: { score: z.number(), evidence: z.string().nullable() },
  input: {
    /** 0–100; null deletes the assessment. */
    score: scoreSchema.nullable(),
    /** Absent: keep the stored evidence; null: clear it. */
    evidence: noteSchema.nullable().optional(),
  },
  written: { score: z.number().nullable(), evidence: z.string().nullable() },
} satisfies Figures<z.ZodRawShape, z.ZodRawShape, z.ZodRawShape>;

const assessments = keyedValueSchemas(
  {
    scorecard: z.string(),
    indicator: z.string(),
    orgUnit: z.string(),
    period: z.string(),
    rater: z.string(),
  },
  {
    scorecard: codeRefSchema,
    indicator: codeRefSchema,
    orgUnit: codeRefSchema,
    period: periodIdSchema,
    /** Who scored; absent: the person sending the request. */
    rater: raterSchema.optional(),
  },
  scoreFigures,
);

export const assessmentSchema = assessments.row;

export const listAssessmentsQuerySchema = valueFilterQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    indicator: queryListSchema.optional(),
    rater: raterSchema.optional(),
  })
  .strict();

export const assessmentInputSchema = assessments.input;
export const writeAssessmentsBodySchema = z.object({ assessments: assessments.batch }).strict();
export const assessmentWriteItemSchema = assessments.writeItem;
export const writeAssessmentsResultSchema = assessments.writeResult;
export const assessmentPageSchema = assessments.page;

export type Assessment = z.infer<typeof assessmentSchema>;
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuerySchema>;
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export type WriteAssessmentsBody = z.infer<typeof writeAssessmentsBodySchema>;
export type AssessmentWriteItem = z.infer<typeof assessmentWriteItemSchema>;
export type WriteAssessmentsResult = z.infer<typeof writeAssessmentsResultSchema>;
