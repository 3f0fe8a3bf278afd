/**
 * `/api/studies`: evaluate a study (docs/study-format.md), and the saved studies.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  evaluateStudyBodySchema,
  savedStudySchema,
  studyCodeParamsSchema,
  studyFileSchema,
  studyListSchema,
  studyResultSchema,
} from '../../core/contracts/studies.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { evaluateStudy, getSavedStudy, listSavedStudies, removeStudy, saveStudy } from './studies.service.ts';

const tags = ['studies'];

export const studyRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/studies/evaluate',
    {
      schema: {
        tags,
        summary: 'Evaluate a study: per indicator and unit, the change between the windows and its test',
        body: evaluateStudyBodySchema,
        response: { 200: studyResultSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => evaluateStudy(app.ctx, getActor(request), request.body),
  );

  app.get(
    '/studies',
    {
      schema: {
        tags,
        summary: 'The saved studies over units the user reads',
        response: { 200: studyListSchema, ...problemResponses() },
      },
    },
    async (request) => ({
      studies: (await listSavedStudies(app.ctx, getActor(request))).map(({ file: _file, ...rest }) => rest),
    }),
  );

  app.get(
    '/studies/:code',
    {
      schema: {
        tags,
        summary: 'One saved study',
        params: studyCodeParamsSchema,
        response: { 200: savedStudySchema, ...problemResponses(404) },
      },
    },
    async (request) => getSavedStudy(app.ctx, getActor(request), request.params.code),
  );

  app.put(
    '/studies/:code',
    {
      schema: {
        tags,
        summary: 'Save a study under its code (create or replace)',
        params: studyCodeParamsSchema,
        body: studyFileSchema,
        response: { 200: savedStudySchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      saveStudy(app.ctx, getActor(request), { code: request.params.code, body: request.body, create: false }),
  );

  app.delete(
    '/studies/:code',
    {
      schema: {
        tags,
        summary: 'Delete a saved study',
        params: studyCodeParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      await removeStudy(app.ctx, getActor(request), request.params.code);
      return reply.code(204).send(null);
    },
  );
};
