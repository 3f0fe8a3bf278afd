/**
 * `/api/reported-values`: indicator values reported directly, read and written in bulk.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  listReportedValuesQuerySchema,
  reportedValuePageSchema,
  writeReportedValuesBodySchema,
  writeReportedValuesResultSchema,
} from '../../core/contracts/reported-values.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses, versionConflictResponse } from '../plugins/route-schemas.ts';
import { listReportedValuesPage, writeReportedValues } from '../services/reported-values.service.ts';

const tags = ['values'];

export const reportedValueRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/reported-values',
    {
      schema: {
        tags,
        summary: 'Read reported indicator values (filters: scorecard, indicator, orgUnit, period, from, to)',
        querystring: listReportedValuesQuerySchema,
        response: { 200: reportedValuePageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listReportedValuesPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/reported-values',
    {
      schema: {
        tags,
        summary: 'Write reported indicator values in one transaction',
        body: writeReportedValuesBodySchema,
        response: {
          200: writeReportedValuesResultSchema,
          ...problemResponses(400),
          ...versionConflictResponse,
        },
      },
    },
    async (request) => writeReportedValues(app.ctx, getActor(request), request.body),
  );
};
