/**
 * Periods as the HTTP API shows them: months `2024-03`, quarters `2024Q1`, years `2024` (core/periods).
 */
import { z } from 'zod';
import { pageSchema, paginationQuerySchema, periodIdSchema } from './common.ts';

export const periodTypeSchema = z.enum(['month', 'quarter', 'year']);

export const periodSchema = z.object({
  id: z.string(),
  type: periodTypeSchema,
  year: z.number().int(),
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: z.number().int(),
  /** First day, `YYYY-MM-DD`. */
  startDate: z.string(),
  /** Last day, `YYYY-MM-DD` (inclusive). */
  endDate: z.string(),
});

/** The periods that hold data, optionally of one type and within `from`–`to` (by their first and last days). */
export const listPeriodsQuerySchema = paginationQuerySchema
  .extend({
    type: periodTypeSchema.optional(),
    from: periodIdSchema.optional(),
    to: periodIdSchema.optional(),
  })
  .strict();

export const periodParamsSchema = z.object({ id: periodIdSchema });

export const periodPageSchema = pageSchema(periodSchema);

export type PeriodResource = z.infer<typeof periodSchema>;
export type ListPeriodsQuery = z.infer<typeof listPeriodsQuerySchema>;
