/**
 * `GET /api/pivot`: one indicator's period × unit table (pivot.service.ts), with an ETag as the evaluations have.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pivotQuerySchema, pivotSchema } from '../../core/contracts/pivot.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { compiledResponse } from '../plugins/compiled-serializer.ts';
import type { RevisionsOf } from '../plugins/etags.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { pivotAs } from './pivot.service.ts';

export function pivotRoutes(engine: EvaluationEngine): FastifyPluginAsyncZod {
  return async (app) => {
    const etag: RevisionsOf = async (request) => {
      const parent: unknown = Reflect.get(Object(request.query), 'parent');
      return typeof parent === 'string' ? engine.revisions(parent) : { meta: 0, root: 0 };
    };
    app.get(
      '/pivot',
      {
        config: { etag },
        schema: {
          tags: ['evaluations'],
          summary: 'One indicator’s values with periods as columns and units as rows',
          description:
            'The children (or all descendants) of `parent` that the reader reads, one page of them (`limit`, `offset`), each with the indicator’s actual, score and status per period from `from` to `to` (at most 36, one period type), as GET /api/evaluations gives them; and a total row, the parent’s own evaluation (a rate as Σ numerators ÷ Σ denominators over the units reporting both), with how many children it rests on. The total is null when the reader does not read the parent itself.',
          querystring: pivotQuerySchema,
          response: { 200: compiledResponse(pivotSchema), ...problemResponses(400, 404) },
        },
      },
      async (request) => pivotAs(app.ctx, engine, getActor(request), request.query),
    );
  };
}
