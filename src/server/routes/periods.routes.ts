/**
 * `/api/periods`: months, quarters and years.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  listPeriodsQuerySchema,
  periodPageSchema,
  periodParamsSchema,
  periodSchema,
} from '../../core/contracts/periods.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { getPeriod, listPeriodsPage } from '../services/periods.service.ts';

const tags = ['periods'];

export const periodRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/periods',
    {
      schema: {
        tags,
        summary: 'List the periods that hold data (filters: type, from, to)',
        querystring: listPeriodsQuerySchema,
        response: { 200: periodPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => listPeriodsPage(app.ctx, getActor(request), request.query),
  );

  app.get(
    '/periods/:id',
    {
      schema: {
        tags,
        summary: 'One period: 2024-03, 2024Q1 or 2024',
        params: periodParamsSchema,
        response: { 200: periodSchema, ...problemResponses(400) },
      },
    },
    async (request) => getPeriod(app.ctx, getActor(request), request.params),
  );
};
