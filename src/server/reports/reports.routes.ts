/**
 * `/api/reports/evaluation` and `/api/reports/group`: a unit's evaluation report, or the ranking report of a
 * unit's children, as a PDF or XLSX file (streamed with its content type and a filename). From the published
 * scores; a period not published is reported as a draft, marked on every page. Whoever reads the unit.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reportQuerySchema,
  reportSubscriptionBodySchema,
  reportSubscriptionIdSchema,
  reportSubscriptionListSchema,
  reportSubscriptionQuerySchema,
  reportSubscriptionSchema,
} from '../../core/contracts/reports.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  getSubscriptionAs,
  listSubscriptionsAs,
  subscribeToReport,
  unsubscribeFromReport,
} from './report-subscriptions.ts';
import { evaluationReportFile, groupReportFile, type ReportFile } from './reports.service.ts';

const tags = ['reports'];
const fileResponse = z.any().describe('the report (PDF or XLSX)');

function sendFile(reply: FastifyReply, file: ReportFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.bytes);
}

export function reportRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/evaluation',
      {
        schema: {
          tags,
          summary: "A unit's evaluation report for a period (PDF or XLSX)",
          description:
            'Cover, summary (total, rating, rank among peers, coverage), the weights with their AHP checks (λmax, CI, CR), each perspective’s indicators, perspective scores and the composite, charts, the indicators needing attention, data-quality notes and where the method differs from a published source. From the published scores; an unpublished period is a draft, marked on every page. Whoever reads the unit.',
          querystring: reportQuerySchema,
          response: { 200: fileResponse, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        sendFile(reply, await evaluationReportFile(app.ctx, engine, getActor(request), request.query)),
    );

    app.get(
      '/reports/group',
      {
        schema: {
          tags,
          summary: "The group report of a unit's children for a period (PDF or XLSX)",
          description:
            'The ranking of the units with their totals and ratings, their perspective scores (heatmap) and the head hospital against its branches. From the published scores; a draft when any unit is not published. Whoever reads the unit.',
          querystring: reportQuerySchema,
          response: { 200: fileResponse, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        sendFile(reply, await groupReportFile(app.ctx, engine, getActor(request), request.query)),
    );

    app.get(
      '/report-subscriptions',
      {
        schema: {
          tags,
          summary: "Who receives a unit's evaluation report by e-mail each month",
          querystring: reportSubscriptionQuerySchema,
          response: { 200: reportSubscriptionListSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => ({ items: await listSubscriptionsAs(app.ctx, getActor(request), request.query) }),
    );

    app.post(
      '/report-subscriptions',
      {
        schema: {
          tags,
          summary: "Subscribes an address to a unit's evaluation report, mailed monthly",
          description:
            'On the first of each month the report of the scorecard’s latest published period goes out once, as an attachment, in the language and format chosen. The same address again changes its language and format. Whoever reads the unit; audited.',
          body: reportSubscriptionBodySchema,
          response: { 201: reportSubscriptionSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const actor = getActor(request);
        const id = await subscribeToReport(app.ctx, actor, request.body);
        return reply.code(201).send(await getSubscriptionAs(app.ctx, actor, id));
      },
    );

    app.delete(
      '/report-subscriptions/:id',
      {
        schema: {
          tags,
          summary: 'Ends a report subscription',
          params: reportSubscriptionIdSchema,
          response: { 204: z.null().describe('ended'), ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        await unsubscribeFromReport(app.ctx, getActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
