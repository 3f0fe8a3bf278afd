/**
 * Data elements (the raw measures formulas use) as the HTTP API reads and writes them. A new element is
 * written exactly as in a scorecard file's `dataElements` (core/scorecard), so one shape serves both.
 */
import { z } from 'zod';
import {
  dataElementSchema as dataElementFileSchema,
  elementOutliersSchema,
  missingValuesSchema,
  periodTypeSchema,
  timeAggregationSchema,
  unitOfMeasureSchema,
} from '../scorecard/scorecard-schema.ts';
import { localizedTextSchema, pageSchema, paginationQuerySchema, timestampSchema } from './common.ts';

export const valueTypeSchema = z.enum(['number', 'integer', 'percentage', 'money']);
export const unitAggregationSchema = z.enum(['sum', 'average']);
export {
  elementOutliersSchema,
  missingValuesSchema,
  periodTypeSchema,
  timeAggregationSchema,
  unitOfMeasureSchema,
};

export const dataElementSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  valueType: valueTypeSchema,
  /** In both languages (`{ en: 'beds', zh: '床' }`). */
  unit: unitOfMeasureSchema.nullable(),
  aggregation: unitAggregationSchema,
  /** The period a value is reported for (values are entered per month for now). */
  periodType: periodTypeSchema,
  timeAggregation: timeAggregationSchema,
  /** How missing values roll up; null: they are skipped. */
  missingValues: missingValuesSchema.nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  description: z.string().nullable(),
  /** The data-quality checks' thresholds; null: the defaults (modified z 3.5, no per-capita peers). */
  outliers: elementOutliersSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const createDataElementBodySchema = dataElementFileSchema;

/** Any of the fields; null clears an optional one. The code never changes (formulas name it). */
export const updateDataElementBodySchema = z
  .object({
    name: localizedTextSchema.optional(),
    valueType: valueTypeSchema.optional(),
    unit: unitOfMeasureSchema.nullable().optional(),
    aggregation: unitAggregationSchema.optional(),
    periodType: periodTypeSchema.optional(),
    timeAggregation: timeAggregationSchema.optional(),
    missingValues: missingValuesSchema.nullable().optional(),
    min: z.number().nullable().optional(),
    max: z.number().nullable().optional(),
    description: z.string().nullable().optional(),
    outliers: elementOutliersSchema.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'data-element.no-change' });

export const listDataElementsQuerySchema = paginationQuerySchema
  .extend({
    valueType: valueTypeSchema.optional(),
    /** Text found in the code or either name (case-insensitive). */
    q: z.string().min(1).max(100).optional(),
  })
  .strict();

export const dataElementPageSchema = pageSchema(dataElementSchema);

export type DataElement = z.infer<typeof dataElementSchema>;
export type CreateDataElementBody = z.infer<typeof createDataElementBodySchema>;
export type UpdateDataElementBody = z.infer<typeof updateDataElementBodySchema>;
export type ListDataElementsQuery = z.infer<typeof listDataElementsQuerySchema>;
