/**
 * `/api/pull-connections` and `/api/pulls`: database connections (password write-only), pulls (query, mapping
 * profile, schedule), running one now or as a dry run, and its run history. The data stewards and admins over
 * the unit a connection or pull belongs to; every change and every run audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pullBodySchema,
  pullConnectionBodySchema,
  pullConnectionListSchema,
  pullConnectionSchema,
  pullConnectionTestSchema,
  pullIdParamsSchema,
  pullListQuerySchema,
  pullListSchema,
  pullRunBodySchema,
  pullRunListSchema,
  pullRunSchema,
  pullSchema,
} from '../../core/contracts/pulls.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { listRunsAs, queuePullRunAs } from './pull-run.service.ts';
import { PullRunQueue } from './pull-run-queue.ts';
import {
  createConnection,
  createPull,
  getPullAs,
  listConnectionsAs,
  listPullsAs,
  removeConnection,
  removePull,
  testConnection,
  updateConnection,
  updatePull,
} from './pulls.service.ts';

const tags = ['pulls'];
const WHO = 'Data stewards and admins over the unit.';

export const pullRoutes: FastifyPluginAsyncZod = async (app) => {
  // The server's (attached to the `pull-run` job); an app built without one runs them here, and waits for them
  // before it closes.
  const queue = app.ctx.pullRuns ?? new PullRunQueue();
  app.addHook('onClose', () => queue.drain());
  app.get(
    '/pull-connections',
    {
      schema: {
        tags,
        summary: 'The database connections the user manages (never their passwords)',
        description: `Optionally of one unit. ${WHO}`,
        querystring: pullListQuerySchema,
        response: { 200: pullConnectionListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => ({
      items: await listConnectionsAs(app.ctx, getActor(request), request.query.orgUnit),
    }),
  );

  app.post(
    '/pull-connections',
    {
      schema: {
        tags,
        summary: 'Adds a database connection; its password is stored encrypted (HEALTHBSC_PULL_KEY)',
        description: WHO,
        body: pullConnectionBodySchema,
        response: { 201: pullConnectionSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createConnection(app.ctx, getActor(request), request.body)),
  );

  app.put(
    '/pull-connections/:id',
    {
      schema: {
        tags,
        summary: 'Changes a database connection; without a password the stored one is kept',
        description: WHO,
        params: pullIdParamsSchema,
        body: pullConnectionBodySchema,
        response: { 200: pullConnectionSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => updateConnection(app.ctx, getActor(request), request.params.id, request.body),
  );

  app.delete(
    '/pull-connections/:id',
    {
      schema: {
        tags,
        summary: 'Deletes a database connection no pull uses',
        description: WHO,
        params: pullIdParamsSchema,
        response: { 204: z.null().describe('deleted'), ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await removeConnection(app.ctx, getActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/pull-connections/:id/test',
    {
      schema: {
        tags,
        summary: 'Whether the database answers a read-only select 1 as the connection’s user',
        description: `A failure is answered 200 with its problem code (pull.connect-failed, pull.auth-failed…). ${WHO}`,
        params: pullIdParamsSchema,
        response: { 200: pullConnectionTestSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => testConnection(app.ctx, getActor(request), request.params.id),
  );

  app.get(
    '/pulls',
    {
      schema: {
        tags,
        summary: 'The database pulls the user manages, with their next scheduled run',
        description: `Optionally of one unit. ${WHO}`,
        querystring: pullListQuerySchema,
        response: { 200: pullListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => ({ items: await listPullsAs(app.ctx, getActor(request), request.query.orgUnit) }),
  );

  app.post(
    '/pulls',
    {
      schema: {
        tags,
        summary:
          'Adds a database pull: a query with :period_start/:period_end, a mapping profile, a schedule',
        description: WHO,
        body: pullBodySchema,
        response: { 201: pullSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPull(app.ctx, getActor(request), request.body)),
  );

  app.get(
    '/pulls/:id',
    {
      schema: {
        tags,
        summary: 'A database pull',
        description: WHO,
        params: pullIdParamsSchema,
        response: { 200: pullSchema, ...problemResponses(404) },
      },
    },
    async (request) => getPullAs(app.ctx, getActor(request), request.params.id),
  );

  app.put(
    '/pulls/:id',
    {
      schema: {
        tags,
        summary: 'Changes a database pull (a new schedule counts from now)',
        description: WHO,
        params: pullIdParamsSchema,
        body: pullBodySchema,
        response: { 200: pullSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => updatePull(app.ctx, getActor(request), request.params.id, request.body),
  );

  app.delete(
    '/pulls/:id',
    {
      schema: {
        tags,
        summary: 'Deletes a database pull and its run history (imported values stay; undo their batches)',
        description: `409 pull.delete-running while a run of it is going. ${WHO}`,
        params: pullIdParamsSchema,
        response: { 204: z.null().describe('deleted'), ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await removePull(app.ctx, getActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/pulls/:id/run',
    {
      schema: {
        tags,
        summary: 'Queues a run of a pull now, or a dry run that writes nothing; answers the queued run (202)',
        description: `The run goes on as a background job; its phase, rows read and outcome are in the run history. 409 pull.already-running while another run of it is going. ${WHO}`,
        params: pullIdParamsSchema,
        body: pullRunBodySchema,
        response: { 202: pullRunSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await queuePullRunAs(app.ctx, queue, getActor(request), request.params.id, request.body)),
  );

  app.get(
    '/pulls/:id/runs',
    {
      schema: {
        tags,
        summary: 'A pull’s runs, newest first: rows read, values imported, problems; a running one’s phase',
        description: WHO,
        params: pullIdParamsSchema,
        response: { 200: pullRunListSchema, ...problemResponses(404) },
      },
    },
    async (request) => ({ items: await listRunsAs(app.ctx, getActor(request), request.params.id) }),
  );
};
