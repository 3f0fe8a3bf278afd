/**
 * `/api/audit`: the audit trail, newest first. Read-only: no route alters or deletes audit rows.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, listAuditQuerySchema } from '../../core/contracts/audit.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { listAuditPage } from '../services/audit.service.ts';

export const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'List audit rows, newest first (filters: entity, entityKey, actor, orgUnit, from, to)',
        querystring: listAuditQuerySchema,
        response: { 200: auditPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listAuditPage(app.ctx, getActor(request), request.query),
  );
};
