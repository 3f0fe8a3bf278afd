/**
 * What the three keyed value tables share over HTTP (data values, reported indicator values, assessments: a
 * number and a note per key, read in pages with the same filters, written in batches of up to 10,000 with
 * optimistic concurrency through `version`): the filters, the write's statuses and counts, the 409's `current`,
 * and `keyedValueSchemas`, which makes a table's row, input, write item and answer from its key and figures.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  noteSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  plausibleNumberSchema,
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

/** The most values one write request may carry. */
export const MAX_BATCH = 10_000;

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

export const writeCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
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

/** A value's figures: as read, as sent in a write, and as a write's answer gives them back. */
export interface Figures<
  Read extends z.ZodRawShape,
  Input extends z.ZodRawShape,
  Written extends z.ZodRawShape,
> {
  readonly read: Read;
  readonly input: Input;
  readonly written: Written;
}

/** A number and a comment (data values, reported values). */
export const valueFigures = {
  read: { value: z.number(), comment: z.string().nullable() },
  input: {
    /** The value; null deletes it. */
    value: plausibleNumberSchema.nullable(),
    /** Absent: keep the stored comment; null: clear it. */
    comment: noteSchema.nullable().optional(),
  },
  written: {
    /** The value now stored; null once deleted. */
    value: z.number().nullable(),
    comment: z.string().nullable(),
  },
} satisfies Figures<z.ZodRawShape, z.ZodRawShape, z.ZodRawShape>;

/**
 * The schemas of one keyed value table from its key (as read, and as a write names it) and its figures:
 * `row` (key, figures, `version`, who and when), `input` (key, figures, the `version` read), `batch` (1 to
 * 10,000 inputs), `writeItem` (key, status, figures and version now), `writeResult` (counts and one item per
 * value sent, in order) and `page`. Fields come in that order, which is the order of the JSON sent.
 *
 * @example const schemas = keyedValueSchemas({ orgUnit: z.string() }, { orgUnit: codeRefSchema }, valueFigures)
 */
export function keyedValueSchemas<
  Key extends z.ZodRawShape,
  KeyInput extends z.ZodRawShape,
  Read extends z.ZodRawShape,
  Input extends z.ZodRawShape,
  Written extends z.ZodRawShape,
>(key: Key, keyInput: KeyInput, figures: Figures<Read, Input, Written>) {
  const row = z.object({
    ...key,
    ...figures.read,
    /** Incremented on every change; send it back to detect a concurrent edit. */
    version: z.number().int().min(1),
    updatedBy: z.string(),
    updatedAt: timestampSchema,
  });
  const input = z
    .object({ ...keyInput, ...figures.input, version: expectedVersionSchema.optional() })
    .strict();
  const writeItem = z.object({
    ...key,
    status: writeStatusSchema,
    ...figures.written,
    /** The version now stored; null once deleted. */
    version: z.number().int().nullable(),
  });
  return {
    row,
    input,
    batch: z.array(input).min(1).max(MAX_BATCH),
    writeItem,
    /** One item per value sent, in the order sent. */
    writeResult: writeCountsSchema.extend({ items: z.array(writeItem) }),
    page: pageSchema(row),
  };
}

export type WriteStatus = z.infer<typeof writeStatusSchema>;
export type ValueFilterQuery = z.infer<typeof valueFilterQuerySchema>;
export type WriteCounts = z.infer<typeof writeCountsSchema>;
export type CurrentValue = z.infer<typeof currentValueSchema>;
