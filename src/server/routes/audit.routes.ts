/**
 * `/api/audit`: the audit trail, newest first. Read-only: no route alters or deletes audit rows.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPageSchema, exportAuditQuerySchema, listAuditQuerySchema } from '../../core/contracts/audit.ts';
import { exportAuditTrail } from '../imports/export.service.ts';
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

  app.get(
    '/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit rows the filters match, oldest first, as CSV or XLSX (installation admins)',
        querystring: exportAuditQuerySchema,
        response: { 200: z.any().describe('the file (CSV or XLSX)'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportAuditTrail(app.ctx, getActor(request), request.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    },
  );
};
