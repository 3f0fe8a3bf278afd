/**
 * The values file of a scorecard kept as files, version 1 (`format: healthbsc/values@1`): the raw data,
 * targets, reference values and qualitative ratings of one org unit for one period.
 * Documented in docs/scorecard-format.md.
 */
import { z } from 'zod';

export const VALUES_FORMAT = 'healthbsc/values@1';

const numberOrNull = z.number().nullable();

export const assessmentSchema = z
  .object({
    rater: z.string().min(1).optional(),
    score: z.number().min(0).max(100),
    evidence: z.string().optional(),
  })
  .strict();

/**
 * Figures published elsewhere for the same evaluation (a paper, last year's spreadsheet), to be compared with
 * what HealthBSC computes. `notes` explains a difference, keyed by 'total', a perspective id or an indicator id.
 */
export const comparisonSchema = z
  .object({
    source: z.string().min(1),
    total: z.number().optional(),
    perspectives: z.record(z.string(), z.number()).default({}),
    weights: z.record(z.string(), z.number()).default({}),
    quantified: z.record(z.string(), z.number()).default({}),
    notes: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export const valuesFileSchema = z
  .object({
    format: z.literal(VALUES_FORMAT),
    /** The scorecard these values are for (its `code`); checked when given. */
    scorecard: z.string().optional(),
    orgUnit: z.string().min(1).optional(),
    period: z.string().min(1).optional(),
    /** Data-element values by code: the inputs of the indicators' formulas. */
    data: z.record(z.string(), numberOrNull).default({}),
    /**
     * Indicator values reported directly, by indicator id, for sources that publish the rate and not its parts
     * (seed 002 Table 4.9 is such a source). A reported value takes precedence over the formula.
     */
    actuals: z.record(z.string(), numberOrNull).default({}),
    /** Targets by indicator id. For a band indicator the band is the target; a number here is shown only. */
    targets: z.record(z.string(), numberOrNull).default({}),
    /** Reference (benchmark) values by indicator id, shown beside the target. */
    references: z.record(z.string(), numberOrNull).default({}),
    /** Qualitative ratings (0–100) by indicator id: one number per rater, or a rater with evidence. */
    assessments: z
      .record(z.string(), z.array(z.union([z.number().min(0).max(100), assessmentSchema])))
      .default({}),
    comparison: comparisonSchema.optional(),
  })
  .strict();

export type ValuesFile = z.infer<typeof valuesFileSchema>;
export type ValuesFileInput = z.input<typeof valuesFileSchema>;
export type ComparisonFile = z.infer<typeof comparisonSchema>;
