/**
 * `/api/approvals`: data approval per org unit × period × scorecard (submit → approve → reopen with a reason).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  approvalPageSchema,
  approvalSchema,
  approveBodySchema,
  listApprovalsQuerySchema,
  reopenApprovalBodySchema,
  submitApprovalBodySchema,
} from '../../core/contracts/approvals.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  approveData,
  listApprovalsPage,
  reopenApproval,
  submitApproval,
} from '../services/approvals.service.ts';

const tags = ['approvals'];

export const approvalRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/approvals',
    {
      schema: {
        tags,
        summary: 'List approvals (filters: scorecard, orgUnit + includeDescendants, period, status)',
        querystring: listApprovalsQuerySchema,
        response: { 200: approvalPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listApprovalsPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/approvals/submit',
    {
      schema: {
        tags,
        summary: "Submit a unit's data of a period for approval",
        body: submitApprovalBodySchema,
        response: { 200: approvalSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => submitApproval(app.ctx, getActor(request), request.body),
  );

  app.post(
    '/approvals/approve',
    {
      schema: {
        tags,
        summary: "Approve submitted data: the unit's subtree's data of the period locks until reopened",
        body: approveBodySchema,
        response: { 200: approvalSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => approveData(app.ctx, getActor(request), request.body),
  );

  app.post(
    '/approvals/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen submitted or approved data, saying why (audited)',
        body: reopenApprovalBodySchema,
        response: { 200: approvalSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => reopenApproval(app.ctx, getActor(request), request.body),
  );
};
