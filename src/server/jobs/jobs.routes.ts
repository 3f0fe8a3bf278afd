/**
 * `/api/jobs`: the background jobs for installation admins, and "run now". The plugin also stops the scheduler
 * when the server closes (after the last request, before the caller closes the database), so a job is never
 * cut off by a closed database.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jobListSchema, jobParamsSchema, runJobResultSchema } from '../../core/contracts/jobs.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import type { JobScheduler } from './job-scheduler.ts';
import { listJobs, runJobNow } from './jobs.service.ts';

export function jobRoutes(scheduler: JobScheduler): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addHook('onClose', () => scheduler.stop());

    app.get(
      '/jobs',
      {
        schema: {
          tags: ['jobs'],
          summary:
            'The background jobs: schedule, last run, next run, failures, queued runs (installation admins)',
          response: { 200: jobListSchema, ...problemResponses() },
        },
      },
      async (request) => listJobs(app.ctx, scheduler, getActor(request)),
    );

    app.post(
      '/jobs/:name/run',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Queue a run of the job now, audited (installation admins)',
          params: jobParamsSchema,
          response: { 202: runJobResultSchema, ...problemResponses(404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await runJobNow(app.ctx, scheduler, getActor(request), request.params.name)),
    );
  };
}
