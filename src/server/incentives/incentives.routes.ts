/**
 * `/api/incentives`: preview (what-if) and save the allocation of a pool by published scores (the performance
 * office), approve it (a second person), list its history, read and export one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationBodySchema,
  allocationExportQuerySchema,
  allocationIdParamsSchema,
  allocationPageSchema,
  allocationPreviewSchema,
  allocationSchema,
  listAllocationsQuerySchema,
} from '../../core/contracts/incentives.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { writeAllocationPdf } from './allocation-pdf.ts';
import { writeAllocationXlsx } from './allocation-xlsx.ts';
import {
  approveAllocation,
  createAllocation,
  getAllocation,
  listAllocationsPage,
  previewAllocation,
} from './incentives.service.ts';

const tags = ['incentives'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const incentiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/incentives/preview',
    {
      schema: {
        tags,
        summary: 'What a pool and a rule would pay each unit, without saving (what-if)',
        description:
          'Shares the pool among the children of the unit by the latest published totals of the scorecard and period (409 when none is published) and the rule: threshold → tier multiplier → score × base → floors and caps → rounding, the remainder by largest remainder, so the amounts add up to the pool. A rule that cannot be met is refused (400) with the reason. The performance office (strategists) over the unit.',
        body: allocationBodySchema,
        response: { 200: allocationPreviewSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => previewAllocation(app.ctx, getActor(request), request.body),
  );

  app.post(
    '/incentives',
    {
      schema: {
        tags,
        summary: 'Save an allocation as a draft, naming the publication it used',
        description:
          'As the preview, saved. When the scorecard, unit and period were allocated before, a reason is required and the new allocation replaces the latest one, which is kept (a restatement).',
        body: allocationBodySchema,
        response: { 201: allocationSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAllocation(app.ctx, getActor(request), request.body)),
  );

  app.get(
    '/incentives',
    {
      schema: {
        tags,
        summary: 'The allocations, newest first (the history)',
        querystring: listAllocationsQuerySchema,
        response: { 200: allocationPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listAllocationsPage(app.ctx, getActor(request), request.query),
  );

  app.get(
    '/incentives/:id',
    {
      schema: {
        tags,
        summary: 'One allocation',
        params: allocationIdParamsSchema,
        response: { 200: allocationSchema, ...problemResponses(404) },
      },
    },
    async (request) => getAllocation(app.ctx, getActor(request), request.params.id),
  );

  app.post(
    '/incentives/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve an allocation (a second person), which freezes it',
        description:
          'Approvers over the unit, never the allocation’s creator (403). 409 when it is approved already or was restated.',
        params: allocationIdParamsSchema,
        response: { 200: allocationSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) => approveAllocation(app.ctx, getActor(request), request.params.id),
  );

  app.get(
    '/incentives/:id/export',
    {
      schema: {
        tags,
        summary: 'An allocation as XLSX (real numbers) or PDF (a draft marked on every page until approved)',
        params: allocationIdParamsSchema,
        querystring: allocationExportQuerySchema,
        response: { 200: z.any().describe('the workbook'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const allocation = await getAllocation(app.ctx, getActor(request), request.params.id);
      const pdf = request.query.format === 'pdf';
      const bytes = pdf
        ? await writeAllocationPdf(allocation, request.query.lang)
        : await writeAllocationXlsx(allocation, request.query.lang);
      const name =
        `allocation-${allocation.orgUnit}-${allocation.period}-${allocation.id}.${request.query.format}`.replace(
          /[^\w.-]/g,
          '_',
        );
      return reply
        .type(pdf ? 'application/pdf' : XLSX)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(bytes);
    },
  );
};
