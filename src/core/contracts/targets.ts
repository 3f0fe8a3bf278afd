/**
 * Targets and reference values per scorecard × indicator × scope × period. The scope is one org unit, an
 * org-unit group, a level of the tree, or (none of the three) every unit the scorecard applies to.
 */
import { z } from 'zod';
import {
  codeRefSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  plausibleNumberSchema,
  timestampSchema,
} from './common.ts';

export const targetScopeSchema = z.enum(['all', 'org-unit', 'group', 'level']);

export const targetSchema = z.object({
  scorecard: z.string(),
  indicator: z.string(),
  scope: targetScopeSchema,
  orgUnit: z.string().nullable(),
  orgUnitGroup: z.string().nullable(),
  level: z.number().int().nullable(),
  period: z.string(),
  target: z.number().nullable(),
  /** A band [lower, upper]: on target inside it. */
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** A benchmark shown beside the target. */
  reference: z.number().nullable(),
  /** Where the target comes from (a plan, a national standard). */
  source: z.string().nullable(),
  setBy: z.string(),
  setAt: timestampSchema,
});

/** The scope fields shared by writes, deletes and lists: at most one of them. */
const scopeFields = {
  orgUnit: codeRefSchema.optional(),
  orgUnitGroup: codeRefSchema.optional(),
  level: z.coerce.number().int().min(1).optional(),
};

const oneScopeAtMost = (key: { orgUnit?: string; orgUnitGroup?: string; level?: number }): boolean =>
  [key.orgUnit, key.orgUnitGroup, key.level].filter((part) => part !== undefined).length <= 1;
/** The problem code of a target key naming more than one scope (core/errors/messages/target.ts). */
const ONE_SCOPE_MESSAGE = 'target.one-scope';

export const targetInputSchema = z
  .object({
    scorecard: codeRefSchema,
    indicator: codeRefSchema,
    ...scopeFields,
    level: z.number().int().min(1).optional(),
    period: periodIdSchema,
    target: plausibleNumberSchema.nullable().optional(),
    lower: plausibleNumberSchema.nullable().optional(),
    upper: plausibleNumberSchema.nullable().optional(),
    reference: plausibleNumberSchema.nullable().optional(),
    source: z.string().max(200).nullable().optional(),
  })
  .strict()
  .refine(oneScopeAtMost, { message: ONE_SCOPE_MESSAGE });

/** Creates or replaces each target named by its key; all in one transaction. */
export const putTargetsBodySchema = z
  .object({ targets: z.array(targetInputSchema).min(1).max(10_000) })
  .strict();

export const putTargetsResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The targets as stored, in the order sent. */
  items: z.array(targetSchema),
});

export const listTargetsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    indicator: codeRefSchema.optional(),
    period: periodIdSchema.optional(),
    scope: targetScopeSchema.optional(),
    ...scopeFields,
  })
  .strict();

/** The key of one target: no scope field means the scope `all`. */
export const deleteTargetQuerySchema = z
  .object({
    scorecard: codeRefSchema,
    indicator: codeRefSchema,
    period: periodIdSchema,
    ...scopeFields,
  })
  .strict()
  .refine(oneScopeAtMost, { message: ONE_SCOPE_MESSAGE });

export const targetPageSchema = pageSchema(targetSchema);

export type Target = z.infer<typeof targetSchema>;
export type TargetScope = z.infer<typeof targetScopeSchema>;
export type TargetInput = z.infer<typeof targetInputSchema>;
export type PutTargetsBody = z.infer<typeof putTargetsBodySchema>;
export type PutTargetsResult = z.infer<typeof putTargetsResultSchema>;
export type ListTargetsQuery = z.infer<typeof listTargetsQuerySchema>;
export type DeleteTargetQuery = z.infer<typeof deleteTargetQuerySchema>;
