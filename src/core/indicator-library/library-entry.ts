/**
 * An entry of the indicator library (issue 17 §3): an indicator a designer can pick and add to a scorecard, with
 * its names, definition, numerator and denominator in Chinese and English, which way is better, its unit, the
 * period it is reported for, where it comes from, and the data elements its formula reads. Built-in entries come
 * from China's tertiary public hospital appraisal (56), seed 002's AZ Hospital scorecard (31), the AHRQ Quality
 * Indicators and the CMS FHIR eCQM hospital measures; an installation adds its own (`custom`).
 */
import { z } from 'zod';
import { codeSchema, formulaSchema, perspectiveKindSchema } from '../scorecard/schema-parts.ts';

/** A text every entry has in both languages (the library's promise: no empty wording in either). */
export const bilingualSchema = z
  .object({ en: z.string().trim().min(1), zh: z.string().trim().min(1) })
  .strict();

export const librarySourceSchema = z.enum(['cn-tertiary', 'seed-002', 'ahrq-qi', 'cms-ecqm', 'custom']);

/**
 * Which way is better. `monitor` is China's 监测比较: watched and compared, not scored; such an indicator joins a
 * scorecard with weight 0, so it shows its value and trend but adds nothing to the total.
 */
export const libraryDirectionSchema = z.enum(['higher', 'lower', 'monitor']);

export const libraryElementSchema = z
  .object({
    code: codeSchema,
    name: bilingualSchema,
    valueType: z.enum(['number', 'integer', 'percentage', 'money']).default('number'),
  })
  .strict();

export const libraryScoringSchema = z.union([
  z.object({ method: z.literal('ratio') }).strict(),
  z.object({ method: z.literal('linear'), floor: z.number() }).strict(),
]);

export const libraryEntryFields = {
  name: bilingualSchema,
  definition: bilingualSchema,
  numerator: bilingualSchema.nullable(),
  denominator: bilingualSchema.nullable(),
  perspective: perspectiveKindSchema,
  category: bilingualSchema,
  kind: z.enum(['quantitative', 'qualitative']),
  direction: libraryDirectionSchema,
  unit: bilingualSchema.nullable(),
  periodType: z.enum(['month', 'quarter', 'year']),
  /** The indicator's formula over `dataElements` (the scorecard format's); null: reported directly or rated. */
  formula: formulaSchema.nullable(),
  /** The scoring the entry needs; null: the scorecard's own. Growth that can be ≤ 0 needs `linear`. */
  scoring: libraryScoringSchema.nullable(),
  dataElements: z.array(libraryElementSchema),
  /** Where it comes from: a standard's name and its item, a seed's file and table. */
  reference: z.string().trim().min(1),
};

export const libraryEntrySchema = z
  .object({ id: z.string().min(1).max(80), source: librarySourceSchema, ...libraryEntryFields })
  .strict();

export type Bilingual = z.infer<typeof bilingualSchema>;
export type LibrarySource = z.infer<typeof librarySourceSchema>;
export type LibraryDirection = z.infer<typeof libraryDirectionSchema>;
export type LibraryElement = z.infer<typeof libraryElementSchema>;
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;
