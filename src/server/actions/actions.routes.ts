/**
 * `/api/actions`, their comments and attachments, `/api/action-attachments/:id`, `/api/my-work` and
 * `/api/my-work/reviews` (core/contracts/actions.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionCommentListSchema,
  actionCommentSchema,
  actionIdParamsSchema,
  actionPageSchema,
  actionReviewListSchema,
  actionSchema,
  attachmentIdParamsSchema,
  attachmentUploadQuerySchema,
  commentParamsSchema,
  createActionBodySchema,
  createCommentBodySchema,
  listActionsQuerySchema,
  myWorkSchema,
  updateActionBodySchema,
} from '../../core/contracts/actions.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import {
  type ActionServices,
  addAttachment,
  addComment,
  changeAction,
  createAction,
  DEFAULT_ATTACHMENT_LIMIT,
  getAction,
  listActions,
  listComments,
  readAttachment,
} from './actions.service.ts';
import { myReviews, myWork } from './my-work.service.ts';

const tags = ['actions'];

export function actionRoutes(
  engine: EvaluationEngine,
  options: { readonly attachmentLimit?: number } = {},
): FastifyPluginAsync {
  const limit = options.attachmentLimit ?? DEFAULT_ATTACHMENT_LIMIT;
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const s = (): ActionServices => ({ ctx: app.ctx, engine });
    // An attachment is the request's raw body, of any media type, as bytes: Fastify's own text/plain parser
    // (a string) stands aside in these routes; JSON routes keep theirs.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit + 1 }, (_request, body, done) => {
      done(null, body);
    });

    app.get(
      '/actions',
      {
        schema: {
          tags,
          summary: 'Action plans on the units the user reads, the earliest due first',
          querystring: listActionsQuerySchema,
          response: { 200: actionPageSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => listActions(s(), getActor(request), request.query),
    );
    app.post(
      '/actions',
      {
        schema: {
          tags,
          summary: 'Open an action on an indicator × unit × period (from a cell, an alert or an objective)',
          body: createActionBodySchema,
          response: { 201: actionSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createAction(s(), getActor(request), request.body)),
    );
    app.get(
      '/actions/:id',
      {
        schema: {
          tags,
          summary: 'One action, with the indicator’s value when it opened and now',
          params: actionIdParamsSchema,
          response: { 200: actionSchema, ...problemResponses(404) },
        },
      },
      async (request) => getAction(s(), getActor(request), request.params.id),
    );
    app.patch(
      '/actions/:id',
      {
        schema: {
          tags,
          summary:
            'Change an action: status, progress, owner, collaborators, due date (owner, collaborators, admin, strategist)',
          params: actionIdParamsSchema,
          body: updateActionBodySchema,
          response: { 200: actionSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => changeAction(s(), getActor(request), request.params.id, request.body),
    );
    app.get(
      '/actions/:id/comments',
      {
        schema: {
          tags,
          summary: 'An action’s comments with their attachments, oldest first',
          params: actionIdParamsSchema,
          response: { 200: actionCommentListSchema, ...problemResponses(404) },
        },
      },
      async (request) => ({ comments: await listComments(s(), getActor(request), request.params.id) }),
    );
    app.post(
      '/actions/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comment on an action',
          params: actionIdParamsSchema,
          body: createCommentBodySchema,
          response: { 201: actionCommentSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addComment(s(), getActor(request), request.params.id, request.body.text)),
    );
    app.post(
      '/actions/:id/comments/:commentId/attachments',
      {
        bodyLimit: limit + 1,
        schema: {
          tags,
          summary: 'Attach a file (the raw body, its content-type kept) to a comment; 413 above the limit',
          params: commentParamsSchema,
          querystring: attachmentUploadQuerySchema,
          response: { 201: actionCommentSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        // `ArrayBuffer.isView`, not `instanceof Uint8Array`: a Buffer may come from another realm (test runners).
        const content = ArrayBuffer.isView(body)
          ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
          : new Uint8Array();
        const comment = await addAttachment(s(), getActor(request), {
          actionId: request.params.id,
          commentId: request.params.commentId,
          name: request.query.name,
          mediaType: request.headers['content-type'] ?? 'application/octet-stream',
          content,
          limit,
        });
        return reply.code(201).send(comment);
      },
    );
    app.get(
      '/action-attachments/:id',
      {
        schema: {
          tags,
          summary: 'An attachment’s bytes',
          params: attachmentIdParamsSchema,
          response: { 200: z.any().describe('The file'), ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        const file = await readAttachment(s(), getActor(request), request.params.id);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(Buffer.from(file.content));
      },
    );
    app.get(
      '/my-work',
      {
        schema: {
          tags,
          summary: 'My actions, alerts, indicators, approvals waiting and entry deadlines',
          response: { 200: myWorkSchema, ...problemResponses() },
        },
      },
      async (request) => myWork(s(), getActor(request)),
    );
    app.get(
      '/my-work/reviews',
      {
        schema: {
          tags,
          summary: 'My open actions whose indicator is still off target in its latest period',
          response: { 200: actionReviewListSchema, ...problemResponses() },
        },
      },
      async (request) => myReviews(s(), getActor(request)),
    );
  };
}
