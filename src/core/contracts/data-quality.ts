/**
 * The data-quality gate over HTTP (core/quality): the report of one org unit × period (validation rules that do
 * not hold, values far from the unit's own history or from its peers), and what entry, import and approval
 * answer when a value breaks a rule.
 */
import { z } from 'zod';
import { codeRefSchema, localizedTextSchema, periodIdSchema } from './common.ts';

export const ruleOperatorSchema = z.enum(['==', '!=', '<', '<=', '>', '>=']);
export const ruleImportanceSchema = z.enum(['low', 'medium', 'high']);

/** A validation rule that does not hold for a unit × period. */
export const ruleViolationSchema = z.object({
  /** The scorecard whose file declares the rule. */
  scorecard: z.string(),
  rule: z.string(),
  importance: ruleImportanceSchema,
  orgUnit: z.string(),
  period: z.string(),
  left: z.number(),
  operator: ruleOperatorSchema,
  right: z.number(),
  message: localizedTextSchema,
  /** The data elements the rule reads, left side first. */
  dataElements: z.array(z.string()),
});

/** A value far from what it is compared with (modified z-score, or the absolute bound where the MAD is 0). */
export const outlierSchema = z.object({
  dataElement: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  /** `history`: the unit's own latest 12–36 earlier periods; `peers`: sibling units (rates, per capita). */
  against: z.enum(['history', 'peers']),
  /** `absolute-bound` where the median absolute deviation was 0 (the modified z is then not defined). */
  method: z.enum(['modified-z', 'absolute-bound']),
  /** The value compared (divided by `per` for a per-capita peer check). */
  value: z.number(),
  median: z.number(),
  mad: z.number(),
  score: z.number().nullable(),
  /** The threshold of |score|, or the bound on |value − median|. */
  limit: z.number(),
  /** How many values it was compared with. */
  count: z.number().int(),
  /** The element the value was divided by for peers (per capita); null otherwise. */
  per: z.string().nullable(),
});

export const dataQualityQuerySchema = z
  .object({
    orgUnit: codeRefSchema,
    /** A period; a quarter or year also covers the months (and quarters) inside it. */
    period: periodIdSchema,
    /** Only this scorecard's rules; absent: every scorecard's. */
    scorecard: codeRefSchema.optional(),
  })
  .strict();

export const dataQualityReportSchema = z.object({
  orgUnit: z.string(),
  period: z.string(),
  /** The periods whose values were checked (the period and those inside it that have values). */
  periods: z.array(z.string()),
  rulesChecked: z.number().int(),
  valuesChecked: z.number().int(),
  violations: z.array(ruleViolationSchema),
  outliers: z.array(outlierSchema),
});

export type RuleViolationResource = z.infer<typeof ruleViolationSchema>;
export type OutlierResource = z.infer<typeof outlierSchema>;
export type DataQualityQuery = z.infer<typeof dataQualityQuerySchema>;
export type DataQualityReport = z.infer<typeof dataQualityReportSchema>;
