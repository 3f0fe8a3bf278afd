/**
 * `/api/data-quality`: the data-quality report of an org unit × period (whoever reads the unit).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dataQualityQuerySchema, dataQualityReportSchema } from '../../core/contracts/data-quality.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { dataQualityReport } from './data-quality.service.ts';

export const dataQualityRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/data-quality',
    {
      schema: {
        tags: ['data-quality'],
        summary: 'The data-quality report of an org unit × period',
        description:
          "The validation rules (every scorecard's, or the one named) that the unit's values break in the period and the periods inside it, and the values far from the unit's own latest 12–36 periods or, for rates and per-capita values, from its sibling units (modified z-score; an absolute bound where the MAD is 0, said in `method`).",
        querystring: dataQualityQuerySchema,
        response: { 200: dataQualityReportSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => dataQualityReport(app.ctx, getActor(request), request.query),
  );
};
