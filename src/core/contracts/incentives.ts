/**
 * Incentive allocation over HTTP: a pool (amount, currency) for a scorecard × period shared among the units under
 * an org unit by their published totals and a rule (core/incentives/allocate.ts). A preview computes without
 * saving (what-if); saving creates a draft that names the publication used; a second person approves it, which
 * freezes it; a new allocation of the same key replaces the latest one only with a reason, keeping it.
 * Amounts here are in major units of the currency (yuan), rounded to its minor unit.
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

const amountSchema = z.number().min(0).max(1e12);

export const allocationBaseKindSchema = z.enum(['equal', 'headcount', 'coefficient']);

export const allocationRuleSchema = z
  .object({
    /** Score × base: the headcount, a coefficient per unit, or 1 for every unit. */
    base: allocationBaseKindSchema,
    /** The headcount or coefficient of each unit by code (for `headcount` and `coefficient`). */
    bases: z.record(z.string(), z.number().min(0).max(1e7)).optional(),
    /** A published total below it gets nothing. */
    threshold: z.number().min(0).max(1000).nullable().optional(),
    /** Multipliers by rating code (e.g. excellent × 1.2); other ratings × 1. */
    tiers: z
      .array(z.object({ rating: z.string().min(1).max(64), multiplier: z.number().min(0).max(100) }))
      .max(20)
      .optional(),
    /** Per unit at or above the threshold, in major units. */
    floor: amountSchema.nullable().optional(),
    cap: amountSchema.nullable().optional(),
    /** Amounts are whole multiples of this (0.01: to the fen; 1: to the yuan; 100: to the hundred). */
    rounding: z.number().positive().max(1e6),
  })
  .strict();

export const allocationBodySchema = z
  .object({
    scorecard: codeRefSchema,
    /** The unit whose children share the pool (a hospital's departments, a group's hospitals). */
    orgUnit: codeRefSchema,
    period: periodIdSchema,
    pool: amountSchema,
    currency: z.string().regex(/^[A-Z]{3}$/),
    rule: allocationRuleSchema,
    /** Required when the key was allocated before: the new allocation replaces the latest one, which is kept. */
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export const allocatedUnitSchema = z.object({
  orgUnit: z.string(),
  name: localizedTextSchema,
  /** The published total, or null when the publication has none for the unit. */
  score: z.number().nullable(),
  rating: z.string().nullable(),
  base: z.number(),
  multiplier: z.number(),
  /** Why the unit gets nothing before any share: no published total, or below the threshold. */
  excluded: z.enum(['no-score', 'below-threshold']).nullable(),
  weight: z.number(),
  /** amount ÷ pool. */
  share: z.number(),
  /** Before rounding. */
  exact: z.number(),
  amount: z.number(),
  bound: z.enum(['floor', 'cap']).nullable(),
});

const publicationRefSchema = z.object({
  id: z.number().int(),
  publishedAt: timestampSchema,
  publishedBy: z.string(),
});

export const allocationPreviewSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  pool: z.number(),
  currency: z.string(),
  rule: allocationRuleSchema,
  publication: publicationRefSchema,
  units: z.array(allocatedUnitSchema),
});

export const allocationStatusSchema = z.enum(['draft', 'approved', 'superseded']);

export const allocationSchema = allocationPreviewSchema.extend({
  id: z.number().int(),
  status: allocationStatusSchema,
  createdBy: z.string(),
  createdAt: timestampSchema,
  approvedBy: z.string().nullable(),
  approvedAt: timestampSchema.nullable(),
  /** The allocation it replaces (kept as it was), with why. */
  replaces: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The allocation that replaced it, if any. */
  replacedBy: z.number().int().nullable(),
});

export const listAllocationsQuerySchema = paginationQuerySchema
  .extend({
    scorecard: codeRefSchema.optional(),
    orgUnit: codeRefSchema.optional(),
    period: periodIdSchema.optional(),
  })
  .strict();

export const allocationPageSchema = pageSchema(allocationSchema);
export const allocationIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) });
export const allocationExportQuerySchema = z
  .object({ format: z.enum(['xlsx', 'pdf']).default('xlsx'), lang: z.enum(['en', 'zh-CN']).default('en') })
  .strict();

export type AllocationRuleJson = z.infer<typeof allocationRuleSchema>;
export type AllocationBody = z.infer<typeof allocationBodySchema>;
export type AllocatedUnitJson = z.infer<typeof allocatedUnitSchema>;
export type AllocationPreview = z.infer<typeof allocationPreviewSchema>;
export type Allocation = z.infer<typeof allocationSchema>;
export type AllocationStatus = z.infer<typeof allocationStatusSchema>;
export type ListAllocationsQuery = z.infer<typeof listAllocationsQuerySchema>;
export type AllocationExportQuery = z.infer<typeof allocationExportQuerySchema>;
