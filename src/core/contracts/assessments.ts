/**
 * Qualitative assessments: one rater's 0–100 score (seed 002's rating scale) of a qualitative indicator for an
 * org unit and period, with the evidence behind it. Same read and write shape as data values, keyed also by
 * the rater.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  noteSchema,
  pageSchema,
  periodIdSchema,
  queryListSchema,
  timestampSchema,
} from './common.ts';
import {
  expectedVersionSchema,
  valueFilterQuerySchema,
  writeCountsSchema,
  writeStatusSchema,
} from './data-values.ts';

export const scoreSchema = z.number().min(0).max(100);

export const assessmentSchema = z.object({
  scorecard: z.string(),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  rater: z.string(),
  score: z.number(),
  evidence: z.string().nullable(),
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: timestampSchema,
});

export const listAssessmentsQuerySchema = valueFilterQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    indicator: queryListSchema.optional(),
    rater: z.string().min(1).max(200).optional(),
  })
  .strict();

export const assessmentInputSchema = z
  .object({
    scorecard: codeRefSchema,
    indicator: codeRefSchema,
    orgUnit: codeRefSchema,
    period: periodIdSchema,
    /** Who scored; absent: the person sending the request. */
    rater: z.string().min(1).max(200).optional(),
    /** 0–100; null deletes the assessment. */
    score: scoreSchema.nullable(),
    /** Absent: keep the stored evidence; null: clear it. */
    evidence: noteSchema.nullable().optional(),
    version: expectedVersionSchema.optional(),
  })
  .strict();

export const writeAssessmentsBodySchema = z
  .object({ assessments: z.array(assessmentInputSchema).min(1).max(10_000) })
  .strict();

export const assessmentWriteItemSchema = z.object({
  scorecard: z.string(),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  rater: z.string(),
  status: writeStatusSchema,
  score: z.number().nullable(),
  evidence: z.string().nullable(),
  version: z.number().int().nullable(),
});

export const writeAssessmentsResultSchema = writeCountsSchema.extend({
  items: z.array(assessmentWriteItemSchema),
});

export const assessmentPageSchema = pageSchema(assessmentSchema);

export type Assessment = z.infer<typeof assessmentSchema>;
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuerySchema>;
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export type WriteAssessmentsBody = z.infer<typeof writeAssessmentsBodySchema>;
export type AssessmentWriteItem = z.infer<typeof assessmentWriteItemSchema>;
export type WriteAssessmentsResult = z.infer<typeof writeAssessmentsResultSchema>;
