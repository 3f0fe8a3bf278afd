/**
 * `/api/users` and `/api/tokens`: accounts and integration tokens, for admins over the whole installation; and
 * `/api/users/directory`, the people any signed-in user may name (owners, collaborators), within their scope.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apiTokenIdParamsSchema,
  apiTokenPageSchema,
  apiTokenSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  createUserBodySchema,
  listApiTokensQuerySchema,
  listUsersQuerySchema,
  updateUserBodySchema,
  userDirectoryPageSchema,
  userDirectoryQuerySchema,
  userIdParamsSchema,
  userPageSchema,
  userSchema,
} from '../../core/contracts/accounts.ts';
import { createApiToken, listApiTokensPage, revokeApiTokenBy } from '../accounts/tokens.service.ts';
import { listUserDirectory } from '../accounts/user-directory.service.ts';
import { createUser, listUsersPage, updateUserById } from '../accounts/users.service.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';

const tags = ['accounts'];

export const userRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users with their role assignments',
        querystring: listUsersQuerySchema,
        response: { 200: userPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => listUsersPage(app.ctx, getActor(request), request.query),
  );

  app.get(
    '/users/directory',
    {
      schema: {
        tags,
        summary:
          'Users whose scope overlaps the caller’s (all for an installation admin), by name or e-mail: for owner and collaborator pickers',
        querystring: userDirectoryQuerySchema,
        response: { 200: userDirectoryPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => listUserDirectory(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (the password must meet the policy; it is stored as an argon2id hash)',
        body: createUserBodySchema,
        response: { 201: userSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(app.ctx, getActor(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's name, password, role assignments, or disable the account",
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) =>
      updateUserById(app.ctx, getActor(request), { id: request.params.id, changes: request.body }),
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens (never the tokens themselves)',
        querystring: listApiTokensQuerySchema,
        response: { 200: apiTokenPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => listApiTokensPage(app.ctx, getActor(request), request.query),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token with a role over some org units; the token is in this answer only',
        body: createApiTokenBodySchema,
        response: { 201: createdApiTokenSchema, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await createApiToken(app.ctx, getActor(request), request.body)),
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (it stops working at once)',
        params: apiTokenIdParamsSchema,
        response: { 200: apiTokenSchema, ...problemResponses(404) },
      },
    },
    async (request) => revokeApiTokenBy(app.ctx, getActor(request), { id: request.params.id }),
  );
};
