/**
 * The configuration of alerts: deadlines and rules (the performance office: admin, strategist), each user's
 * subscriptions and preferred language, and webhooks (installation admins). Every change is audited.
 */
import { DESIGN_ROLES, READ_ROLES } from '../../core/access/policy.ts';
import type {
  AlertRuleBody,
  AlertRuleResource,
  DeadlineResource,
  Language,
  SubscriptionBody,
  SubscriptionResource,
  WebhookBody,
  WebhookResource,
} from '../../core/contracts/alerts.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import {
  deleteAlertRule,
  deleteDeadline,
  deleteSubscription,
  deleteWebhook,
  findAlertRule,
  findWebhook,
  insertAlertRule,
  insertSubscription,
  insertWebhook,
  listAlertRules,
  listDeadlines,
  listSubscriptions,
  listWebhooks,
  type PeriodTypeValue,
  updateAlertRule,
  updateSubscription,
  updateWebhook,
  upsertDeadline,
} from '../../db/repositories/alert-config.repository.ts';
import { findOrgUnitCodesByIds } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireAdministrator, requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { requireOrgUnit, requireScorecard } from '../services/lookups.ts';
import { toRuleResource, toSubscriptionResource, toWebhookResource } from './alert-resources.ts';
import { requireUser } from './current-user.ts';

// ---------------------------------------------------------------------------------------------------------
// Deadlines

export async function listDeadlinesAs(
  ctx: ServerContext,
  actor: Actor,
  scorecard?: string,
): Promise<DeadlineResource[]> {
  requireSomeRole(actor, READ_ROLES);
  const db = ctx.db.kysely;
  const id = scorecard === undefined ? undefined : (await requireScorecard(db, scorecard)).id;
  return (await listDeadlines(db, id)).map((d) => ({
    scorecard: d.scorecardCode,
    periodType: d.periodType,
    dueDay: d.dueDay,
    updatedBy: d.updatedBy,
    updatedAt: isoTime(d.updatedAt),
  }));
}

export async function putDeadline(
  ctx: ServerContext,
  actor: Actor,
  input: { scorecard: string; periodType: PeriodTypeValue; dueDay: number },
): Promise<DeadlineResource> {
  requireSomeRole(actor, DESIGN_ROLES);
  const scorecard = await requireScorecard(ctx.db.kysely, input.scorecard);
  const at = ctx.now();
  return commitWrite(ctx, actor, async (trx) => {
    const old = await upsertDeadline(trx, {
      scorecardId: scorecard.id,
      periodType: input.periodType,
      dueDay: input.dueDay,
      updatedBy: actor.id,
      at,
    });
    return {
      result: {
        scorecard: scorecard.code,
        periodType: input.periodType,
        dueDay: input.dueDay,
        updatedBy: actor.id,
        updatedAt: isoTime(at),
      },
      audit: [
        {
          action: old === null ? 'create' : 'update',
          entity: 'entry_deadline',
          entityKey: `${scorecard.code}/${input.periodType}`,
          oldValue: old === null ? null : { dueDay: old },
          newValue: { dueDay: input.dueDay },
        },
      ],
      touched: [],
    };
  });
}

export async function removeDeadline(
  ctx: ServerContext,
  actor: Actor,
  input: { scorecard: string; periodType: PeriodTypeValue },
): Promise<void> {
  requireSomeRole(actor, DESIGN_ROLES);
  const scorecard = await requireScorecard(ctx.db.kysely, input.scorecard);
  await commitWrite(ctx, actor, async (trx) => {
    const old = await deleteDeadline(trx, scorecard.id, input.periodType);
    if (old === null) {
      throw notFound('alerts.deadline-not-found', {
        scorecard: scorecard.code,
        periodType: input.periodType,
      });
    }
    return {
      result: undefined,
      audit: [
        {
          action: 'delete',
          entity: 'entry_deadline',
          entityKey: `${scorecard.code}/${input.periodType}`,
          oldValue: { dueDay: old },
        },
      ],
      touched: [],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Rules

async function unitCodesOf(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  return findOrgUnitCodesByIds(db, [...new Set(ids)]);
}

export async function listRulesAs(
  ctx: ServerContext,
  actor: Actor,
  scorecard?: string,
): Promise<AlertRuleResource[]> {
  requireSomeRole(actor, READ_ROLES);
  const db = ctx.db.kysely;
  const scorecardId = scorecard === undefined ? undefined : (await requireScorecard(db, scorecard)).id;
  const rows = await listAlertRules(db, scorecardId === undefined ? {} : { scorecardId });
  const codes = await unitCodesOf(
    db,
    rows.flatMap((r) =>
      Array.isArray(r.org_unit_ids) ? r.org_unit_ids.filter((v) => typeof v === 'number') : [],
    ),
  );
  return rows.map((r) => toRuleResource(r, codes));
}

async function ruleValues(db: Executor, body: AlertRuleBody) {
  const scorecard = await requireScorecard(db, body.scorecard);
  const orgUnitIds: number[] = [];
  for (const code of body.orgUnits) orgUnitIds.push((await requireOrgUnit(db, code)).id);
  return {
    scorecard,
    values: {
      scorecardId: scorecard.id,
      kind: body.kind,
      severity: body.severity,
      orgUnitIds,
      indicators: body.indicators,
      includeWatch: body.includeWatch,
      enabled: body.enabled,
    },
  };
}

async function ruleResource(db: Executor, id: number): Promise<AlertRuleResource> {
  const row = await findAlertRule(db, id);
  if (row === undefined) throw notFound('alerts.rule-not-found', { id });
  const ids = Array.isArray(row.org_unit_ids) ? row.org_unit_ids.filter((v) => typeof v === 'number') : [];
  return toRuleResource(row, await unitCodesOf(db, ids));
}

export async function createRule(
  ctx: ServerContext,
  actor: Actor,
  body: AlertRuleBody,
): Promise<AlertRuleResource> {
  requireSomeRole(actor, DESIGN_ROLES);
  const { values } = await ruleValues(ctx.db.kysely, body);
  return commitWrite(ctx, actor, async (trx) => {
    const id = await insertAlertRule(trx, values, actor.id, ctx.now());
    return {
      result: await ruleResource(trx, id),
      audit: [{ action: 'create', entity: 'alert_rule', entityKey: String(id), newValue: body }],
      touched: [],
    };
  });
}

export async function replaceRule(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: AlertRuleBody,
): Promise<AlertRuleResource> {
  requireSomeRole(actor, DESIGN_ROLES);
  const before = await ruleResource(ctx.db.kysely, id);
  const { values } = await ruleValues(ctx.db.kysely, body);
  return commitWrite(ctx, actor, async (trx) => {
    await updateAlertRule(trx, id, values, ctx.now());
    return {
      result: await ruleResource(trx, id),
      audit: [
        { action: 'update', entity: 'alert_rule', entityKey: String(id), oldValue: before, newValue: body },
      ],
      touched: [],
    };
  });
}

export async function removeRule(ctx: ServerContext, actor: Actor, id: number): Promise<void> {
  requireSomeRole(actor, DESIGN_ROLES);
  const before = await ruleResource(ctx.db.kysely, id);
  await commitWrite(ctx, actor, async (trx) => {
    await deleteAlertRule(trx, id);
    return {
      result: undefined,
      audit: [{ action: 'delete', entity: 'alert_rule', entityKey: String(id), oldValue: before }],
      touched: [],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Subscriptions and preferences (the signed-in user's own)

export async function listOwnSubscriptions(
  ctx: ServerContext,
  actor: Actor,
): Promise<SubscriptionResource[]> {
  const user = await requireUser(ctx.db.kysely, actor);
  return (await listSubscriptions(ctx.db.kysely, user.id)).map(toSubscriptionResource);
}

async function subscriptionValues(db: Executor, body: SubscriptionBody) {
  const orgUnitId = body.orgUnit === null ? null : (await requireOrgUnit(db, body.orgUnit)).id;
  return { orgUnitId, kind: body.kind, email: body.email, digest: body.digest };
}

async function ownSubscription(db: Executor, userId: number, id: number) {
  const found = (await listSubscriptions(db, userId)).find((s) => s.id === id);
  if (found === undefined) throw notFound('alerts.subscription-not-found', { id });
  return found;
}

export async function createSubscription(
  ctx: ServerContext,
  actor: Actor,
  body: SubscriptionBody,
): Promise<SubscriptionResource> {
  const db = ctx.db.kysely;
  const user = await requireUser(db, actor);
  const values = await subscriptionValues(db, body);
  return commitWrite(ctx, actor, async (trx) => {
    const id = await insertSubscription(trx, user.id, values, ctx.now());
    return {
      result: toSubscriptionResource(await ownSubscription(trx, user.id, id)),
      audit: [{ action: 'create', entity: 'alert_subscription', entityKey: String(id), newValue: body }],
      touched: [],
    };
  });
}

export async function replaceSubscription(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: SubscriptionBody,
): Promise<SubscriptionResource> {
  const db = ctx.db.kysely;
  const user = await requireUser(db, actor);
  const before = toSubscriptionResource(await ownSubscription(db, user.id, id));
  const values = await subscriptionValues(db, body);
  return commitWrite(ctx, actor, async (trx) => {
    await updateSubscription(trx, id, values);
    return {
      result: toSubscriptionResource(await ownSubscription(trx, user.id, id)),
      audit: [
        {
          action: 'update',
          entity: 'alert_subscription',
          entityKey: String(id),
          oldValue: before,
          newValue: body,
        },
      ],
      touched: [],
    };
  });
}

export async function removeSubscription(ctx: ServerContext, actor: Actor, id: number): Promise<void> {
  const db = ctx.db.kysely;
  const user = await requireUser(db, actor);
  const before = toSubscriptionResource(await ownSubscription(db, user.id, id));
  await commitWrite(ctx, actor, async (trx) => {
    await deleteSubscription(trx, id);
    return {
      result: undefined,
      audit: [{ action: 'delete', entity: 'alert_subscription', entityKey: String(id), oldValue: before }],
      touched: [],
    };
  });
}

export async function ownPreferences(ctx: ServerContext, actor: Actor): Promise<{ language: Language }> {
  const user = await requireUser(ctx.db.kysely, actor);
  return { language: await languageOf(ctx.db.kysely, user.id) };
}

export async function languageOf(db: Executor, userId: number): Promise<Language> {
  const row = await db
    .selectFrom('app_user')
    .select('preferred_language')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.preferred_language ?? 'zh-CN';
}

/** Sets a user's preferred language: one's own, or (installation admins) anyone's. */
export async function setPreferences(
  ctx: ServerContext,
  actor: Actor,
  target: { readonly userId: number } | 'self',
  language: Language,
): Promise<{ language: Language }> {
  const db = ctx.db.kysely;
  let userId: number;
  if (target === 'self') userId = (await requireUser(db, actor)).id;
  else {
    requireAdministrator(actor);
    const user = await findUserById(db, target.userId);
    if (user === undefined) throw notFound('action.user-not-found', { id: target.userId });
    userId = user.id;
  }
  const before = await languageOf(db, userId);
  return commitWrite(ctx, actor, async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ preferred_language: language })
      .where('id', '=', userId)
      .execute();
    return {
      result: { language },
      audit: [
        {
          action: 'update',
          entity: 'user_preferences',
          entityKey: String(userId),
          oldValue: { language: before },
          newValue: { language },
        },
      ],
      touched: [],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Webhooks (installation admins)

export async function listWebhooksAs(ctx: ServerContext, actor: Actor): Promise<WebhookResource[]> {
  requireAdministrator(actor);
  return (await listWebhooks(ctx.db.kysely)).map(toWebhookResource);
}

async function webhookValues(db: Executor, body: WebhookBody, keptSecret: string | null) {
  const secret = body.secret ?? keptSecret;
  if (body.kind !== 'wecom' && secret === null) {
    throw badRequest('alerts.webhook-secret-required', { kind: body.kind }, ['secret']);
  }
  const scorecardId = body.scorecard === null ? null : (await requireScorecard(db, body.scorecard)).id;
  return {
    name: body.name,
    kind: body.kind,
    url: body.url,
    secret,
    scorecardId,
    kinds: body.kinds,
    minSeverity: body.minSeverity,
    enabled: body.enabled,
  };
}

/** What the audit keeps of a webhook: never its secret. */
function auditedWebhook(body: WebhookBody) {
  const { secret: _secret, ...rest } = body;
  return rest;
}

export async function createWebhook(
  ctx: ServerContext,
  actor: Actor,
  body: WebhookBody,
): Promise<WebhookResource> {
  requireAdministrator(actor);
  const values = await webhookValues(ctx.db.kysely, body, null);
  return commitWrite(ctx, actor, async (trx) => {
    const id = await insertWebhook(trx, values, actor.id, ctx.now());
    const row = await findWebhook(trx, id);
    if (row === undefined) throw notFound('alerts.webhook-not-found', { id });
    return {
      result: toWebhookResource(row),
      audit: [{ action: 'create', entity: 'webhook', entityKey: String(id), newValue: auditedWebhook(body) }],
      touched: [],
    };
  });
}

export async function replaceWebhook(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: WebhookBody,
): Promise<WebhookResource> {
  requireAdministrator(actor);
  const before = await findWebhook(ctx.db.kysely, id);
  if (before === undefined) throw notFound('alerts.webhook-not-found', { id });
  const values = await webhookValues(ctx.db.kysely, body, before.secret);
  return commitWrite(ctx, actor, async (trx) => {
    await updateWebhook(trx, id, values);
    const row = await findWebhook(trx, id);
    if (row === undefined) throw notFound('alerts.webhook-not-found', { id });
    return {
      result: toWebhookResource(row),
      audit: [
        {
          action: 'update',
          entity: 'webhook',
          entityKey: String(id),
          oldValue: toWebhookResource(before),
          newValue: auditedWebhook(body),
        },
      ],
      touched: [],
    };
  });
}

export async function removeWebhook(ctx: ServerContext, actor: Actor, id: number): Promise<void> {
  requireAdministrator(actor);
  const before = await findWebhook(ctx.db.kysely, id);
  if (before === undefined) throw notFound('alerts.webhook-not-found', { id });
  await commitWrite(ctx, actor, async (trx) => {
    await deleteWebhook(trx, id);
    return {
      result: undefined,
      audit: [
        { action: 'delete', entity: 'webhook', entityKey: String(id), oldValue: toWebhookResource(before) },
      ],
      touched: [],
    };
  });
}
