/**
 * Indicator values reported directly by a source that publishes the rate and not its parts (a national
 * reporting platform, seed 002's Table 4.9): one number per scorecard × indicator × org unit × period. They take
 * precedence over the indicator's formula. Same read and write shape as data values (./value-rows.ts).
 */
import { z } from 'zod';
import { codeRefSchema, periodIdSchema, queryListSchema } from './common.ts';
import { keyedValueSchemas, valueFigures, valueFilterQuerySchema } from './value-rows.ts';

const reportedValues = keyedValueSchemas(
  { scorecard: z.string(), indicator: z.string(), orgUnit: z.string(), period: z.string() },
  {
    scorecard: codeRefSchema,
    indicator: codeRefSchema,
    orgUnit: codeRefSchema,
    /** A month, quarter or year: sources report rates for the period they cover. */
    period: periodIdSchema,
  },
  valueFigures,
);

export const reportedValueSchema = reportedValues.row;

export const listReportedValuesQuerySchema = valueFilterQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    /** One indicator id or several, comma-separated. */
    indicator: queryListSchema.optional(),
  })
  .strict();

export const reportedValueInputSchema = reportedValues.input;
export const writeReportedValuesBodySchema = z.object({ values: reportedValues.batch }).strict();
export const reportedValueWriteItemSchema = reportedValues.writeItem;
export const writeReportedValuesResultSchema = reportedValues.writeResult;
export const reportedValuePageSchema = reportedValues.page;

export type ReportedValue = z.infer<typeof reportedValueSchema>;
export type ListReportedValuesQuery = z.infer<typeof listReportedValuesQuerySchema>;
export type ReportedValueInput = z.infer<typeof reportedValueInputSchema>;
export type WriteReportedValuesBody = z.infer<typeof writeReportedValuesBodySchema>;
export type ReportedValueWriteItem = z.infer<typeof reportedValueWriteItemSchema>;
export type WriteReportedValuesResult = z.infer<typeof writeReportedValuesResultSchema>;
