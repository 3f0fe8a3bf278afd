/**
 * Reports by e-mail (issue 15 §1, "scheduled"): a reader of a unit subscribes an address to the unit's evaluation
 * report of a scorecard; the monthly job (./report-mail.job.ts) queues, for each subscription, the report of the
 * scorecard's latest published period, once per period, as an attachment in the mail outbox (../mail/outbox.ts).
 */

import type { ReportSubscription } from '../../core/contracts/reports.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import { latestPublishedPeriod } from '../../db/repositories/publication.repository.ts';
import {
  deleteReportSubscription,
  listReportSubscriptions,
  markReportSent,
  type ReportSubscriptionRecord,
  upsertReportSubscription,
} from '../../db/repositories/report-subscription.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { defineMailTexts, wordMail } from '../mail/mail-words.ts';
import { enqueueMail, isMailAddress } from '../mail/outbox.ts';
import { requireReadableUnit } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { requireScorecard } from '../services/lookups.ts';
import { evaluationReportFile } from './reports.service.ts';

const TEXTS = defineMailTexts({
  subject: {
    en: 'Performance report: {{unit}}, {{period}}',
    'zh-CN': '绩效评价报告：{{unit}}，{{period}}',
  },
  body: {
    en: 'Attached is the evaluation report of {{unit}} on {{scorecard}} for {{period}}.',
    'zh-CN': '附件为{{unit}}在{{scorecard}}下{{period}}的绩效评价报告。',
  },
});

export interface SubscriptionInput {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly recipient: string;
  readonly language: 'zh-CN' | 'en';
  readonly format: 'pdf' | 'xlsx';
}

/** Subscribes `recipient` to the unit's report (403 unless the actor reads the unit); audited. Returns its id. */
export async function subscribeToReport(
  ctx: ServerContext,
  actor: Actor,
  input: SubscriptionInput,
): Promise<number> {
  const db = ctx.db.kysely;
  const unit = await requireReadableUnit(db, actor, input.orgUnit);
  const scorecard = await requireScorecard(db, input.scorecard);
  if (!isMailAddress(input.recipient)) throw badRequest('mail.bad-recipient', { recipient: input.recipient });
  return commitWrite(ctx, actor, async (trx) => {
    const id = await upsertReportSubscription(trx, {
      scorecardId: scorecard.id,
      orgUnitId: unit.id,
      recipient: input.recipient,
      language: input.language,
      format: input.format,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    return {
      result: id,
      audit: [
        {
          action: 'subscribe',
          entity: 'report_subscription',
          entityKey: `${scorecard.code}/${unit.code}/${input.recipient}`,
          oldValue: null,
          newValue: { language: input.language, format: input.format },
          reason: null,
          orgUnitId: unit.id,
        },
      ],
      touched: [],
    };
  });
}

function toSubscription(record: ReportSubscriptionRecord): ReportSubscription {
  return {
    id: record.id,
    scorecard: record.scorecardCode,
    orgUnit: record.orgUnitCode,
    recipient: record.recipient,
    language: record.language,
    format: record.format,
    lastPeriod: record.lastPeriod,
  };
}

/** The subscriptions of a scorecard × unit (403 unless the actor reads the unit). */
export async function listSubscriptionsAs(
  ctx: ServerContext,
  actor: Actor,
  query: { readonly scorecard: string; readonly orgUnit: string },
): Promise<ReportSubscription[]> {
  const db = ctx.db.kysely;
  const unit = await requireReadableUnit(db, actor, query.orgUnit);
  const scorecard = await requireScorecard(db, query.scorecard);
  const records = await listReportSubscriptions(db, { scorecardId: scorecard.id, orgUnitId: unit.id });
  return records.map(toSubscription);
}

/** The stored subscription of an id (404 unknown; 403 unless the actor reads its unit). */
async function readableSubscription(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<ReportSubscriptionRecord> {
  const db = ctx.db.kysely;
  const [record] = await listReportSubscriptions(db, { id });
  if (record === undefined) throw notFound('report.subscription-not-found', { id });
  await requireReadableUnit(db, actor, record.orgUnitCode);
  return record;
}

/** One subscription by id (404 unknown; 403 unless the actor reads its unit). */
export async function getSubscriptionAs(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<ReportSubscription> {
  return toSubscription(await readableSubscription(ctx, actor, id));
}

/** Ends a subscription (whoever reads its unit); audited. */
export async function unsubscribeFromReport(ctx: ServerContext, actor: Actor, id: number): Promise<void> {
  const record = await readableSubscription(ctx, actor, id);
  const subscription = toSubscription(record);
  await commitWrite(ctx, actor, async (trx) => {
    await deleteReportSubscription(trx, id);
    return {
      result: undefined,
      audit: [
        {
          action: 'unsubscribe',
          entity: 'report_subscription',
          entityKey: `${subscription.scorecard}/${subscription.orgUnit}/${subscription.recipient}`,
          oldValue: { language: subscription.language, format: subscription.format },
          newValue: null,
          reason: null,
          orgUnitId: record.orgUnitId,
        },
      ],
      touched: [],
    };
  });
}

/**
 * Queues the report of each subscription's latest published period not sent yet; returns how many were queued.
 * Each mail and its "sent" mark are written in one transaction, so a failure leaves the subscription due.
 */
export async function mailDueReports(ctx: ServerContext, actor: Actor): Promise<number> {
  const db = ctx.db.kysely;
  const engine = new EvaluationEngine(ctx.db, ctx.changes);
  let queued = 0;
  for (const subscription of await listReportSubscriptions(db)) {
    const period = await latestPublishedPeriod(db, subscription.scorecardId);
    if (period === null || period === subscription.lastPeriod) continue;
    const file = await evaluationReportFile(ctx, engine, actor, {
      scorecard: subscription.scorecardCode,
      orgUnit: subscription.orgUnitCode,
      period,
      format: subscription.format,
      lang: subscription.language,
      depth: 'children',
    });
    const params = {
      unit: subscription.orgUnitCode,
      scorecard: subscription.scorecardCode,
      period,
    };
    await db.transaction().execute(async (trx) => {
      await enqueueMail(
        trx,
        {
          to: subscription.recipient,
          language: subscription.language,
          subject: wordMail(TEXTS, 'subject', subscription.language, params),
          text: wordMail(TEXTS, 'body', subscription.language, params),
          kind: 'report',
          rootId: subscription.rootId,
          attachments: [
            { filename: file.filename, contentType: file.contentType, content: new Uint8Array(file.bytes) },
          ],
        },
        ctx.now(),
      );
      await markReportSent(trx, subscription.id, period);
    });
    queued += 1;
  }
  if (queued > 0) ctx.mail?.wake();
  return queued;
}
