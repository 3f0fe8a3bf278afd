/**
 * `/api/data-elements`: the raw measures formulas use.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema } from '../../core/contracts/common.ts';
import {
  createDataElementBodySchema,
  dataElementPageSchema,
  dataElementSchema,
  listDataElementsQuerySchema,
  updateDataElementBodySchema,
} from '../../core/contracts/data-elements.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  createDataElement,
  deleteDataElementByCode,
  getDataElement,
  listDataElementsPage,
  updateDataElementByCode,
} from '../services/data-elements.service.ts';

const tags = ['data elements'];

export const dataElementRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/data-elements',
    {
      schema: {
        tags,
        summary: 'List data elements (filters: valueType, q)',
        querystring: listDataElementsQuerySchema,
        response: { 200: dataElementPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => listDataElementsPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/data-elements',
    {
      schema: {
        tags,
        summary: "Create a data element (the shape of a scorecard file's dataElements)",
        body: createDataElementBodySchema,
        response: { 201: dataElementSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createDataElement(app.ctx, getActor(request), request.body)),
  );

  app.get(
    '/data-elements/:code',
    {
      schema: {
        tags,
        summary: 'One data element',
        params: codeParamsSchema,
        response: { 200: dataElementSchema, ...problemResponses(404) },
      },
    },
    async (request) => getDataElement(app.ctx, getActor(request), request.params),
  );

  app.patch(
    '/data-elements/:code',
    {
      schema: {
        tags,
        summary: 'Change a data element (null clears an optional field)',
        params: codeParamsSchema,
        body: updateDataElementBodySchema,
        response: { 200: dataElementSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      updateDataElementByCode(app.ctx, getActor(request), {
        code: request.params.code,
        changes: request.body,
      }),
  );

  app.delete(
    '/data-elements/:code',
    {
      schema: {
        tags,
        summary: 'Delete a data element (409 while values or a current scorecard use it)',
        params: codeParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await deleteDataElementByCode(app.ctx, getActor(request), request.params);
      return reply.code(204).send(null);
    },
  );
};
