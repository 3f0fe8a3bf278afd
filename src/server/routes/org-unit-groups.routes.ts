/**
 * `/api/org-unit-groups`: named sets of org units.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { codeParamsSchema } from '../../core/contracts/common.ts';
import {
  createOrgUnitGroupBodySchema,
  listOrgUnitGroupsQuerySchema,
  orgUnitGroupPageSchema,
  orgUnitGroupSchema,
  updateOrgUnitGroupBodySchema,
} from '../../core/contracts/org-units.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  createOrgUnitGroup,
  getOrgUnitGroup,
  listOrgUnitGroupsPage,
  updateOrgUnitGroupByCode,
} from '../services/org-unit-groups.service.ts';

const tags = ['org-unit groups'];

export const orgUnitGroupRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/org-unit-groups',
    {
      schema: {
        tags,
        summary: 'List org-unit groups with their members',
        querystring: listOrgUnitGroupsQuerySchema,
        response: { 200: orgUnitGroupPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => listOrgUnitGroupsPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/org-unit-groups',
    {
      schema: {
        tags,
        summary: 'Create an org-unit group',
        body: createOrgUnitGroupBodySchema,
        response: { 201: orgUnitGroupSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrgUnitGroup(app.ctx, getActor(request), request.body)),
  );

  app.get(
    '/org-unit-groups/:code',
    {
      schema: {
        tags,
        summary: 'One org-unit group',
        params: codeParamsSchema,
        response: { 200: orgUnitGroupSchema, ...problemResponses(404) },
      },
    },
    async (request) => getOrgUnitGroup(app.ctx, getActor(request), request.params),
  );

  app.patch(
    '/org-unit-groups/:code',
    {
      schema: {
        tags,
        summary: 'Rename a group or replace its members',
        params: codeParamsSchema,
        body: updateOrgUnitGroupBodySchema,
        response: { 200: orgUnitGroupSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      updateOrgUnitGroupByCode(app.ctx, getActor(request), {
        code: request.params.code,
        changes: request.body,
      }),
  );
};
