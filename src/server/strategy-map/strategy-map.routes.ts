/**
 * The strategy map: `GET /api/strategy-map` (readers of the unit), and a scorecard's strategy,
 * `GET|PUT /api/scorecards/{code}/strategy` (PUT: designer roles).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codeParamsSchema } from '../../core/contracts/common.ts';
import {
  putStrategyResultSchema,
  strategyMapQuerySchema,
  strategyMapSchema,
  strategySchema,
} from '../../core/contracts/strategy-map.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { getStrategy, putStrategy, strategyMapAs } from './strategy-map.service.ts';

const tags = ['strategy-map'];

export function strategyMapRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/strategy-map',
      {
        schema: {
          tags,
          summary: 'The strategy map of a scorecard for an org unit and period, with each link checked',
          description:
            "Perspectives as lanes (financial first), objectives with their SMART fields, score (the weighted mean of their indicators' quantified values) and status; each cause → effect link with the Pearson correlation of the two series at lags 0–6 periods of `grain`, the best lag, r's 95 % interval (Fisher z) and the number of periods. A link is `supported` when the interval lies above 0; otherwise it is marked `ci-includes-zero`, `opposite` or `too-few-periods` (fewer than 8), never left out.",
          querystring: strategyMapQuerySchema,
          response: { 200: strategyMapSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => strategyMapAs(app.ctx, engine, getActor(request), request.query),
    );

    app.get(
      '/scorecards/:code/strategy',
      {
        schema: {
          tags,
          summary: "A scorecard's objectives (with their perspectives) and cause → effect links",
          params: codeParamsSchema,
          response: { 200: strategySchema, ...problemResponses(404) },
        },
      },
      async (request) => getStrategy(app.ctx, getActor(request), request.params.code),
    );

    app.put(
      '/scorecards/:code/strategy',
      {
        schema: {
          tags,
          summary: "Replace a scorecard's objectives and links (a new structure version)",
          params: codeParamsSchema,
          body: strategySchema,
          response: { 200: putStrategyResultSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) =>
        putStrategy(app.ctx, getActor(request), { code: request.params.code, body: request.body }),
    );
  };
}
