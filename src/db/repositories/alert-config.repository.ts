/**
 * Deadlines, alert rules, subscriptions and webhooks (202612070200_alerts_and_actions): the small
 * configuration the alert evaluation reads.
 */
import type { Selectable } from 'kysely';
import type { AlertRuleTable, AlertSubscriptionTable, EntryDeadlineTable, WebhookTable } from '../schema.ts';
import type { Executor } from './query-helpers.ts';

export type PeriodTypeValue = EntryDeadlineTable['period_type'];

export interface DeadlineRecord {
  readonly scorecardId: number;
  readonly scorecardCode: string;
  readonly periodType: PeriodTypeValue;
  readonly dueDay: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** Every deadline, or one scorecard's, ordered by scorecard code and period type. */
export async function listDeadlines(db: Executor, scorecardId?: number): Promise<DeadlineRecord[]> {
  return db
    .selectFrom('entry_deadline as d')
    .innerJoin('scorecard as s', 's.id', 'd.scorecard_id')
    .select([
      'd.scorecard_id as scorecardId',
      's.code as scorecardCode',
      'd.period_type as periodType',
      'd.due_day as dueDay',
      'd.updated_by as updatedBy',
      'd.updated_at as updatedAt',
    ])
    .$if(scorecardId !== undefined, (q) => q.where('d.scorecard_id', '=', scorecardId ?? 0))
    .orderBy('s.code')
    .orderBy('d.period_type')
    .execute();
}

/** Sets a deadline (insert or replace); returns the one it replaced. */
export async function upsertDeadline(
  trx: Executor,
  row: { scorecardId: number; periodType: PeriodTypeValue; dueDay: number; updatedBy: string; at: Date },
): Promise<number | null> {
  const old = await trx
    .selectFrom('entry_deadline')
    .select('due_day')
    .where('scorecard_id', '=', row.scorecardId)
    .where('period_type', '=', row.periodType)
    .forUpdate()
    .executeTakeFirst();
  await trx
    .insertInto('entry_deadline')
    .values({
      scorecard_id: row.scorecardId,
      period_type: row.periodType,
      due_day: row.dueDay,
      updated_by: row.updatedBy,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['scorecard_id', 'period_type']).doUpdateSet({
        due_day: row.dueDay,
        updated_by: row.updatedBy,
        updated_at: row.at,
      }),
    )
    .execute();
  return old?.due_day ?? null;
}

export async function deleteDeadline(
  trx: Executor,
  scorecardId: number,
  periodType: PeriodTypeValue,
): Promise<number | null> {
  const row = await trx
    .deleteFrom('entry_deadline')
    .where('scorecard_id', '=', scorecardId)
    .where('period_type', '=', periodType)
    .returning('due_day')
    .executeTakeFirst();
  return row?.due_day ?? null;
}

// ---------------------------------------------------------------------------------------------------------

export type AlertRuleRow = Selectable<AlertRuleTable> & { readonly scorecard_code: string };

/** The rules, of one scorecard or all, in id order. */
export async function listAlertRules(
  db: Executor,
  filter: { readonly scorecardId?: number; readonly enabledOnly?: boolean } = {},
): Promise<AlertRuleRow[]> {
  return db
    .selectFrom('alert_rule as r')
    .innerJoin('scorecard as s', 's.id', 'r.scorecard_id')
    .selectAll('r')
    .select('s.code as scorecard_code')
    .$if(filter.scorecardId !== undefined, (q) => q.where('r.scorecard_id', '=', filter.scorecardId ?? 0))
    .$if(filter.enabledOnly === true, (q) => q.where('r.enabled', '=', true))
    .orderBy('r.id')
    .execute();
}

export async function findAlertRule(db: Executor, id: number): Promise<AlertRuleRow | undefined> {
  return db
    .selectFrom('alert_rule as r')
    .innerJoin('scorecard as s', 's.id', 'r.scorecard_id')
    .selectAll('r')
    .select('s.code as scorecard_code')
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export interface AlertRuleValues {
  readonly scorecardId: number;
  readonly kind: AlertRuleTable['kind'];
  readonly severity: AlertRuleTable['severity'];
  readonly orgUnitIds: readonly number[];
  readonly indicators: readonly string[];
  readonly includeWatch: boolean;
  readonly enabled: boolean;
}

function ruleColumns(v: AlertRuleValues) {
  return {
    scorecard_id: v.scorecardId,
    kind: v.kind,
    severity: v.severity,
    org_unit_ids: JSON.stringify(v.orgUnitIds),
    indicators: JSON.stringify(v.indicators),
    include_watch: v.includeWatch,
    enabled: v.enabled,
  };
}

export async function insertAlertRule(
  trx: Executor,
  v: AlertRuleValues,
  by: string,
  at: Date,
): Promise<number> {
  const row = await trx
    .insertInto('alert_rule')
    .values({ ...ruleColumns(v), created_by: by, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAlertRule(
  trx: Executor,
  id: number,
  v: AlertRuleValues,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('alert_rule')
    .set({ ...ruleColumns(v), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Deletes a rule with its alerts' receipts and alerts (a rule's history goes with it). */
export async function deleteAlertRule(trx: Executor, id: number): Promise<void> {
  await trx
    .deleteFrom('alert_receipt')
    .where('alert_id', 'in', (eb) => eb.selectFrom('alert').select('id').where('rule_id', '=', id))
    .execute();
  await trx
    .deleteFrom('webhook_delivery')
    .where('alert_id', 'in', (eb) => eb.selectFrom('alert').select('id').where('rule_id', '=', id))
    .execute();
  await trx.deleteFrom('alert').where('rule_id', '=', id).execute();
  await trx.deleteFrom('alert_rule').where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------

export type SubscriptionRow = Selectable<AlertSubscriptionTable> & { readonly org_unit_code: string | null };

export async function listSubscriptions(db: Executor, userId?: number): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('alert_subscription as s')
    .leftJoin('org_unit as o', 'o.id', 's.org_unit_id')
    .selectAll('s')
    .select('o.code as org_unit_code')
    .$if(userId !== undefined, (q) => q.where('s.user_id', '=', userId ?? 0))
    .orderBy('s.id')
    .execute();
}

export interface SubscriptionValues {
  readonly orgUnitId: number | null;
  readonly kind: AlertSubscriptionTable['kind'];
  readonly email: boolean;
  readonly digest: 'none' | 'daily';
}

export async function insertSubscription(
  trx: Executor,
  userId: number,
  v: SubscriptionValues,
  at: Date,
): Promise<number> {
  const row = await trx
    .insertInto('alert_subscription')
    .values({
      user_id: userId,
      org_unit_id: v.orgUnitId,
      kind: v.kind,
      email: v.email,
      digest: v.digest,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSubscription(trx: Executor, id: number, v: SubscriptionValues): Promise<void> {
  await trx
    .updateTable('alert_subscription')
    .set({ org_unit_id: v.orgUnitId, kind: v.kind, email: v.email, digest: v.digest })
    .where('id', '=', id)
    .execute();
}

export async function deleteSubscription(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('alert_subscription').where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------

export type WebhookRow = Selectable<WebhookTable> & { readonly scorecard_code: string | null };

export async function listWebhooks(db: Executor, enabledOnly = false): Promise<WebhookRow[]> {
  return db
    .selectFrom('webhook as w')
    .leftJoin('scorecard as s', 's.id', 'w.scorecard_id')
    .selectAll('w')
    .select('s.code as scorecard_code')
    .$if(enabledOnly, (q) => q.where('w.enabled', '=', true))
    .orderBy('w.id')
    .execute();
}

export async function findWebhook(db: Executor, id: number): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('webhook as w')
    .leftJoin('scorecard as s', 's.id', 'w.scorecard_id')
    .selectAll('w')
    .select('s.code as scorecard_code')
    .where('w.id', '=', id)
    .executeTakeFirst();
}

export interface WebhookValues {
  readonly name: string;
  readonly kind: WebhookTable['kind'];
  readonly url: string;
  readonly secret: string | null;
  readonly scorecardId: number | null;
  readonly kinds: readonly string[];
  readonly minSeverity: WebhookTable['min_severity'];
  readonly enabled: boolean;
}

function webhookColumns(v: WebhookValues) {
  return {
    name: v.name,
    kind: v.kind,
    url: v.url,
    secret: v.secret,
    scorecard_id: v.scorecardId,
    kinds: JSON.stringify(v.kinds),
    min_severity: v.minSeverity,
    enabled: v.enabled,
  };
}

export async function insertWebhook(trx: Executor, v: WebhookValues, by: string, at: Date): Promise<number> {
  const row = await trx
    .insertInto('webhook')
    .values({ ...webhookColumns(v), created_by: by, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWebhook(trx: Executor, id: number, v: WebhookValues): Promise<void> {
  await trx.updateTable('webhook').set(webhookColumns(v)).where('id', '=', id).execute();
}

export async function deleteWebhook(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('webhook_delivery').where('webhook_id', '=', id).execute();
  await trx.deleteFrom('webhook').where('id', '=', id).execute();
}
