/**
 * `/api/data-values`: data values read and written in bulk.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dataValuePageSchema,
  listDataValuesQuerySchema,
  writeDataValuesBodySchema,
  writeDataValuesResultSchema,
} from '../../core/contracts/data-values.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses, versionConflictResponse } from '../plugins/route-schemas.ts';
import { listDataValuesPage, writeDataValues } from '../services/data-values.service.ts';

const tags = ['values'];

export const dataValueRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/data-values',
    {
      schema: {
        tags,
        summary: 'Read data values (filters: orgUnit + includeDescendants, dataElement, period, from, to)',
        querystring: listDataValuesQuerySchema,
        response: { 200: dataValuePageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listDataValuesPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/data-values',
    {
      schema: {
        tags,
        summary:
          'Write data values in one transaction (value null deletes; version guards against lost updates)',
        body: writeDataValuesBodySchema,
        response: { 200: writeDataValuesResultSchema, ...problemResponses(400), ...versionConflictResponse },
      },
    },
    async (request) => writeDataValues(app.ctx, getActor(request), request.body),
  );
};
