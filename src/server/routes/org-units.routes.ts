/**
 * `/api/org-units`: the org-unit tree. Thin: parse with the contract, call the service, send.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { codeParamsSchema, paginationQuerySchema } from '../../core/contracts/common.ts';
import {
  createOrgUnitBodySchema,
  listOrgUnitsQuerySchema,
  orgUnitAncestorsSchema,
  orgUnitPageSchema,
  orgUnitSchema,
  updateOrgUnitBodySchema,
} from '../../core/contracts/org-units.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  createOrgUnit,
  getOrgUnit,
  getOrgUnitAncestors,
  listOrgUnitChildren,
  listOrgUnitSubtree,
  listOrgUnitsPage,
  updateOrgUnitByCode,
} from '../services/org-units.service.ts';

const tags = ['org units'];

export const orgUnitRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/org-units',
    {
      schema: {
        tags,
        summary: 'List org units (filters: parent, type, role, level, root, q)',
        querystring: listOrgUnitsQuerySchema,
        response: { 200: orgUnitPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listOrgUnitsPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/org-units',
    {
      schema: {
        tags,
        summary: 'Create an org unit under a parent named by code',
        body: createOrgUnitBodySchema,
        response: { 201: orgUnitSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrgUnit(app.ctx, getActor(request), request.body)),
  );

  app.get(
    '/org-units/:code',
    {
      schema: {
        tags,
        summary: 'One org unit',
        params: codeParamsSchema,
        response: { 200: orgUnitSchema, ...problemResponses(404) },
      },
    },
    async (request) => getOrgUnit(app.ctx, getActor(request), request.params),
  );

  app.patch(
    '/org-units/:code',
    {
      schema: {
        tags,
        summary: "Change an org unit's names, role or sort order",
        params: codeParamsSchema,
        body: updateOrgUnitBodySchema,
        response: { 200: orgUnitSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      updateOrgUnitByCode(app.ctx, getActor(request), { code: request.params.code, changes: request.body }),
  );

  app.get(
    '/org-units/:code/children',
    {
      schema: {
        tags,
        summary: "An org unit's children",
        params: codeParamsSchema,
        querystring: paginationQuerySchema.strict(),
        response: { 200: orgUnitPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      listOrgUnitChildren(app.ctx, getActor(request), { ...request.query, ...request.params }),
  );

  app.get(
    '/org-units/:code/subtree',
    {
      schema: {
        tags,
        summary: 'An org unit and everything under it, level by level',
        params: codeParamsSchema,
        querystring: paginationQuerySchema.strict(),
        response: { 200: orgUnitPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      listOrgUnitSubtree(app.ctx, getActor(request), { ...request.query, ...request.params }),
  );

  app.get(
    '/org-units/:code/ancestors',
    {
      schema: {
        tags,
        summary: "The units above an org unit, top first (what names it, also above the reader's scope)",
        params: codeParamsSchema,
        response: { 200: orgUnitAncestorsSchema, ...problemResponses(404) },
      },
    },
    async (request) => getOrgUnitAncestors(app.ctx, getActor(request), request.params),
  );
};
