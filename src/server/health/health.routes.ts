/**
 * `GET /api/health/ready`: no session needed (a load balancer has none), answered even before an administrator
 * exists. 503 with `Retry-After` while the server is starting (with how many organisations' value cubes are
 * loaded, of how many, once it loads them), so traffic goes to servers that are ready.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readinessSchema } from '../../core/contracts/health.ts';
import { makeProblem } from '../../core/errors/problem.ts';
import { publicProblemResponses } from '../plugins/route-schemas.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import type { Readiness } from './readiness.ts';

/** How long a client waits before asking again. */
const RETRY_SECONDS = 2;

export function healthRoutes(readiness: Readiness): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health/ready',
      {
        config: { public: true },
        schema: {
          tags: ['health'],
          summary: 'Whether this server has finished starting (200) or is still starting (503, Retry-After)',
          response: { 200: readinessSchema, ...publicProblemResponses() },
        },
      },
      async (_request, reply) => {
        const seconds = readiness.startupSeconds;
        const progress = readiness.progress;
        if (progress !== null && seconds === null) {
          throw new ExtendedProblemError(
            makeProblem('unavailable', 'health.loading', { done: progress.done, total: progress.total }),
            { retryAfter: RETRY_SECONDS },
          );
        }
        if (readiness.step !== null || seconds === null) {
          throw new ExtendedProblemError(
            makeProblem('unavailable', 'health.starting', { step: readiness.step ?? 'starting' }),
            { retryAfter: RETRY_SECONDS },
          );
        }
        reply.header('cache-control', 'no-store');
        return { status: 'ready' as const, startupSeconds: seconds };
      },
    );
  };
}
