/**
 * The evaluation result as JSON: the one shape `healthbsc evaluate --json` prints and
 * `GET /api/evaluations` returns (issue: platform backbone §3).
 */
import { z } from 'zod';
import type { ComparisonRow } from '../scorecard/compare-published.ts';
import type { ScorecardEvaluation } from '../scorecard/evaluate-scorecard.ts';
import { unitOfMeasureSchema } from '../scorecard/scorecard-schema.ts';

const localized = z.object({ en: z.string(), zh: z.string().optional() });

export const indicatorEvaluationSchema = z.object({
  id: z.string(),
  name: localized,
  kind: z.enum(['quantitative', 'qualitative']),
  /** In both languages; the client shows `unit[lang]`. */
  unit: unitOfMeasureSchema.nullable(),
  decimals: z.number().int(),
  method: z.string(),
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

export const evaluationSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string().nullable(),
  period: z.string().nullable(),
  total: z.number().nullable(),
  rating: z.string().nullable(),
  ratingCode: z.string().nullable(),
  ratingLabel: localized.nullable(),
  coverage: z.number(),
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
});

export type EvaluationJson = z.infer<typeof evaluationSchema>;
export type EvaluationApproval = z.infer<typeof evaluationApprovalSchema>;

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
    coverage: evaluation.coverage,
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

export const evaluationQuerySchema = z.object({
  scorecard: code.describe('Scorecard code'),
  orgUnit: code.describe('Org unit code'),
  period: periodId.describe('Period: 2024-03 (month), 2024Q1 (quarter) or 2024 (year)'),
});

export const rankingQuerySchema = z.object({
  scorecard: code,
  period: periodId,
  parent: code.describe('Rank the children (or all descendants) of this org unit'),
  depth: z.enum(['children', 'descendants']).default('children'),
});

export const rankedUnitSchema = z.object({
  rank: z.number().int().nullable(),
  orgUnit: z.string(),
  name: localized,
  type: z.string(),
  role: z.string().nullable(),
  evaluation: evaluationSchema,
});

export const rankingSchema = z.object({ items: z.array(rankedUnitSchema) });

export const seriesQuerySchema = z.object({
  scorecard: code,
  orgUnit: code,
  from: periodId,
  to: periodId,
});

export const seriesSchema = z.object({
  items: z.array(z.object({ period: z.string(), evaluation: evaluationSchema })),
});

export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;
export type RankingQuery = z.infer<typeof rankingQuerySchema>;
export type RankingJson = z.infer<typeof rankingSchema>;
export type SeriesJson = z.infer<typeof seriesSchema>;
