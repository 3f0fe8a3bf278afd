/** `/api/mail`: the outbox and a test mail, for installation admins. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  mailOutboxQuerySchema,
  mailOutboxSchema,
  testMailRequestSchema,
  testMailResultSchema,
} from '../../core/contracts/mail.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { listOutbox, sendTestMail } from './mail.service.ts';
import type { MailSettings } from './mail-settings.ts';

export function mailRoutes(settings: MailSettings | null): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/mail/outbox',
      {
        schema: {
          tags: ['mail'],
          summary:
            'The e-mail outbox, newest first: queued, sent, failed and unsent mails (installation admins)',
          querystring: mailOutboxQuerySchema,
          response: { 200: mailOutboxSchema, ...problemResponses() },
        },
      },
      async (request) => listOutbox(app.ctx, getActor(request), settings, request.query),
    );

    app.post(
      '/mail/test',
      {
        schema: {
          tags: ['mail'],
          summary: 'Queue a test mail to an address, audited (installation admins)',
          body: testMailRequestSchema,
          response: { 202: testMailResultSchema, ...problemResponses(400) },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await sendTestMail(app.ctx, getActor(request), request.body)),
    );
  };
}
