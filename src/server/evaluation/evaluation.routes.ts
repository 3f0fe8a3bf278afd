/**
 * Evaluation routes: a scorecard for an org unit and period (the JSON of `healthbsc evaluate --json`), rankings
 * of sibling units, and time series; each answer with an ETag (../plugins/etags.ts), 304 when it has not changed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  evaluationQuerySchema,
  evaluationSchema,
  seriesQuerySchema,
  seriesSchema,
} from '../../core/contracts/evaluation.ts';
import { explainQuerySchema, explanationSchema } from '../../core/contracts/explain.ts';
import {
  rankingMatrixSchema,
  rankingPageSchema,
  rankingQuerySchema,
  rankingScopeQuerySchema,
} from '../../core/contracts/rankings.ts';
import { badRequest } from '../../core/errors/problem.ts';
import { periodRange } from '../../core/periods/index.ts';
import { controlChartsOfSeries } from '../monitoring/monitoring.service.ts';
import { getActor } from '../plugins/actor.ts';
import { compiledResponse } from '../plugins/compiled-serializer.ts';
import type { RevisionsOf } from '../plugins/etags.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { evaluateAs, explainAs, rankingMatrixAs, rankingPageAs, seriesAs } from './evaluation.service.ts';
import type { EvaluationEngine } from './evaluation-engine.ts';

/** The longest series one request may ask for (ten years of months). */
const MAX_SERIES = 120;

/** The org unit whose organisation's revision an evaluation, ranking or series reads. */
function orgUnitOf(query: unknown): string | null {
  if (typeof query !== 'object' || query === null) return null;
  const unit: unknown = Reflect.get(query, 'orgUnit') ?? Reflect.get(query, 'parent');
  return typeof unit === 'string' ? unit : null;
}

export function evaluationRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    const etag: RevisionsOf = async (request) => {
      const unit = orgUnitOf(request.query);
      return unit === null ? { meta: 0, root: 0 } : engine.revisions(unit);
    };
    app.get(
      '/evaluations',
      {
        config: { etag },
        schema: {
          tags: ['evaluations'],
          summary: 'Evaluate a scorecard for an org unit and period',
          description:
            'Perspective scores, the composite V and its rating, each indicator with its actual, target, quantified value and weighted score. A parent aggregates its children as each data element prescribes (a group rate is Σ numerators ÷ Σ denominators); quarters and years are computed from months.',
          querystring: evaluationQuerySchema,
          response: { 200: compiledResponse(evaluationSchema), ...problemResponses(400, 404) },
        },
      },
      async (request) => evaluateAs(app.ctx, engine, getActor(request), request.query),
    );

    app.get(
      '/evaluations/explain',
      {
        schema: {
          tags: ['evaluations'],
          summary: 'Explain how one indicator of an evaluation got its score',
          description:
            "The formula and each data-element value it read (aggregated over the unit's subtree and the period's months, a group rate as Σ numerators ÷ Σ denominators), the numerator and denominator, the actual and where it came from, the target and reference with the stored target row that applied (its scope and the period it was set for, after the month → quarter → year fallback), the local and global weight with the weight version, the scoring method with its parameters, the quantified value, score, and why there is none. Same access as GET /api/evaluations.",
          querystring: explainQuerySchema,
          response: { 200: explanationSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => explainAs(app.ctx, engine, getActor(request), request.query),
    );

    app.get(
      '/rankings',
      {
        config: { etag },
        schema: {
          tags: ['evaluations'],
          summary: 'Rank the children (or all descendants) of an org unit by total score',
          description:
            'A page of the ranking (`limit`, `offset`, `total`), sorted by rank, total, name or coverage. `view=summary` (default): rank, unit, total, rating and weight coverage per unit; `view=full`: each unit’s whole evaluation with its approval status. One unit’s evaluation: GET /api/evaluations. The ranking is computed once per revision of the organisation and its methods; further pages are slices of it.',
          querystring: rankingQuerySchema,
          response: { 200: compiledResponse(rankingPageSchema), ...problemResponses(400, 404) },
        },
      },
      async (request) => rankingPageAs(app.ctx, engine, getActor(request), request.query),
    );

    app.get(
      '/rankings/matrix',
      {
        config: { etag },
        schema: {
          tags: ['evaluations'],
          summary: 'The units × indicators of a ranking, for a heatmap',
          description:
            'Units in ranking order and indicators in scorecard order; `quantified` and `status` are flat, row-major (cell u × indicators + i), a status as its index in met, watch, off-track, no-data. Same units and access as GET /api/rankings.',
          querystring: rankingScopeQuerySchema,
          response: { 200: compiledResponse(rankingMatrixSchema), ...problemResponses(400, 404) },
        },
      },
      async (request) => rankingMatrixAs(engine, getActor(request), request.query),
    );

    app.get(
      '/series',
      {
        config: { etag },
        schema: {
          tags: ['evaluations'],
          summary: 'Evaluate a scorecard for every period from one period to another',
          description:
            "With each indicator's control chart over the series (src/core/monitoring/README.md): p-chart (Laney p′ when over-dispersed) for proportions, u-chart for rates, XmR otherwise; limits from the baseline (the first 12 periods unless `baselineTo`); the rules that fire and the periods they mark; Wilson intervals where a proportion's denominator is small.",
          querystring: seriesQuerySchema,
          response: { 200: compiledResponse(seriesSchema), ...problemResponses(400, 404) },
        },
      },
      async (request) => {
        const actor = getActor(request);
        const periods = periodRange(request.query.from, request.query.to);
        if (periods.length > MAX_SERIES) {
          throw badRequest('evaluation.series-too-long', { max: MAX_SERIES }, ['to']);
        }
        const evaluations = await seriesAs(app.ctx, engine, actor, { ...request.query, periods });
        // After seriesAs, which refuses a unit outside the actor's scope.
        const controlCharts = await controlChartsOfSeries(engine, { ...request.query, periods });
        return {
          items: evaluations.map((evaluation, i) => ({ period: periods[i] ?? '', evaluation })),
          controlCharts,
        };
      },
    );
  };
}
