/**
 * `/api/scorecards`: scorecards written as scorecard files (`healthbsc/scorecard@2`, or `@1`, converted) and
 * read as @2 files, their versions, weights and org units.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { codeParamsSchema } from '../../core/contracts/common.ts';
import {
  importScorecardQuerySchema,
  importScorecardResultSchema,
  listScorecardsQuerySchema,
  putScorecardOrgUnitsBodySchema,
  putWeightsBodySchema,
  putWeightsResultSchema,
  scorecardDetailSchema,
  scorecardFileBodySchema,
  scorecardFileSchema,
  scorecardOrgUnitsSchema,
  scorecardPageSchema,
  scorecardVersionQuerySchema,
  scorecardVersionsSchema,
} from '../../core/contracts/scorecards.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { getScorecardOrgUnits, putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { putScorecardWeights } from '../services/scorecard-weights.service.ts';
import {
  exportScorecard,
  getScorecard,
  importScorecard,
  listScorecardsPage,
  listScorecardVersions,
} from '../services/scorecards.service.ts';

const tags = ['scorecards'];

export const scorecardRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/scorecards',
    {
      schema: {
        tags,
        summary: 'List scorecards with their current versions',
        querystring: listScorecardsQuerySchema,
        response: { 200: scorecardPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => listScorecardsPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/scorecards',
    {
      schema: {
        tags,
        summary: 'Create a scorecard from a scorecard file',
        body: scorecardFileBodySchema,
        querystring: importScorecardQuerySchema,
        response: { 201: importScorecardResultSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const result = await importScorecard(app.ctx, getActor(request), {
        file: request.body,
        mode: 'create',
        note: request.query.note,
        effectiveFrom: request.query.effectiveFrom,
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/scorecards/:code',
    {
      schema: {
        tags,
        summary: 'Create or replace a scorecard from a scorecard file (new versions only for what changed)',
        description:
          'A changed structure holds from ?effectiveFrom (default: the next period with no published score); changed weights from their own effectiveFrom, else the same. Earlier periods keep the versions that held for them.',
        params: codeParamsSchema,
        body: scorecardFileBodySchema,
        querystring: importScorecardQuerySchema,
        response: {
          200: importScorecardResultSchema,
          201: importScorecardResultSchema,
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      const result = await importScorecard(app.ctx, getActor(request), {
        file: request.body,
        mode: 'replace',
        code: request.params.code,
        note: request.query.note,
        effectiveFrom: request.query.effectiveFrom,
      });
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/scorecards/:code',
    {
      schema: {
        tags,
        summary: 'A scorecard: a structure version and a weight version (current by default) as a file',
        params: codeParamsSchema,
        querystring: scorecardVersionQuerySchema,
        response: { 200: scorecardDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => getScorecard(app.ctx, getActor(request), { ...request.query, ...request.params }),
  );

  app.get(
    '/scorecards/:code/export',
    {
      schema: {
        tags,
        summary: 'The scorecard file (structure + weights), ready to import again',
        params: codeParamsSchema,
        querystring: scorecardVersionQuerySchema,
        response: { 200: scorecardFileSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => exportScorecard(app.ctx, getActor(request), { ...request.query, ...request.params }),
  );

  app.get(
    '/scorecards/:code/versions',
    {
      schema: {
        tags,
        summary: 'Every structure version and weight version, newest first',
        params: codeParamsSchema,
        response: { 200: scorecardVersionsSchema, ...problemResponses(404) },
      },
    },
    async (request) => listScorecardVersions(app.ctx, getActor(request), request.params),
  );

  app.put(
    '/scorecards/:code/weights',
    {
      schema: {
        tags,
        summary: 'Store new weights (manual, AHP or survey) as the next weight version',
        description:
          'The weights hold from effectiveFrom (null: since the beginning; default: the next period with no published score); earlier periods keep the weights that held for them.',
        params: codeParamsSchema,
        body: putWeightsBodySchema,
        response: { 200: putWeightsResultSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      putScorecardWeights(app.ctx, getActor(request), { code: request.params.code, body: request.body }),
  );

  app.get(
    '/scorecards/:code/org-units',
    {
      schema: {
        tags,
        summary: 'The org units a scorecard applies to',
        params: codeParamsSchema,
        response: { 200: scorecardOrgUnitsSchema, ...problemResponses(404) },
      },
    },
    async (request) => getScorecardOrgUnits(app.ctx, getActor(request), request.params),
  );

  app.put(
    '/scorecards/:code/org-units',
    {
      schema: {
        tags,
        summary: 'Replace the org units a scorecard applies to',
        params: codeParamsSchema,
        body: putScorecardOrgUnitsBodySchema,
        response: { 200: scorecardOrgUnitsSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      putScorecardOrgUnits(app.ctx, getActor(request), { code: request.params.code, body: request.body }),
  );
};
