/**
 * `/api/assessments`: raters' 0–100 scores of qualitative indicators, read and written in bulk.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assessmentPageSchema,
  listAssessmentsQuerySchema,
  writeAssessmentsBodySchema,
  writeAssessmentsResultSchema,
} from '../../core/contracts/assessments.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses, versionConflictResponse } from '../plugins/route-schemas.ts';
import { listAssessmentsPage, writeAssessments } from '../services/assessments.service.ts';

const tags = ['values'];

export const assessmentRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/assessments',
    {
      schema: {
        tags,
        summary: 'Read assessments (filters: scorecard, indicator, rater, orgUnit, period, from, to)',
        querystring: listAssessmentsQuerySchema,
        response: { 200: assessmentPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listAssessmentsPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/assessments',
    {
      schema: {
        tags,
        summary: 'Write assessments in one transaction (score null deletes)',
        body: writeAssessmentsBodySchema,
        response: { 200: writeAssessmentsResultSchema, ...problemResponses(400), ...versionConflictResponse },
      },
    },
    async (request) => writeAssessments(app.ctx, getActor(request), request.body),
  );
};
