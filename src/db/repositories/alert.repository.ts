/**
 * Alerts, their inbox receipts and their webhook deliveries (202612070200_alerts_and_actions). An alert row is
 * one episode of a condition: open until `closed_at`; at most one open row per key (a partial unique index).
 */
import { type Selectable, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { AlertTable, WebhookDeliveryTable } from '../schema.ts';
import { type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

export type AlertRow = Selectable<AlertTable> & {
  readonly scorecard_code: string;
  readonly org_unit_code: string;
  readonly org_unit_path: string;
};

function selectAlerts(db: Executor) {
  return db
    .selectFrom('alert as a')
    .innerJoin('scorecard as s', 's.id', 'a.scorecard_id')
    .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .selectAll('a')
    .select(['s.code as scorecard_code', 'o.code as org_unit_code', 'o.path as org_unit_path']);
}

/** The open alerts of some rules. */
export async function listOpenAlertsOfRules(db: Executor, ruleIds: readonly number[]): Promise<AlertRow[]> {
  if (ruleIds.length === 0) return [];
  return selectAlerts(db)
    .where('a.rule_id', 'in', ruleIds)
    .where('a.closed_at', 'is', null)
    .orderBy('a.id')
    .execute();
}

export interface NewAlert {
  readonly rootId: number;
  readonly ruleId: number;
  readonly scorecardId: number;
  readonly kind: AlertTable['kind'];
  readonly severity: AlertTable['severity'];
  readonly indicator: string;
  readonly orgUnitId: number;
  readonly periodId: string;
  readonly actionId: number | null;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | null>>;
  readonly openedAt: Date;
}

/** Raises an alert unless one of its key is open already (another process raced): its id, or null. */
export async function insertAlert(trx: Executor, a: NewAlert): Promise<number | null> {
  const row = await trx
    .insertInto('alert')
    .values({
      root_id: a.rootId,
      rule_id: a.ruleId,
      scorecard_id: a.scorecardId,
      kind: a.kind,
      severity: a.severity,
      indicator: a.indicator,
      org_unit_id: a.orgUnitId,
      period_id: a.periodId,
      action_id: a.actionId,
      code: a.code,
      params: JSON.stringify(a.params),
      opened_at: a.openedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['root_id', 'rule_id', 'indicator', 'org_unit_id', 'period_id'])
        .where('closed_at', 'is', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function closeAlerts(trx: Executor, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('alert')
    .set({ closed_at: at })
    .where('id', 'in', ids)
    .where('closed_at', 'is', null)
    .execute();
}

export async function findAlertRow(db: Executor, id: number): Promise<AlertRow | undefined> {
  return selectAlerts(db).where('a.id', '=', id).executeTakeFirst();
}

export interface AlertFilter {
  readonly scorecardId?: number;
  readonly orgUnitPath?: string;
  readonly indicator?: string;
  readonly periodId?: string;
  readonly kind?: AlertTable['kind'];
  readonly state: 'open' | 'closed' | 'all';
  readonly scope?: OrgScope;
}

export async function listAlertRows(
  db: Executor,
  f: AlertFilter,
  window: PageWindow,
): Promise<PageRows<AlertRow>> {
  const base = selectAlerts(db)
    .$if(f.scorecardId !== undefined, (q) => q.where('a.scorecard_id', '=', f.scorecardId ?? 0))
    .$if(f.orgUnitPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgUnitPath ?? ''}%`))
    .$if(f.indicator !== undefined, (q) => q.where('a.indicator', '=', f.indicator ?? ''))
    .$if(f.periodId !== undefined, (q) => q.where('a.period_id', '=', f.periodId ?? ''))
    .$if(f.kind !== undefined, (q) => q.where('a.kind', '=', f.kind ?? 'off-target'))
    .$if(f.state === 'open', (q) => q.where('a.closed_at', 'is', null))
    .$if(f.state === 'closed', (q) => q.where('a.closed_at', 'is not', null))
    .$call((q) => {
      const inScope = scopeCondition('o.path', f.scope);
      return inScope === null ? q : q.where(inScope);
    });
  const rows = await base
    .orderBy('a.opened_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  const count = await base
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: count.total };
}

// ---------------------------------------------------------------------------------------------------------
// Receipts: the inbox

/** Puts an alert in users' inboxes (once each). */
export async function insertReceipts(
  trx: Executor,
  alert: { readonly rootId: number; readonly id: number },
  userIds: readonly number[],
  at: Date,
  /** Those whose e-mail waits for their daily digest. */
  digestUserIds: ReadonlySet<number> = new Set(),
): Promise<void> {
  if (userIds.length === 0) return;
  await trx
    .insertInto('alert_receipt')
    .values(
      userIds.map((user_id) => ({
        root_id: alert.rootId,
        alert_id: alert.id,
        user_id,
        created_at: at,
        digest: digestUserIds.has(user_id),
      })),
    )
    .onConflict((oc) => oc.columns(['root_id', 'alert_id', 'user_id']).doNothing())
    .execute();
}

export type InboxRow = AlertRow & { readonly read_at: Date | null };

export async function listInboxRows(
  db: Executor,
  userId: number,
  f: { readonly unread?: boolean; readonly state: 'open' | 'closed' | 'all' },
  window: PageWindow,
): Promise<PageRows<InboxRow>> {
  const base = selectAlerts(db)
    .innerJoin('alert_receipt as r', (j) =>
      j.onRef('r.root_id', '=', 'a.root_id').onRef('r.alert_id', '=', 'a.id'),
    )
    .select('r.read_at')
    .where('r.user_id', '=', userId)
    .$if(f.unread === true, (q) => q.where('r.read_at', 'is', null))
    .$if(f.unread === false, (q) => q.where('r.read_at', 'is not', null))
    .$if(f.state === 'open', (q) => q.where('a.closed_at', 'is', null))
    .$if(f.state === 'closed', (q) => q.where('a.closed_at', 'is not', null));
  const rows = await base
    .orderBy('a.opened_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  const count = await base
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: count.total };
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('alert_receipt')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks a user's receipts read (`at`) or unread (null): by alert id, or all. Returns how many changed. */
export async function markReceipts(
  trx: Executor,
  userId: number,
  ids: readonly number[] | 'all',
  at: Date | null,
): Promise<number> {
  if (ids !== 'all' && ids.length === 0) return 0;
  const result = await trx
    .updateTable('alert_receipt')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', at === null ? 'is not' : 'is', null)
    .$if(ids !== 'all', (q) => q.where('alert_id', 'in', ids === 'all' ? [] : ids))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Receipts whose user wants e-mail and has not had it: for the mail step (immediate ones). */
export async function listReceiptsToEmail(
  db: Executor,
  alertIds: readonly number[],
): Promise<{ alertId: number; rootId: number; userId: number }[]> {
  if (alertIds.length === 0) return [];
  return db
    .selectFrom('alert_receipt')
    .select(['alert_id as alertId', 'root_id as rootId', 'user_id as userId'])
    .where('alert_id', 'in', alertIds)
    .where('emailed_at', 'is', null)
    .execute();
}

export async function markEmailed(
  trx: Executor,
  receipts: readonly { readonly alertId: number; readonly userId: number }[],
  at: Date,
): Promise<void> {
  for (const r of receipts) {
    await trx
      .updateTable('alert_receipt')
      .set({ emailed_at: at })
      .where('alert_id', '=', r.alertId)
      .where('user_id', '=', r.userId)
      .execute();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Webhook deliveries

export type DeliveryRow = Selectable<WebhookDeliveryTable>;

export async function insertDelivery(
  trx: Executor,
  d: { webhookId: number; rootId: number; alertId: number; at: Date },
): Promise<number> {
  const row = await trx
    .insertInto('webhook_delivery')
    .values({
      webhook_id: d.webhookId,
      root_id: d.rootId,
      alert_id: d.alertId,
      status: 'pending',
      next_attempt_at: d.at,
      created_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Pending deliveries due at `now`, oldest first. */
export async function listDueDeliveries(db: Executor, now: Date, limit = 100): Promise<DeliveryRow[]> {
  return db
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function recordAttempt(
  trx: Executor,
  id: number,
  outcome: {
    readonly status: DeliveryRow['status'];
    readonly statusCode: number | null;
    readonly error: string | null;
    readonly nextAttemptAt: Date | null;
    readonly deliveredAt: Date | null;
  },
): Promise<void> {
  await trx
    .updateTable('webhook_delivery')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      next_attempt_at: outcome.nextAttemptAt,
      delivered_at: outcome.deliveredAt,
    }))
    .where('id', '=', id)
    .execute();
}

export async function listDeliveries(
  db: Executor,
  webhookId: number,
  window: PageWindow,
): Promise<PageRows<DeliveryRow>> {
  const base = db.selectFrom('webhook_delivery').where('webhook_id', '=', webhookId);
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  const count = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  return { rows, total: count.total };
}
