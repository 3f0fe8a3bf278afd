/**
 * `/api/publications`: publish a scorecard × period × org-unit subtree (strategists), check what publishing would
 * do, list and read publications (whoever reads the unit); and `/api/evaluations/restatement`: how today's
 * computation differs from the published score.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listPublicationsQuerySchema,
  publicationCheckQuerySchema,
  publicationCheckSchema,
  publicationIdParamsSchema,
  publicationPageSchema,
  publicationSchema,
  publishBodySchema,
  restatementQuerySchema,
  restatementSchema,
} from '../../core/contracts/publications.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { checkPublication, getPublication, listPublicationsPage, publish } from './publications.service.ts';
import { restatementAs } from './restatement.service.ts';

const tags = ['publications'];

export function publicationRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/publications',
      {
        schema: {
          tags,
          summary: 'Publish a scorecard for an org unit, its subtree and a period',
          description:
            "Freezes each unit's evaluation, the aggregated inputs of every indicator (numerator, denominator, actual, target) and the ids of every version used; served as published from then on (GET /api/evaluations?view=published). Strategists over the unit. Republishing needs a reason and keeps the earlier publication; periods with unapproved data must be named in unapprovedPeriods (409 lists them).",
          body: publishBodySchema,
          response: { 201: publicationSchema, ...problemResponses(400, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await publish(app.ctx, engine, getActor(request), request.body)),
    );

    app.get(
      '/publications/check',
      {
        schema: {
          tags,
          summary: 'What publishing a subtree now would do',
          description:
            'How many units it would freeze, the earlier publication it would replace (a reason is then required) and the periods with unapproved data it would have to name. Strategists over the unit.',
          querystring: publicationCheckQuerySchema,
          response: { 200: publicationCheckSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => checkPublication(app.ctx, getActor(request), request.query),
    );

    app.get(
      '/publications',
      {
        schema: {
          tags,
          summary: 'List publications, newest first',
          querystring: listPublicationsQuerySchema,
          response: { 200: publicationPageSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => listPublicationsPage(app.ctx, getActor(request), request.query),
    );

    app.get(
      '/publications/:id',
      {
        schema: {
          tags,
          summary: 'One publication',
          params: publicationIdParamsSchema,
          response: { 200: publicationSchema, ...problemResponses(404) },
        },
      },
      async (request) => getPublication(app.ctx, getActor(request), request.params.id),
    );

    app.get(
      '/evaluations/restatement',
      {
        schema: {
          tags: ['evaluations', ...tags],
          summary: "How today's computation of a unit's score differs from the published one",
          description:
            "Every differing figure of every indicator (actual, target, quantified value, score, weight, status), published and now, with why: its data, a reported value, its ratings, its target, its method, the weights or the scheme's scoring. Against the latest publication covering the unit, or the one named. Same access as GET /api/evaluations.",
          querystring: restatementQuerySchema,
          response: { 200: restatementSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => restatementAs(app.ctx, engine, getActor(request), request.query),
    );
  };
}
