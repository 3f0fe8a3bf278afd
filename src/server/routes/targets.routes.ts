/**
 * `/api/targets`: targets per scorecard × indicator × scope × period.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteTargetQuerySchema,
  listTargetsQuerySchema,
  putTargetsBodySchema,
  putTargetsResultSchema,
  targetPageSchema,
} from '../../core/contracts/targets.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { deleteTargetByKey, listTargetsPage, putTargets } from '../services/targets.service.ts';

const tags = ['targets'];

export const targetRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/targets',
    {
      schema: {
        tags,
        summary: 'List targets (filters: scorecard, indicator, period, scope, orgUnit, orgUnitGroup, level)',
        querystring: listTargetsQuerySchema,
        response: { 200: targetPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listTargetsPage(app.ctx, getActor(request), request.query),
  );

  app.put(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Create or replace targets, all in one transaction',
        body: putTargetsBodySchema,
        response: { 200: putTargetsResultSchema, ...problemResponses(400) },
      },
    },
    async (request) => putTargets(app.ctx, getActor(request), request.body),
  );

  app.delete(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Delete the one target with this key (no scope field: the scope "all")',
        querystring: deleteTargetQuerySchema,
        response: { 204: z.null().describe('Deleted'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await deleteTargetByKey(app.ctx, getActor(request), request.query);
      return reply.code(204).send(null);
    },
  );
};
