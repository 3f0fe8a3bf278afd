/**
 * "Explain this score" (issue 5): `GET /api/evaluations/explain` returns how one indicator of one evaluation
 * got its number — formula and inputs, numerator and denominator, the target and where it came from, the
 * weights and their version, the scoring method and its parameters (core/scorecard/explain-indicator.ts).
 */
import { z } from 'zod';
import { timeAggregationSchema, unitOfMeasureSchema } from '../scorecard/scorecard-schema.ts';
import {
  asOfSchema,
  evaluationKeySchema,
  evaluationVersionsSchema,
  unitCoverageSchema,
  usedVersionSchema,
} from './evaluation.ts';

const localized = z.object({ en: z.string(), zh: z.string().optional() });

export const explainQuerySchema = evaluationKeySchema.extend({
  indicator: z.string().min(1).max(64).describe('Indicator id within the scorecard'),
  asOf: asOfSchema.optional(),
});

export const explainInputSchema = z.object({
  code: z.string(),
  name: localized,
  aggregation: z.enum(['sum', 'average']).describe('How a parent combines its children'),
  timeAggregation: timeAggregationSchema.describe('How months combine into quarters and years'),
  value: z
    .number()
    .nullable()
    .describe('The value for the unit (its subtree) and period, as the engine read it'),
  offset: z.number().int().optional().describe('For a `.periodOffset(n)` read: n (periods back)'),
  period: z.string().optional().describe('For a `.periodOffset(n)` read: the earlier period it read'),
});

export const explanationSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  indicator: z.object({
    id: z.string(),
    name: localized,
    kind: z.enum(['quantitative', 'qualitative']),
    unit: unitOfMeasureSchema.nullable(),
    decimals: z.number().int(),
  }),
  perspective: z.object({ id: z.string(), name: localized, weight: z.number() }),
  formula: z.object({
    type: z.enum(['expression', 'ratio', 'none']),
    text: z.string().nullable(),
    expression: z.string().nullable(),
    numerator: z.string().nullable(),
    denominator: z.string().nullable(),
    factor: z.number().nullable(),
    numeratorValue: z.number().nullable(),
    denominatorValue: z.number().nullable(),
    value: z.number().nullable(),
    inputs: z.array(explainInputSchema),
  }),
  actual: z.number().nullable(),
  actualSource: z.enum(['formula', 'reported', 'ratings', 'none']),
  raters: z.number().int().nullable(),
  target: z.object({
    value: z.number().nullable(),
    reference: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    origin: z.enum(['stored', 'none']),
    scope: z.enum(['all', 'org-unit', 'group', 'level']).nullable(),
    /** The org unit's or group's code, or the level's number, of the row's scope. */
    scopeRef: z.string().nullable(),
    period: z.string().nullable(),
    periodsTried: z.array(z.string()),
    fallback: z.boolean(),
    source: z.string().nullable(),
  }),
  weight: z.object({
    local: z.number(),
    global: z.number(),
    method: z.enum(['manual', 'ahp']),
    version: z.object({
      /** The weight version's id and the period it holds from. */
      id: z.number().int(),
      effectiveFrom: z.string().nullable(),
      number: z.number().int(),
      source: z.string(),
      sourceRef: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
      createdBy: z.string(),
    }),
  }),
  scoring: z.object({
    method: z.enum(['ratio', 'linear', 'band', 'thresholds', 'rubric']),
    direction: z.enum(['higher', 'lower', 'band']),
    band: z.object({ lower: z.number(), upper: z.number() }).nullable(),
    bandFrom: z.enum(['scorecard', 'target']).nullable(),
    cap: z.number().nullable(),
    floor: z.number().nullable(),
    tolerance: z.number().nullable(),
    rules: z.array(z.object({ min: z.number().nullable(), max: z.number().nullable(), score: z.number() })),
  }),
  quantified: z.number().nullable(),
  score: z.number().nullable(),
  reason: z.string().nullable(),
  /** Which units a rolled-up ratio rests on (the evaluation's `unitCoverage`); null for a unit's own values. */
  unitCoverage: unitCoverageSchema.nullable(),
  /**
   * The versions this indicator was scored by: the structure and weight versions, the scheme's scoring version,
   * the indicator's dated method version and the recorded target (as in the evaluation's `versions`).
   */
  versions: z.object({
    asOf: z.string().nullable(),
    structure: usedVersionSchema,
    weights: usedVersionSchema,
    scoring: evaluationVersionsSchema.shape.scoring,
    indicator: evaluationVersionsSchema.shape.indicators.element,
  }),
});

export type ExplainQuery = z.infer<typeof explainQuerySchema>;
export type ExplanationJson = z.infer<typeof explanationSchema>;
