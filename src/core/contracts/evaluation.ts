/**
 * The evaluation result as JSON: the one shape `healthbsc evaluate --json` prints and
 * `GET /api/evaluations` returns (issue: platform backbone §3).
 */
import { z } from 'zod';
import type { ComparisonRow } from '../scorecard/compare-published.ts';
import type { ScorecardEvaluation } from '../scorecard/evaluate-scorecard.ts';
import { unitOfMeasureSchema } from '../scorecard/scorecard-schema.ts';
import { indicatorControlChartSchema } from './monitoring.ts';

const localized = z.object({ en: z.string(), zh: z.string().optional() });

/**
 * Which units an indicator's rolled-up value rests on (pairwise completeness, src/core/analytics/README.md):
 * the children that reported every element of its formula, those left out (part of it only, or nothing), and
 * the share of the denominator the included ones carry. Sent only when the value comes from children.
 */
export const unitCoverageSchema = z.object({
  source: z.enum(['own', 'children']),
  included: z.array(z.string()),
  leftOut: z.array(z.string()),
  /** 0–1; null when the formula has no single denominator element. */
  denominatorShare: z.number().nullable(),
});

export const indicatorEvaluationSchema = z.object({
  id: z.string(),
  name: localized,
  kind: z.enum(['quantitative', 'qualitative']),
  /** In both languages; the client shows `unit[lang]`. */
  unit: unitOfMeasureSchema.nullable(),
  decimals: z.number().int(),
  method: z.string(),
  /** False for a monitored indicator (`scored: false`): shown with its status, no weight, `score` null. */
  scored: z.boolean().default(true),
  weight: z.number(),
  globalWeight: z.number(),
  actual: z.number().nullable(),
  actualSource: z.enum(['formula', 'reported', 'ratings', 'none']),
  target: z.number().nullable(),
  reference: z.number().nullable(),
  quantified: z.number().nullable(),
  score: z.number().nullable(),
  /** By the indicator's status thresholds (core/scoring/status.ts): met, watch, off-track, no-data. */
  status: z.enum(['met', 'watch', 'off-track', 'no-data']),
  reason: z.string().optional(),
  unitCoverage: unitCoverageSchema.optional(),
});

export const perspectiveEvaluationSchema = z.object({
  id: z.string(),
  name: localized,
  weight: z.number(),
  score: z.number().nullable(),
  coverage: z.number(),
  indicators: z.array(indicatorEvaluationSchema),
});

/**
 * Whether an evaluation rests on approved data (issue 4): `approved` when an approval of the scorecard covers
 * the unit (itself or an ancestor) and the period (itself or one enclosing it), naming that approval; else the
 * unit's own approval status for exactly this period, or `none`.
 */
export const evaluationApprovalSchema = z.object({
  status: z.enum(['none', 'submitted', 'approved', 'reopened']),
  /** The unit and period of the approval it rests on; null when there is none. */
  orgUnit: z.string().nullable(),
  period: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

/** A stored version an evaluation used: its id and number, the period it holds from, when it was recorded. */
export const usedVersionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  /** The first period it holds for; null: since the beginning. */
  effectiveFrom: z.string().nullable(),
  recordedAt: z.string(),
});

/**
 * Which version of everything that decides a score the evaluation used (docs/scorecard-format.md, "Dated
 * versions"): evaluating period P uses what held for P, as recorded at `asOf` (null: as recorded now).
 */
export const evaluationVersionsSchema = z.object({
  asOf: z.string().nullable(),
  /** The structure version (indicators, formulas, scoring) and the weight version. */
  structure: usedVersionSchema,
  weights: usedVersionSchema,
  /** The scheme's dated scoring version (default method, rating bands, status thresholds); 0: its own. */
  scoring: z.object({ version: z.number().int(), effectiveFrom: z.string().nullable() }),
  /** The assignment of the scorecard to org units that held, and whether it covers the unit; null: none recorded. */
  assignment: usedVersionSchema.extend({ assigned: z.boolean() }).nullable(),
  indicators: z.array(
    z.object({
      id: z.string(),
      /** The indicator's dated method version used; 0: its definition. */
      version: z.number().int(),
      effectiveFrom: z.string().nullable(),
      /** False before the indicator's definition holds: it is left out of the score. */
      inEffect: z.boolean(),
      /** The recorded target state used (its id in the target history); null without a target. */
      target: z.object({ id: z.number().int(), period: z.string(), recordedAt: z.string() }).nullable(),
    }),
  ),
});

/**
 * The publication an evaluation is compared with (core/contracts/publications.ts): who published the unit's
 * score for this period and when, and whether today's computation differs from it.
 */
export const evaluationPublicationSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  by: z.string(),
  /** True when today's computation differs from the published one (GET /api/evaluations/restatement says how). */
  differs: z.boolean(),
});

export const evaluationSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string().nullable(),
  period: z.string().nullable(),
  /** Null without data, and null when `insufficientData` (the coverage is below the minimum). */
  total: z.number().nullable(),
  rating: z.string().nullable(),
  ratingCode: z.string().nullable(),
  ratingLabel: localized.nullable(),
  /** Today's share of the total weight backed by data (0–1); the minimum-coverage rule reads it. */
  weightCoverage: z.number(),
  /** The scorecard's minimum coverage (0–1, `scoring.minimumCoverage`); 0: a total is always given. */
  minimumCoverage: z.number(),
  /** The weight coverage is below the minimum: shown as "insufficient data" with its coverage, never rated. */
  insufficientData: z.boolean(),
  missingData: z.enum(['renormalize', 'zero']),
  perspectives: z.array(perspectiveEvaluationSchema),
  comparison: z
    .object({
      source: z.string(),
      differences: z.array(
        z.object({
          item: z.string(),
          figure: z.string(),
          published: z.number(),
          computed: z.number().nullable(),
          difference: z.number().nullable(),
          note: z.string().optional(),
        }),
      ),
    })
    .optional(),
  /** Sent by the server (not by `healthbsc evaluate`, which evaluates files). */
  approval: evaluationApprovalSchema.optional(),
  /** The versions of its methods the evaluation used (sent by the server). */
  versions: evaluationVersionsSchema.optional(),
  /**
   * `today`: computed now from today's data and the methods as recorded (at `asOf`); `published`: as frozen by
   * a publication. Sent by the server.
   */
  view: z.enum(['today', 'published']).optional(),
  /** The unit's publication for this period (as recorded at `asOf`), or null when it has none. */
  publication: evaluationPublicationSchema.nullable().optional(),
});

export type EvaluationJson = z.infer<typeof evaluationSchema>;
export type EvaluationApproval = z.infer<typeof evaluationApprovalSchema>;
export type EvaluationVersions = z.infer<typeof evaluationVersionsSchema>;
export type UnitCoverageJson = z.infer<typeof unitCoverageSchema>;
export type UsedVersion = z.infer<typeof usedVersionSchema>;
export type EvaluationPublication = z.infer<typeof evaluationPublicationSchema>;

export interface EvaluationContext {
  readonly orgUnit?: string | null;
  readonly period?: string | null;
  readonly comparison?: { readonly source: string; readonly differences: readonly ComparisonRow[] };
}

/**
 * The JSON form of an evaluation.
 *
 * @example toEvaluationJson(evaluateScorecard(scorecard, inputs), { orgUnit: 'AZ', period: '2016' }).total // 92.57…
 */
export function toEvaluationJson(
  evaluation: ScorecardEvaluation,
  context: EvaluationContext = {},
): EvaluationJson {
  return {
    scorecard: evaluation.scorecard,
    orgUnit: context.orgUnit ?? null,
    period: context.period ?? null,
    total: evaluation.total,
    rating: evaluation.rating,
    ratingCode: evaluation.ratingCode,
    ratingLabel: evaluation.ratingLabel,
    weightCoverage: evaluation.coverage,
    minimumCoverage: evaluation.minimumCoverage,
    insufficientData: evaluation.insufficientData,
    missingData: evaluation.missingData,
    perspectives: evaluation.perspectives.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      score: p.score,
      coverage: p.coverage,
      indicators: p.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        kind: i.kind,
        unit: i.unit ?? null,
        decimals: i.decimals,
        method: i.method,
        scored: i.scored,
        weight: i.weight,
        globalWeight: i.globalWeight,
        actual: i.actual,
        actualSource: i.actualSource,
        target: i.target,
        reference: i.reference,
        quantified: i.quantified,
        score: i.score,
        status: i.status,
        ...(i.reason ? { reason: i.reason } : {}),
        ...(i.unitCoverage
          ? {
              unitCoverage: {
                ...i.unitCoverage,
                included: [...i.unitCoverage.included],
                leftOut: [...i.unitCoverage.leftOut],
              },
            }
          : {}),
      })),
    })),
    ...(context.comparison
      ? {
          comparison: { source: context.comparison.source, differences: [...context.comparison.differences] },
        }
      : {}),
  };
}

const code = z.string().min(1).max(64);
const periodId = z.string().regex(/^\d{4}(-\d{2}|[Qq][1-4])?$/, 'evaluation.period-format');

/** Which evaluation: a scorecard for an org unit and period. */
export const evaluationKeySchema = z.object({
  scorecard: code.describe('Scorecard code'),
  orgUnit: code.describe('Org unit code'),
  period: periodId.describe('Period: 2024-03 (month), 2024Q1 (quarter) or 2024 (year)'),
});

/** A recorded-at time: how things stood on that date (ISO 8601 with a time zone). */
export const asOfSchema = z.iso
  .datetime({ offset: true, message: 'evaluation.as-of-format' })
  .describe(
    'Show the period as it was scored at this time: the methods, targets and publication as recorded then (values are today’s; a publication is the record of what they were)',
  );

export const evaluationQuerySchema = evaluationKeySchema.extend({
  asOf: asOfSchema.optional(),
  view: z
    .enum(['today', 'published'])
    .default('today')
    .describe('today: computed now; published: as the latest publication (by asOf) froze it (404 when none)'),
});

export const seriesQuerySchema = z.object({
  scorecard: code,
  orgUnit: code,
  from: periodId,
  to: periodId,
  baselineTo: periodId
    .optional()
    .describe("The control charts' baseline ends here (default: the series' 12th period, or its last)"),
});

export const seriesSchema = z.object({
  items: z.array(z.object({ period: z.string(), evaluation: evaluationSchema })),
  /** Each indicator's control chart over the series (src/core/monitoring): status, rule and points. */
  controlCharts: z.array(indicatorControlChartSchema).optional(),
});

/** The pieces the ranking contracts (rankings.ts) share with evaluations. */
export { code as codeParamSchema, localized as localizedNameSchema, periodId as periodIdSchema };

export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;
export type EvaluationKey = z.infer<typeof evaluationKeySchema>;
export type SeriesJson = z.infer<typeof seriesSchema>;
