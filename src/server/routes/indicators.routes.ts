/**
 * `/api/indicators`: the indicators of every scorecard's current version, with their weights.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { indicatorPageSchema, listIndicatorsQuerySchema } from '../../core/contracts/scorecards.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { listIndicatorsPage } from '../services/indicators.service.ts';

export const indicatorRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/indicators',
    {
      schema: {
        tags: ['scorecards'],
        summary: 'List indicators across scorecards (filters: scorecard, perspective, kind, q)',
        querystring: listIndicatorsQuerySchema,
        response: { 200: indicatorPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listIndicatorsPage(app.ctx, getActor(request), request.query),
  );
};
