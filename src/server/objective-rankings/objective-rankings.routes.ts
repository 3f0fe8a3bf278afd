/** GET /api/objective-rankings: entropy/CRITIC/combined weights and TOPSIS/RSR rankings of one cohort of units. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  objectiveRankingQuerySchema,
  objectiveRankingSchema,
} from '../../core/contracts/objective-rankings.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { objectiveRankingAs } from './objective-rankings.service.ts';

export function objectiveRankingRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/objective-rankings',
      {
        schema: {
          tags: ['evaluations'],
          summary: 'Rank the units of one type and level by TOPSIS or RSR with objective or combined weights',
          description:
            'Uses the indicators’ actual values and directions over the units of one cohort (type and level) that the scorecard ranking holds; refuses, naming every missing cell, when a unit lacks a value. Each unit carries its scorecard rank and the difference. Same access as GET /api/rankings.',
          querystring: objectiveRankingQuerySchema,
          response: { 200: objectiveRankingSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => objectiveRankingAs(app.ctx, engine, getActor(request), request.query),
    );
  };
}
