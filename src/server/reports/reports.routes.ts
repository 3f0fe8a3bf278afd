/**
 * `/api/reports/evaluation` and `/api/reports/group`: a unit's evaluation report, or the ranking report of a
 * unit's children, as a PDF or XLSX file (streamed with its content type and a filename). From the published
 * scores; a period not published is reported as a draft, marked on every page. Whoever reads the unit.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportQuerySchema } from '../../core/contracts/reports.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
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
  };
}
