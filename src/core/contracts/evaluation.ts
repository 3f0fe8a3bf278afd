/**
 * The evaluation result as JSON: the one shape `healthbsc evaluate --json` prints and
 * `GET /api/evaluations` returns (issue: platform backbone §3).
 */
import { z } from 'zod';
import type { ComparisonRow } from '../scorecard/compare-published.ts';
import type { ScorecardEvaluation } from '../scorecard/evaluate-scorecard.ts';

const localized = z.object({ en: z.string(), zh: z.string().optional() });

export const indicatorEvaluationSchema = z.object({
  id: z.string(),
  name: localized,
  kind: z.enum(['quantitative', 'qualitative']),
  unit: z.string().nullable(),
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
});

export type EvaluationJson = z.infer<typeof evaluationSchema>;

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
