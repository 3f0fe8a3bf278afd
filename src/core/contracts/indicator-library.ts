/**
 * `/api/indicator-library`: the built-in entries (core/indicator-library) and the installation's own, listed and
 * searched together; own entries added, changed and deleted by the performance office and administrators.
 */
import { z } from 'zod';
import {
  libraryEntryFields,
  libraryEntrySchema,
  librarySourceSchema,
} from '../indicator-library/library-entry.ts';
import { perspectiveKindSchema } from '../scorecard/schema-parts.ts';

export const listLibraryQuerySchema = z.object({
  q: z.string().max(200).optional().describe('Words matched in the id, names, definition and category'),
  source: librarySourceSchema.optional(),
  perspective: perspectiveKindSchema.optional(),
});

/** An entry as listed: its fields, and for an own entry who added it and when it last changed. */
export const libraryEntryItemSchema = libraryEntrySchema.extend({
  createdBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const libraryListSchema = z.object({
  entries: z.array(libraryEntryItemSchema),
  total: z.number().int().describe('Entries matched'),
});

/** An own entry as sent: every field but the id and source (`custom`), which the server gives. */
export const libraryEntryBodySchema = z.object(libraryEntryFields).strict();

export const libraryEntryParamsSchema = z.object({ id: z.string().min(1).max(80) });

export type ListLibraryQuery = z.infer<typeof listLibraryQuerySchema>;
export type LibraryEntryItem = z.infer<typeof libraryEntryItemSchema>;
export type LibraryList = z.infer<typeof libraryListSchema>;
export type LibraryEntryBody = z.input<typeof libraryEntryBodySchema>;
