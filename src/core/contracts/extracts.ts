/**
 * Record-level extracts (docs/extracts.md): a file of patient-level records (encounters, discharges, …) and an
 * extract definition that says, declaratively, which aggregates of those records are the values of which data
 * elements. The definition is compiled to SQL by core/extracts (no text of the user reaches the engine as SQL:
 * column names are quoted as identifiers, values as literals); only the aggregates leave the engine.
 */
import { z } from 'zod';
import { periodTypeSchema } from './periods.ts';

/** A column of the extract, by its header name (any characters but NUL; quoted by the compiler). */
export const extractColumnSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((name) => !name.includes('\u0000'), { message: 'extract.column-nul' });

const literalSchema = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

/** A condition on one column of a record: compared as a number when the value is a number, else as text. */
export const extractColumnFilterSchema = z.discriminatedUnion('op', [
  z.object({
    column: extractColumnSchema,
    op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge']),
    value: literalSchema,
  }),
  z.object({
    column: extractColumnSchema,
    op: z.enum(['in', 'not-in']),
    values: z.array(literalSchema).min(1).max(1000),
  }),
  z.object({ column: extractColumnSchema, op: z.enum(['is-null', 'not-null']) }),
]);

/** A condition that a named construct holds (or, with `negate`, does not) for the record. */
export const extractConstructFilterSchema = z.object({
  construct: z.string().min(1).max(64),
  negate: z.boolean().default(false),
});

export const extractFilterSchema = z.union([extractColumnFilterSchema, extractConstructFilterSchema]);

/**
 * Named window constructs. `next-admission-within`: the same patient's next admission (the next record by
 * admission date) starts within `days` days (0 ≤ gap ≤ days) after this record's discharge — the 30-day
 * readmission of CMS's Hospital Readmissions Reduction Program is `days: 30` counted on the index stays.
 */
export const extractConstructSchema = z.object({
  type: z.literal('next-admission-within'),
  patient: extractColumnSchema,
  admission: extractColumnSchema,
  discharge: extractColumnSchema,
  days: z.number().int().min(0).max(3660),
});

/** What is computed over the matching records of a unit and period. */
export const extractAggregateSchema = z.enum(['count', 'count-distinct', 'sum', 'avg']);

export const extractElementSchema = z
  .object({
    /** The data element's code; the value imported is the aggregate of the unit and period. */
    dataElement: z.string().min(1).max(64),
    aggregate: extractAggregateSchema,
    /** The column counted distinctly, summed or averaged (not for `count`). */
    column: extractColumnSchema.optional(),
    /** The date column whose period the record belongs to. */
    date: extractColumnSchema,
    /** The period type the date is truncated to (the data element's). */
    periodType: periodTypeSchema.default('month'),
    /** All must hold for a record to count. */
    where: z.array(extractFilterSchema).max(50).default([]),
  })
  .refine((e) => (e.aggregate === 'count') === (e.column === undefined), {
    message: 'extract.aggregate-column',
    path: ['column'],
  });

export const extractDefinitionSchema = z
  .object({
    /** The unit of a record: a column, with its values translated to org-unit codes (others kept as they are). */
    unit: z.object({
      column: extractColumnSchema,
      translate: z.record(z.string().max(200), z.string().min(1).max(64)).default({}),
    }),
    /** Columns that identify a person: never in an error, a log line or the audit. */
    identifying: z.array(extractColumnSchema).max(100).default([]),
    /** How a date column is written when it is not ISO `2024-01-31` (strptime format, e.g. `%Y/%m/%d`). */
    dateFormat: z.string().min(2).max(40).optional(),
    constructs: z.record(z.string().min(1).max(64), extractConstructSchema).default({}),
    elements: z.array(extractElementSchema).min(1).max(500),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.elements.forEach((e, i) => {
      if (seen.has(e.dataElement)) {
        ctx.addIssue({ code: 'custom', message: 'extract.element-twice', path: ['elements', i] });
      }
      seen.add(e.dataElement);
      e.where.forEach((f, j) => {
        if ('construct' in f && !Object.hasOwn(d.constructs, f.construct)) {
          ctx.addIssue({
            code: 'custom',
            message: 'extract.unknown-construct',
            params: { construct: f.construct },
            path: ['elements', i, 'where', j, 'construct'],
          });
        }
      });
    });
  });

/** The formats an extract may come in (gzip CSV is `csv`, told by its bytes). */
export const extractFormatSchema = z.enum(['csv', 'parquet']);

export type ExtractColumnFilter = z.infer<typeof extractColumnFilterSchema>;
export type ExtractFilter = z.infer<typeof extractFilterSchema>;
export type ExtractConstruct = z.infer<typeof extractConstructSchema>;
export type ExtractElement = z.infer<typeof extractElementSchema>;
export type ExtractDefinition = z.infer<typeof extractDefinitionSchema>;
export type ExtractDefinitionInput = z.input<typeof extractDefinitionSchema>;
export type ExtractFormat = z.infer<typeof extractFormatSchema>;
