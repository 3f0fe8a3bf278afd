/**
 * The period × unit table of one indicator (`GET /api/pivot`, DHIS2's pivot habit): periods as columns, the
 * children (or all descendants) of a unit as rows, each cell the indicator as the unit's evaluation gives it,
 * and a total row that is the parent's own evaluation (the roll-up: a rate as Σ numerators ÷ Σ denominators over
 * the units reporting both, src/core/analytics/README.md) with its coverage. Paged by units.
 */
import { z } from 'zod';
import { unitOfMeasureSchema } from '../scorecard/scorecard-schema.ts';
import { codeParamSchema, localizedNameSchema, periodIdSchema } from './evaluation.ts';

export const PIVOT_ROWS = ['children', 'descendants'] as const;
export type PivotRows = (typeof PIVOT_ROWS)[number];
/** The most period columns one table holds (three years of months). */
export const MAX_PIVOT_PERIODS = 36;
export const DEFAULT_PIVOT_PAGE = 50;
export const MAX_PIVOT_PAGE = 200;

export const pivotQuerySchema = z.object({
  scorecard: codeParamSchema,
  indicator: z.string().min(1).max(64).describe('The indicator’s id in the scorecard'),
  parent: codeParamSchema.describe('Rows: the children (or all descendants) of this org unit'),
  rows: z.enum(PIVOT_ROWS).default('children'),
  from: periodIdSchema.describe('The first column: 2024-01, 2024Q1 or 2024'),
  to: periodIdSchema.describe('The last column, of the same period type as `from`'),
  limit: z.coerce.number().int().min(1).max(MAX_PIVOT_PAGE).default(DEFAULT_PIVOT_PAGE),
  offset: z.coerce.number().int().min(0).default(0),
});

/** One unit and period: the indicator as that evaluation gives it. */
export const pivotCellSchema = z.object({
  actual: z.number().nullable(),
  score: z.number().nullable(),
  status: z.enum(['met', 'watch', 'off-track', 'no-data']),
  /** Why there is no value (a missing-data reason code, worded by the client). */
  reason: z.string().optional(),
});

/** A total cell: the parent's value and which of its children it rests on. */
export const pivotTotalCellSchema = pivotCellSchema.extend({
  /** `own`: the parent reported it itself; `children`: rolled up from its children. */
  source: z.enum(['own', 'children']).nullable(),
  /** How many children reported every element of the formula, and how many were left out. */
  included: z.number().int(),
  leftOut: z.number().int(),
  /** 0–1: the share of the denominator the included children carry; null without a single denominator. */
  denominatorShare: z.number().nullable(),
});

const unitRefSchema = z.object({ code: z.string(), name: localizedNameSchema });

export const pivotSchema = z.object({
  scorecard: z.string(),
  indicator: z.object({
    id: z.string(),
    name: localizedNameSchema,
    unit: unitOfMeasureSchema.nullable(),
    decimals: z.number().int(),
  }),
  parent: unitRefSchema,
  rows: z.enum(PIVOT_ROWS),
  periods: z.array(z.string()),
  units: z.array(
    unitRefSchema.extend({
      type: z.string(),
      level: z.number().int(),
      /** The unit's parent (a department's hospital), so that a flattened subtree names it. */
      parentUnit: unitRefSchema.nullable(),
      cells: z.array(pivotCellSchema),
    }),
  ),
  /** The parent's own evaluation per period; null when the reader does not read the parent itself. */
  total: z.array(pivotTotalCellSchema).nullable(),
  /** Units in all pages. */
  totalUnits: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export type PivotQuery = z.infer<typeof pivotQuerySchema>;
export type PivotJson = z.infer<typeof pivotSchema>;
export type PivotCell = z.infer<typeof pivotCellSchema>;
export type PivotTotalCell = z.infer<typeof pivotTotalCellSchema>;
