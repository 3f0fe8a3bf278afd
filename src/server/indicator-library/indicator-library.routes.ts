/** `/api/indicator-library`: list and search the library; add, change and delete the installation's own entries. */

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  libraryEntryBodySchema,
  libraryEntryItemSchema,
  libraryEntryParamsSchema,
  libraryListSchema,
  listLibraryQuerySchema,
} from '../../core/contracts/indicator-library.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  changeLibraryEntry,
  createLibraryEntry,
  listLibrary,
  removeLibraryEntry,
} from './indicator-library.service.ts';

const tags = ['indicator library'];

export const indicatorLibraryRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/indicator-library',
    {
      schema: {
        tags,
        summary: 'List the indicator library, built-in and own entries (filters: q, source, perspective)',
        querystring: listLibraryQuerySchema,
        response: { 200: libraryListSchema, ...problemResponses(400) },
      },
    },
    async (request) => listLibrary(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/indicator-library',
    {
      schema: {
        tags,
        summary: 'Add an own library entry, shared across the installation',
        body: libraryEntryBodySchema,
        response: { 201: libraryEntryItemSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createLibraryEntry(app.ctx, getActor(request), request.body)),
  );

  app.put(
    '/indicator-library/:id',
    {
      schema: {
        tags,
        summary: 'Change an own library entry (built-in entries cannot be changed)',
        params: libraryEntryParamsSchema,
        body: libraryEntryBodySchema,
        response: { 200: libraryEntryItemSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => changeLibraryEntry(app.ctx, getActor(request), request.params.id, request.body),
  );

  app.delete(
    '/indicator-library/:id',
    {
      schema: {
        tags,
        summary: 'Delete an own library entry',
        params: libraryEntryParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await removeLibraryEntry(app.ctx, getActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
