/**
 * Published scores over HTTP: a strategist publishes a scorecard × period × org-unit subtree; each unit's
 * evaluation, the aggregated inputs it used and the ids of every version are frozen, and served as published
 * (`GET /api/evaluations?view=published`) with who and when. Republishing needs a reason and keeps the earlier
 * publication; publishing refuses periods with unapproved data unless the publisher names them. A restatement
 * lists how today's computation differs from the published one (core/publications/restatement.ts).
 */
import { z } from 'zod';
import {
  codeRefSchema,
  localizedTextSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  timestampSchema,
} from './common.ts';
import { evaluationKeySchema } from './evaluation.ts';

const reasonSchema = z.string().trim().min(1).max(2000);

export const publishBodySchema = z
  .object({
    scorecard: codeRefSchema,
    /** The top of the subtree: the unit and every unit under it are published. */
    orgUnit: codeRefSchema,
    period: periodIdSchema,
    /** Why: required when the scorecard's score for any of these units and this period was published before. */
    reason: reasonSchema.optional(),
    /**
     * Periods with unapproved data the publisher names to publish anyway (listed in the publication). Naming
     * the published period covers its months.
     */
    unapprovedPeriods: z.array(periodIdSchema).max(400).optional(),
  })
  .strict();

/** A stored version a publication froze, by id and number. */
const frozenVersionSchema = z.object({ id: z.number().int(), version: z.number().int() });

export const publicationSchema = z.object({
  id: z.number().int(),
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  publishedBy: z.string(),
  publishedAt: timestampSchema,
  /** Why it was (re)published; null for a first publication without one. */
  reason: z.string().nullable(),
  /** The earlier publication it replaces (kept as it was), or null. */
  replaces: z.number().int().nullable(),
  /** The periods with unapproved data the publisher named. */
  unapprovedPeriods: z.array(z.string()),
  /** How many units it froze (the unit and its subtree). */
  units: z.number().int(),
  versions: z.object({ structure: frozenVersionSchema, weights: frozenVersionSchema }),
});

export const listPublicationsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    /** Publications that froze this unit (its own, or one of an ancestor's subtree). */
    orgUnit: codeRefSchema.optional(),
    period: periodIdSchema.optional(),
  })
  .strict();

export const publicationPageSchema = pageSchema(publicationSchema);

export const publicationIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

/** What publishing a subtree now would do, before doing it. */
export const publicationCheckSchema = z.object({
  /** How many units it would freeze (the unit and its subtree). */
  units: z.number().int(),
  /** The latest publication of the scorecard and period that covers any of them: publishing again needs a reason. */
  previous: publicationSchema.nullable(),
  /** The periods with unapproved data it would have to name. */
  unapprovedPeriods: z.array(z.string()),
});

export const publicationCheckQuerySchema = evaluationKeySchema;

/**
 * Why a figure differs from the published one (core/publications/restatement.ts), in the order a restatement
 * names them: `values` the aggregated data (a ratio's numerator or denominator, an expression's inputs),
 * `reported` a directly reported indicator value, `ratings` the qualitative ratings, `target` the target or
 * reference that applied, `method` the indicator's definition (another structure version or dated version of
 * its method), `weights` another weight version or weight, `scoring` the scheme's scoring (another dated scoring
 * version: rating bands, status thresholds).
 */
export const restatementReasonSchema = z.enum([
  'values',
  'reported',
  'ratings',
  'target',
  'method',
  'weights',
  'scoring',
]);
export type RestatementReasonJson = z.infer<typeof restatementReasonSchema>;

export const restatementQuerySchema = evaluationKeySchema.extend({
  /** Compare with this publication rather than the latest covering the unit. */
  publication: z.coerce.number().int().min(1).optional(),
});

export const restatementSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  publication: publicationSchema,
  total: z.object({ published: z.number().nullable(), now: z.number().nullable() }),
  rating: z.object({ published: z.string().nullable(), now: z.string().nullable() }),
  /** Every differing figure of every indicator, in scorecard order, with why it differs. */
  differences: z.array(
    z.object({
      indicator: z.string(),
      name: localizedTextSchema,
      figure: z.enum(['actual', 'target', 'quantified', 'score', 'weight', 'status']),
      published: z.union([z.number(), z.string()]).nullable(),
      now: z.union([z.number(), z.string()]).nullable(),
      why: z.array(restatementReasonSchema),
    }),
  ),
  /** Everything that changed underneath, for the unit as a whole. */
  why: z.array(restatementReasonSchema),
});

export type PublishBody = z.infer<typeof publishBodySchema>;
export type Publication = z.infer<typeof publicationSchema>;
export type ListPublicationsQuery = z.infer<typeof listPublicationsQuerySchema>;
export type PublicationCheck = z.infer<typeof publicationCheckSchema>;
export type RestatementQuery = z.infer<typeof restatementQuerySchema>;
export type RestatementJson = z.infer<typeof restatementSchema>;
