/**
 * Monitoring routes (src/core/monitoring/README.md): funnel plots of units among their peers and forecasts to
 * target. Control charts come with `GET /api/series` (evaluation.routes.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  forecastQuerySchema,
  forecastSchema,
  funnelQuerySchema,
  funnelSchema,
} from '../../core/contracts/monitoring.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { forecastAs, funnelAs } from './monitoring.service.ts';

export function monitoringRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/monitoring/funnel',
      {
        schema: {
          tags: ['monitoring'],
          summary: "A funnel plot of one indicator over a unit's children or its peers",
          description:
            "Each unit's proportion (or rate) against its denominator, with exact 95 % and 99.8 % limits around the group's Σ numerators ÷ Σ denominators (Spiegelhalter 2005), the band it falls in and its percentile among the others. An indicator that is not a proportion or a rate has no funnel (`kind: null`). Peers outside the caller's scope are left out.",
          querystring: funnelQuerySchema,
          response: { 200: funnelSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => funnelAs(app.ctx, engine, getActor(request), request.query),
    );

    app.get(
      '/monitoring/forecast',
      {
        schema: {
          tags: ['monitoring'],
          summary: 'Forecast an indicator of a unit to the end of the year, against its target',
          description:
            "Holt–Winters with additive seasonality (as R's HoltWinters) on two full years of months, a straight line otherwise, each with a 95 % prediction interval; the year's projected value and whether it will likely miss its target.",
          querystring: forecastQuerySchema,
          response: { 200: forecastSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => forecastAs(app.ctx, engine, getActor(request), request.query),
    );
  };
}
