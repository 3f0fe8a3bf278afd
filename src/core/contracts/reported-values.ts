/**
 * Indicator values reported directly by a source that publishes the rate and not its parts (a national
 * reporting platform, seed 002's Table 4.9): one number per scorecard × indicator × org unit × period. They take
 * precedence over the indicator's formula. Same read and write shape as data values.
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

export const reportedValueSchema = z.object({
  scorecard: z.string(),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  value: z.number(),
  comment: z.string().nullable(),
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: timestampSchema,
});

export const listReportedValuesQuerySchema = valueFilterQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    /** One indicator id or several, comma-separated. */
    indicator: queryListSchema.optional(),
  })
  .strict();

export const reportedValueInputSchema = z
  .object({
    scorecard: codeRefSchema,
    indicator: codeRefSchema,
    orgUnit: codeRefSchema,
    /** A month, quarter or year: sources report rates for the period they cover. */
    period: periodIdSchema,
    value: z.number().nullable(),
    comment: noteSchema.nullable().optional(),
    version: expectedVersionSchema.optional(),
  })
  .strict();

export const writeReportedValuesBodySchema = z
  .object({ values: z.array(reportedValueInputSchema).min(1).max(10_000) })
  .strict();

export const reportedValueWriteItemSchema = z.object({
  scorecard: z.string(),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  status: writeStatusSchema,
  value: z.number().nullable(),
  comment: z.string().nullable(),
  version: z.number().int().nullable(),
});

export const writeReportedValuesResultSchema = writeCountsSchema.extend({
  items: z.array(reportedValueWriteItemSchema),
});

export const reportedValuePageSchema = pageSchema(reportedValueSchema);

export type ReportedValue = z.infer<typeof reportedValueSchema>;
export type ListReportedValuesQuery = z.infer<typeof listReportedValuesQuerySchema>;
export type ReportedValueInput = z.infer<typeof reportedValueInputSchema>;
export type WriteReportedValuesBody = z.infer<typeof writeReportedValuesBodySchema>;
export type ReportedValueWriteItem = z.infer<typeof reportedValueWriteItemSchema>;
export type WriteReportedValuesResult = z.infer<typeof writeReportedValuesResultSchema>;
