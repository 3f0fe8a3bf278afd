/**
 * Data values: one number per org unit × data element × month. Read in bulk with filters; written in bulk,
 * the whole batch checked before anything is stored, with optimistic concurrency through `version`
 * (the parts the three value tables share: ./value-rows.ts).
 */
import { z } from 'zod';
import { codeRefSchema, periodIdSchema, queryListSchema } from './common.ts';
import { keyedValueSchemas, valueFigures, valueFilterQuerySchema } from './value-rows.ts';

const dataValues = keyedValueSchemas(
  { orgUnit: z.string(), dataElement: z.string(), period: z.string() },
  {
    orgUnit: codeRefSchema,
    dataElement: codeRefSchema,
    /** A month (`2024-03`): values are stored per month; quarters and years are computed from them. */
    period: periodIdSchema,
  },
  valueFigures,
);

export const dataValueSchema = dataValues.row;

export const listDataValuesQuerySchema = valueFilterQuerySchema
  .extend({
    /** One data element or several, comma-separated. */
    dataElement: queryListSchema.optional(),
  })
  .strict();

export const dataValueInputSchema = dataValues.input;
export const writeDataValuesBodySchema = z.object({ values: dataValues.batch }).strict();
export const dataValueWriteItemSchema = dataValues.writeItem;
export const writeDataValuesResultSchema = dataValues.writeResult;
export const dataValuePageSchema = dataValues.page;

export type DataValue = z.infer<typeof dataValueSchema>;
export type ListDataValuesQuery = z.infer<typeof listDataValuesQuerySchema>;
export type DataValueInput = z.infer<typeof dataValueInputSchema>;
export type WriteDataValuesBody = z.infer<typeof writeDataValuesBodySchema>;
export type DataValueWriteItem = z.infer<typeof dataValueWriteItemSchema>;
export type WriteDataValuesResult = z.infer<typeof writeDataValuesResultSchema>;
