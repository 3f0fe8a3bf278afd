/**
 * Evaluates the alert rules of the scorecards and records what changed, in one transaction per scorecard:
 * conditions without an open alert raise one (into the inboxes of its recipients, with e-mail through the
 * outbox and a delivery per matching webhook); open alerts whose condition ended close. Raising and closing are
 * audited as the `alert-evaluator`. Run after data changes (alert-trigger.ts, debounced per organisation) and
 * on a schedule (alert-evaluation.job.ts).
 */

import { coversPath } from '../../core/access/scope.ts';
import type { AlertCondition, AlertRuleInput } from '../../core/alerts/alert-input.ts';
import { evaluateAlertConditions, reconcileAlerts } from '../../core/alerts/evaluate-alerts.ts';
import type { AlertSeverity } from '../../core/contracts/alerts.ts';
import {
  closeAlerts,
  findAlertRow,
  insertAlert,
  insertDelivery,
  insertReceipts,
  listOpenAlertsOfRules,
  markEmailed,
} from '../../db/repositories/alert.repository.ts';
import { listAlertRules, listWebhooks } from '../../db/repositories/alert-config.repository.ts';
import type { OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { type ServerContext, systemActor } from '../context.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { commitWrite } from '../services/commit-write.ts';
import { languageOf } from './alert-config.service.ts';
import { gatherAlertInput } from './alert-inputs.ts';
import { type AlertMailer, alertMail } from './alert-mail.ts';
import { ruleIndicators, ruleUnitIds, toAlertResource, webhookKinds } from './alert-resources.ts';
import type { ChangeScope } from './alert-trigger.ts';
import { recipientsOf } from './recipients.ts';
import { loadScorecardFacts, type ScorecardFacts, scorecardUnits } from './scorecard-facts.ts';

export const ALERT_ACTOR = systemActor('alert-evaluator');

export interface AlertDeliveryOptions {
  /** The mail outbox; without it receipts wait, unsent, until one is configured. */
  readonly mailer?: AlertMailer;
  /** The web app's address for the e-mails' link. */
  readonly link?: string;
}

export interface AlertEvaluationResult {
  readonly raised: number;
  readonly closed: number;
  readonly open: number;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

function ruleInput(row: Awaited<ReturnType<typeof listAlertRules>>[number]): AlertRuleInput {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    orgUnitIds: ruleUnitIds(row),
    indicators: ruleIndicators(row),
    includeWatch: row.include_watch,
  };
}

async function deliver(
  trx: Executor,
  alertId: number,
  condition: AlertCondition,
  facts: ScorecardFacts,
  options: AlertDeliveryOptions,
  at: Date,
): Promise<void> {
  const row = await findAlertRow(trx, alertId);
  if (row === undefined) return;
  const owner = facts.indicators.find((i) => i.id === condition.indicator)?.owner ?? null;
  let actionOwnerId: number | null = null;
  if (condition.actionId !== null) {
    const action = await trx
      .selectFrom('action_plan')
      .select('owner_id')
      .where('id', '=', condition.actionId)
      .executeTakeFirst();
    actionOwnerId = action?.owner_id ?? null;
  }
  const recipients = await recipientsOf(trx, {
    kind: condition.kind,
    orgUnitPath: row.org_unit_path,
    ownerEmail: owner,
    actionOwnerId,
  });
  await insertReceipts(
    trx,
    { rootId: row.root_id, id: row.id },
    recipients.map((r) => r.userId),
    at,
    new Set(recipients.filter((r) => r.email === 'digest').map((r) => r.userId)),
  );
  const resource = toAlertResource(row);
  if (options.mailer !== undefined) {
    const emailed: { alertId: number; userId: number }[] = [];
    for (const r of recipients.filter((x) => x.email === 'now')) {
      const user = await trx
        .selectFrom('app_user')
        .select('email')
        .where('id', '=', r.userId)
        .executeTakeFirst();
      if (user === undefined) continue;
      const language = await languageOf(trx, r.userId);
      const mail = alertMail(resource, language, options.link ?? '/');
      await options.mailer.enqueue(trx, { to: user.email, language, rootId: row.root_id, ...mail });
      emailed.push({ alertId: row.id, userId: r.userId });
    }
    await markEmailed(trx, emailed, at);
  }
  for (const hook of await listWebhooks(trx, true)) {
    if (hook.scorecard_id !== null && hook.scorecard_id !== row.scorecard_id) continue;
    const kinds = webhookKinds(hook);
    if (kinds.length > 0 && !kinds.includes(row.kind)) continue;
    if (SEVERITY_RANK[row.severity] < SEVERITY_RANK[hook.min_severity]) continue;
    await insertDelivery(trx, { webhookId: hook.id, rootId: row.root_id, alertId: row.id, at });
  }
}

async function evaluateScorecard(
  ctx: ServerContext,
  engine: EvaluationEngine,
  facts: ScorecardFacts,
  options: AlertDeliveryOptions,
  units: readonly OrgUnitRecord[],
): Promise<AlertEvaluationResult> {
  const db = ctx.db.kysely;
  const rules = (await listAlertRules(db, { scorecardId: facts.record.id, enabledOnly: true })).map(
    ruleInput,
  );
  if (rules.length === 0) return { raised: 0, closed: 0, open: 0 };
  const kinds = new Set(rules.map((r) => r.kind));
  const now = ctx.now();
  const input = await gatherAlertInput(db, engine, facts, units, now, {
    cells: kinds.has('off-target'),
    entries: kinds.has('data-late'),
    violations: kinds.has('data-quality'),
    approvals: kinds.has('approval-waiting'),
    actions: kinds.has('action-overdue'),
    monitoring: rules.filter((r) => r.kind === 'adverse-trend' || r.kind === 'forecast-miss'),
    pullFailures: kinds.has('pull-failed'),
  });
  const conditions = evaluateAlertConditions(rules, input);
  const rootOf = new Map(units.map((u) => [u.id, u.rootId]));
  return commitWrite(ctx, ALERT_ACTOR, async (trx) => {
    const open = await listOpenAlertsOfRules(
      trx,
      rules.map((r) => r.id),
    );
    const changes = reconcileAlerts(
      open.map((a) => ({
        id: a.id,
        ruleId: a.rule_id,
        indicator: a.indicator,
        orgUnitId: a.org_unit_id,
        period: a.period_id,
      })),
      conditions,
    );
    await closeAlerts(
      trx,
      changes.close.map((a) => a.id),
      now,
    );
    let raised = 0;
    const audit = changes.close.map((a) => ({
      action: 'close',
      entity: 'alert',
      entityKey: String(a.id),
      orgUnitId: a.orgUnitId,
    }));
    for (const condition of changes.raise) {
      const id = await insertAlert(trx, {
        rootId: rootOf.get(condition.orgUnitId) ?? 0,
        ruleId: condition.ruleId,
        scorecardId: facts.record.id,
        kind: condition.kind,
        severity: condition.severity,
        indicator: condition.indicator,
        orgUnitId: condition.orgUnitId,
        periodId: condition.period,
        actionId: condition.actionId,
        code: condition.code,
        params: condition.params,
        openedAt: now,
      });
      if (id === null) continue;
      raised += 1;
      audit.push({ action: 'raise', entity: 'alert', entityKey: String(id), orgUnitId: condition.orgUnitId });
      await deliver(trx, id, condition, facts, options, now);
    }
    return {
      result: { raised, closed: changes.close.length, open: changes.keep.length + raised },
      audit,
      touched: [],
    };
  });
}

async function evaluateEach(
  ctx: ServerContext,
  engine: EvaluationEngine,
  scorecards: readonly { readonly facts: ScorecardFacts; readonly units: readonly OrgUnitRecord[] }[],
  options: AlertDeliveryOptions,
): Promise<AlertEvaluationResult> {
  const total = { raised: 0, closed: 0, open: 0 };
  for (const { facts, units } of scorecards) {
    const one = await evaluateScorecard(ctx, engine, facts, options, units);
    // The e-mails of the raised alerts are in the outbox now: ask the mail job to send them at once.
    if (one.raised > 0) ctx.mail?.wake();
    total.raised += one.raised;
    total.closed += one.closed;
    total.open += one.open;
  }
  return total;
}

/** Evaluates the rules of every scorecard (or of the one named) now. */
export async function evaluateAlerts(
  ctx: ServerContext,
  engine: EvaluationEngine,
  scorecard: string | undefined,
  options: AlertDeliveryOptions = {},
): Promise<AlertEvaluationResult> {
  const db = ctx.db.kysely;
  const scorecards = [];
  for (const facts of await loadScorecardFacts(db, scorecard === undefined ? undefined : [scorecard])) {
    scorecards.push({ facts, units: await scorecardUnits(db, facts.record.id) });
  }
  return evaluateEach(ctx, engine, scorecards, options);
}

/**
 * Whether a change can move a scorecard's alerts: it has units in the changed organisation and, when the change
 * is of data values, reads one of the changed data elements at a unit that is a changed unit or above one (its
 * roll-up includes the unit's values).
 */
export function isScorecardTouched(
  facts: Pick<ScorecardFacts, 'dataElements'>,
  units: readonly Pick<OrgUnitRecord, 'rootId' | 'path'>[],
  scope: ChangeScope,
  changed: { readonly elementCodes: ReadonlySet<string>; readonly unitPaths: readonly string[] },
): boolean {
  if (scope.rootId === null) return true;
  const ofRoot = units.filter((u) => u.rootId === scope.rootId);
  if (ofRoot.length === 0) return false;
  if (scope.values === null) return true;
  if (!facts.dataElements.some((code) => changed.elementCodes.has(code))) return false;
  return ofRoot.some((u) => changed.unitPaths.some((path) => coversPath(u.path, path)));
}

/**
 * Evaluates the rules of the scorecards a change touched (alert-trigger.ts): the codes of those evaluated, and
 * what changed.
 */
export async function evaluateAlertsForChange(
  ctx: ServerContext,
  engine: EvaluationEngine,
  scope: ChangeScope,
  options: AlertDeliveryOptions = {},
): Promise<AlertEvaluationResult & { readonly scorecards: string[] }> {
  const db = ctx.db.kysely;
  const values = scope.values;
  const elementCodes = new Set<string>();
  const unitPaths: string[] = [];
  if (values !== null && values.dataElementIds.size > 0) {
    const elements = await db
      .selectFrom('data_element')
      .select('code')
      .where('id', 'in', [...values.dataElementIds])
      .execute();
    for (const e of elements) elementCodes.add(e.code);
  }
  if (values !== null && values.orgUnitIds.size > 0) {
    const rows = await db
      .selectFrom('org_unit')
      .select('path')
      .where('id', 'in', [...values.orgUnitIds])
      .execute();
    unitPaths.push(...rows.map((r) => r.path));
  }
  // Cheap checks first: a scorecard without enabled rules, or not reading a changed element, is passed over.
  const withRules = new Set((await listAlertRules(db, { enabledOnly: true })).map((r) => r.scorecard_id));
  const scorecards = [];
  for (const facts of await loadScorecardFacts(db)) {
    if (!withRules.has(facts.record.id)) continue;
    if (values !== null && !facts.dataElements.some((code) => elementCodes.has(code))) continue;
    const units = await scorecardUnits(db, facts.record.id);
    if (isScorecardTouched(facts, units, scope, { elementCodes, unitPaths }))
      scorecards.push({ facts, units });
  }
  const result = await evaluateEach(ctx, engine, scorecards, options);
  return { ...result, scorecards: scorecards.map((s) => s.facts.record.code) };
}
