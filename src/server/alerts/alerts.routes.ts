/**
 * `/api/deadlines`, `/api/alert-rules`, `/api/alerts`, `/api/inbox`, `/api/subscriptions`,
 * `/api/me/preferences`, `/api/users/:id/preferences`, `/api/webhooks` (core/contracts/alerts.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import { userIdParamsSchema } from '../../core/contracts/accounts.ts';
import {
  alertIdParamsSchema,
  alertPageSchema,
  alertRuleBodySchema,
  alertRuleIdParamsSchema,
  alertRuleListSchema,
  alertRuleSchema,
  alertSchema,
  deadlineListSchema,
  deadlineParamsSchema,
  deadlineSchema,
  evaluateAlertsBodySchema,
  evaluateAlertsResultSchema,
  listAlertRulesQuerySchema,
  listAlertsQuerySchema,
  listDeadlinesQuerySchema,
  listInboxQuerySchema,
  markInboxBodySchema,
  markInboxResultSchema,
  preferencesSchema,
  putDeadlineBodySchema,
  putPreferencesBodySchema,
  subscriptionBodySchema,
  subscriptionIdParamsSchema,
  subscriptionListSchema,
  subscriptionSchema,
  unreadCountSchema,
  webhookBodySchema,
  webhookDeliveryPageSchema,
  webhookIdParamsSchema,
  webhookListSchema,
  webhookSchema,
} from '../../core/contracts/alerts.ts';
import { paginationQuerySchema } from '../../core/contracts/common.ts';
import { listDeliveries } from '../../db/repositories/alert.repository.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { getActor } from '../plugins/actor.ts';
import { problemResponses } from '../plugins/route-schemas.ts';
import { requireAdministrator, requireSomeRole } from '../services/access.ts';
import {
  createRule,
  createSubscription,
  createWebhook,
  listDeadlinesAs,
  listOwnSubscriptions,
  listRulesAs,
  listWebhooksAs,
  ownPreferences,
  putDeadline,
  removeDeadline,
  removeRule,
  removeSubscription,
  removeWebhook,
  replaceRule,
  replaceSubscription,
  replaceWebhook,
  setPreferences,
} from './alert-config.service.ts';
import { type AlertDeliveryOptions, evaluateAlerts } from './alert-evaluation.service.ts';
import { toDeliveryResource } from './alert-resources.ts';
import { getAlertAs, listAlertsAs, listInbox, markInbox, unreadCount } from './inbox.service.ts';

const tags = ['alerts'];
const deleted = z.null().describe('Deleted');

export function alertRoutes(
  engine: EvaluationEngine,
  delivery: AlertDeliveryOptions = {},
): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    // Deadlines -------------------------------------------------------------------------------------------
    app.get(
      '/deadlines',
      {
        schema: {
          tags,
          summary: 'Entry deadlines per scorecard and period type',
          querystring: listDeadlinesQuerySchema,
          response: { 200: deadlineListSchema, ...problemResponses(404) },
        },
      },
      async (request) => ({
        deadlines: await listDeadlinesAs(app.ctx, getActor(request), request.query.scorecard),
      }),
    );
    app.put(
      '/scorecards/:code/deadlines/:periodType',
      {
        schema: {
          tags,
          summary:
            'Set when a period type’s data is due: day N of the month after the period (admin, strategist)',
          params: deadlineParamsSchema,
          body: putDeadlineBodySchema,
          response: { 200: deadlineSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) =>
        putDeadline(app.ctx, getActor(request), {
          scorecard: request.params.code,
          periodType: request.params.periodType,
          dueDay: request.body.dueDay,
        }),
    );
    app.delete(
      '/scorecards/:code/deadlines/:periodType',
      {
        schema: {
          tags,
          summary: 'Remove a deadline (admin, strategist)',
          params: deadlineParamsSchema,
          response: { 204: deleted, ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        await removeDeadline(app.ctx, getActor(request), {
          scorecard: request.params.code,
          periodType: request.params.periodType,
        });
        return reply.code(204).send(null);
      },
    );

    // Rules -----------------------------------------------------------------------------------------------
    app.get(
      '/alert-rules',
      {
        schema: {
          tags,
          summary: 'The alert rules',
          querystring: listAlertRulesQuerySchema,
          response: { 200: alertRuleListSchema, ...problemResponses(404) },
        },
      },
      async (request) => ({ rules: await listRulesAs(app.ctx, getActor(request), request.query.scorecard) }),
    );
    app.post(
      '/alert-rules',
      {
        schema: {
          tags,
          summary: 'Add an alert rule (admin, strategist)',
          body: alertRuleBodySchema,
          response: { 201: alertRuleSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createRule(app.ctx, getActor(request), request.body)),
    );
    app.put(
      '/alert-rules/:id',
      {
        schema: {
          tags,
          summary: 'Replace an alert rule (admin, strategist)',
          params: alertRuleIdParamsSchema,
          body: alertRuleBodySchema,
          response: { 200: alertRuleSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => replaceRule(app.ctx, getActor(request), request.params.id, request.body),
    );
    app.delete(
      '/alert-rules/:id',
      {
        schema: {
          tags,
          summary: 'Delete an alert rule with its alerts (admin, strategist)',
          params: alertRuleIdParamsSchema,
          response: { 204: deleted, ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        await removeRule(app.ctx, getActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    // Alerts and the inbox --------------------------------------------------------------------------------
    app.get(
      '/alerts',
      {
        schema: {
          tags,
          summary: 'Alerts on the units the user reads (open by default; state=all for the history)',
          querystring: listAlertsQuerySchema,
          response: { 200: alertPageSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => listAlertsAs(app.ctx, getActor(request), request.query),
    );
    app.get(
      '/alerts/:id',
      {
        schema: {
          tags,
          summary: 'One alert',
          params: alertIdParamsSchema,
          response: { 200: alertSchema, ...problemResponses(404) },
        },
      },
      async (request) => getAlertAs(app.ctx, getActor(request), request.params.id),
    );
    app.post(
      '/alerts/evaluate',
      {
        schema: {
          tags,
          summary:
            'Evaluate the alert rules now (admin, strategist); the schedule and data changes do it too',
          body: evaluateAlertsBodySchema,
          response: { 200: evaluateAlertsResultSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => {
        requireSomeRole(getActor(request), DESIGN_ROLES);
        return evaluateAlerts(app.ctx, engine, request.body.scorecard, delivery);
      },
    );
    app.get(
      '/inbox',
      {
        schema: {
          tags,
          summary: 'The signed-in user’s alerts, newest first',
          querystring: listInboxQuerySchema,
          response: { 200: alertPageSchema, ...problemResponses(400) },
        },
      },
      async (request) => listInbox(app.ctx, getActor(request), request.query),
    );
    app.get(
      '/inbox/unread-count',
      {
        schema: {
          tags,
          summary: 'How many alerts of the inbox are unread (the header’s badge)',
          response: { 200: unreadCountSchema, ...problemResponses() },
        },
      },
      async (request) => unreadCount(app.ctx, getActor(request)),
    );
    app.post(
      '/inbox/read',
      {
        schema: {
          tags,
          summary: 'Mark inbox alerts read or unread',
          body: markInboxBodySchema,
          response: { 200: markInboxResultSchema, ...problemResponses(400) },
        },
      },
      async (request) => markInbox(app.ctx, getActor(request), request.body),
    );

    // Subscriptions and preferences -----------------------------------------------------------------------
    app.get(
      '/subscriptions',
      {
        schema: {
          tags,
          summary: 'The signed-in user’s alert subscriptions',
          response: { 200: subscriptionListSchema, ...problemResponses() },
        },
      },
      async (request) => ({ subscriptions: await listOwnSubscriptions(app.ctx, getActor(request)) }),
    );
    app.post(
      '/subscriptions',
      {
        schema: {
          tags,
          summary: 'Subscribe to alerts of a unit’s subtree and a rule kind',
          body: subscriptionBodySchema,
          response: { 201: subscriptionSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSubscription(app.ctx, getActor(request), request.body)),
    );
    app.put(
      '/subscriptions/:id',
      {
        schema: {
          tags,
          summary: 'Replace one of one’s subscriptions',
          params: subscriptionIdParamsSchema,
          body: subscriptionBodySchema,
          response: { 200: subscriptionSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => replaceSubscription(app.ctx, getActor(request), request.params.id, request.body),
    );
    app.delete(
      '/subscriptions/:id',
      {
        schema: {
          tags,
          summary: 'Delete one of one’s subscriptions',
          params: subscriptionIdParamsSchema,
          response: { 204: deleted, ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        await removeSubscription(app.ctx, getActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/me/preferences',
      {
        schema: {
          tags,
          summary: 'The signed-in user’s preferences (the language of e-mails)',
          response: { 200: preferencesSchema, ...problemResponses() },
        },
      },
      async (request) => ownPreferences(app.ctx, getActor(request)),
    );
    app.put(
      '/me/preferences',
      {
        schema: {
          tags,
          summary: 'Set one’s preferred language',
          body: putPreferencesBodySchema,
          response: { 200: preferencesSchema, ...problemResponses(400) },
        },
      },
      async (request) => setPreferences(app.ctx, getActor(request), 'self', request.body.language),
    );
    app.put(
      '/users/:id/preferences',
      {
        schema: {
          tags,
          summary: 'Set a user’s preferred language (installation admins)',
          params: userIdParamsSchema,
          body: putPreferencesBodySchema,
          response: { 200: preferencesSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) =>
        setPreferences(app.ctx, getActor(request), { userId: request.params.id }, request.body.language),
    );

    // Webhooks --------------------------------------------------------------------------------------------
    app.get(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'The webhooks (installation admins)',
          response: { 200: webhookListSchema, ...problemResponses() },
        },
      },
      async (request) => ({ webhooks: await listWebhooksAs(app.ctx, getActor(request)) }),
    );
    app.post(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'Add a webhook: generic signed POST, WeCom, DingTalk or Feishu (installation admins)',
          body: webhookBodySchema,
          response: { 201: webhookSchema, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createWebhook(app.ctx, getActor(request), request.body)),
    );
    app.put(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Replace a webhook; without `secret` the stored one is kept (installation admins)',
          params: webhookIdParamsSchema,
          body: webhookBodySchema,
          response: { 200: webhookSchema, ...problemResponses(400, 404) },
        },
      },
      async (request) => replaceWebhook(app.ctx, getActor(request), request.params.id, request.body),
    );
    app.delete(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Delete a webhook and its deliveries (installation admins)',
          params: webhookIdParamsSchema,
          response: { 204: deleted, ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        await removeWebhook(app.ctx, getActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: 'A webhook’s deliveries, newest first (installation admins)',
          params: webhookIdParamsSchema,
          querystring: paginationQuerySchema.strict(),
          response: { 200: webhookDeliveryPageSchema, ...problemResponses(400) },
        },
      },
      async (request) => {
        requireAdministrator(getActor(request));
        const { rows, total } = await listDeliveries(app.ctx.db.kysely, request.params.id, request.query);
        return {
          items: rows.map(toDeliveryResource),
          total,
          limit: request.query.limit,
          offset: request.query.offset,
        };
      },
    );
  };
}
