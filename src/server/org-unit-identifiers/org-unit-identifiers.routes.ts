/** `/api/org-units/{code}/identifiers`: a unit's external identifiers. Thin: parse, call the service, send. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { codeParamsSchema } from '../../core/contracts/common.ts';
import {
  orgUnitIdentifierBodySchema,
  orgUnitIdentifierListSchema,
  orgUnitIdentifierSchema,
} from '../../core/contracts/org-unit-identifiers.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { addOrgUnitIdentifier, listOrgUnitIdentifiers } from './org-unit-identifiers.service.ts';

const tags = ['org units'];

export const orgUnitIdentifierRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/org-units/:code/identifiers',
    {
      schema: {
        tags,
        summary: "A unit's external identifiers (system, value)",
        params: codeParamsSchema,
        response: { 200: orgUnitIdentifierListSchema, ...problemResponses(404) },
      },
    },
    async (request) => listOrgUnitIdentifiers(app.ctx, getActor(request), request.params.code),
  );

  app.post(
    '/org-units/:code/identifiers',
    {
      schema: {
        tags,
        summary:
          'Give a unit an external identifier (201; 200 when it holds it already; 409 when another does)',
        params: codeParamsSchema,
        body: orgUnitIdentifierBodySchema,
        response: {
          200: orgUnitIdentifierSchema,
          201: orgUnitIdentifierSchema,
          ...problemResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { identifier, created } = await addOrgUnitIdentifier(
        app.ctx,
        getActor(request),
        request.params.code,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(identifier);
    },
  );
};
