/**
 * Data values: one number per org unit × data element × month. Read in bulk with filters; written in bulk,
 * the whole batch checked before anything is stored, with optimistic concurrency through `version`.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  noteSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  problemSchema,
  queryBooleanSchema,
  queryListSchema,
  timestampSchema,
} from './common.ts';

/** What a write did to one value. */
export const writeStatusSchema = z.enum(['created', 'updated', 'deleted', 'unchanged']);

/**
 * The version a write expects to replace (the `version` it read); absent: overwrite whatever is there.
 * A value that does not exist yet has no version, so a write naming one gets a conflict.
 */
export const expectedVersionSchema = z.number().int().min(1);

export const dataValueSchema = z.object({
  orgUnit: z.string(),
  dataElement: z.string(),
  period: z.string(),
  value: z.number(),
  comment: z.string().nullable(),
  /** Incremented on every change; send it back to detect a concurrent edit. */
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: timestampSchema,
});

/** Filters shared by the three kinds of values: where, when, and the page. */
export const valueFilterQuerySchema = paginationQuerySchema.extend({
  /** Values of this org unit (and, with `includeDescendants`, of its whole subtree). */
  orgUnit: codeRefSchema.optional(),
  includeDescendants: queryBooleanSchema.default(false),
  /** One period or several, comma-separated. */
  period: queryListSchema.optional(),
  /** Periods that start on or after this period's first day. */
  from: periodIdSchema.optional(),
  /** Periods that end on or before this period's last day. */
  to: periodIdSchema.optional(),
});

export const listDataValuesQuerySchema = valueFilterQuerySchema
  .extend({
    /** One data element or several, comma-separated. */
    dataElement: queryListSchema.optional(),
  })
  .strict();

export const dataValueInputSchema = z
  .object({
    orgUnit: codeRefSchema,
    dataElement: codeRefSchema,
    /** A month (`2024-03`): values are stored per month; quarters and years are computed from them. */
    period: periodIdSchema,
    /** The value; null deletes it. */
    value: z.number().nullable(),
    /** Absent: keep the stored comment; null: clear it. */
    comment: noteSchema.nullable().optional(),
    version: expectedVersionSchema.optional(),
  })
  .strict();

export const writeDataValuesBodySchema = z
  .object({ values: z.array(dataValueInputSchema).min(1).max(10_000) })
  .strict();

export const dataValueWriteItemSchema = z.object({
  orgUnit: z.string(),
  dataElement: z.string(),
  period: z.string(),
  status: writeStatusSchema,
  /** The value now stored; null once deleted. */
  value: z.number().nullable(),
  comment: z.string().nullable(),
  /** The version now stored; null once deleted. */
  version: z.number().int().nullable(),
});

export const writeCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
});

export const writeDataValuesResultSchema = writeCountsSchema.extend({
  /** One per value sent, in the order sent. */
  items: z.array(dataValueWriteItemSchema),
});

/** What is stored now for a value whose `version` did not match (sent with a 409). */
export const currentValueSchema = z.object({
  /** Its index in the batch. */
  index: z.number().int(),
  value: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number().int().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: timestampSchema.nullable(),
});

/** The 409 of a batch write: a problem plus what is stored now for every value that conflicted. */
export const versionConflictProblemSchema = problemSchema.extend({ current: z.array(currentValueSchema) });

export const dataValuePageSchema = pageSchema(dataValueSchema);

export type DataValue = z.infer<typeof dataValueSchema>;
export type WriteStatus = z.infer<typeof writeStatusSchema>;
export type ValueFilterQuery = z.infer<typeof valueFilterQuerySchema>;
export type ListDataValuesQuery = z.infer<typeof listDataValuesQuerySchema>;
export type DataValueInput = z.infer<typeof dataValueInputSchema>;
export type WriteDataValuesBody = z.infer<typeof writeDataValuesBodySchema>;
export type DataValueWriteItem = z.infer<typeof dataValueWriteItemSchema>;
export type WriteCounts = z.infer<typeof writeCountsSchema>;
export type WriteDataValuesResult = z.infer<typeof writeDataValuesResultSchema>;
export type CurrentValue = z.infer<typeof currentValueSchema>;
