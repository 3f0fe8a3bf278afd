/** Report subscriptions (`report_subscription`): who receives which unit's report by e-mail, and what was sent. */
import type { Executor } from './query-helpers.ts';

export interface ReportSubscriptionRecord {
  readonly id: number;
  readonly scorecardId: number;
  readonly scorecardCode: string;
  readonly orgUnitId: number;
  readonly orgUnitCode: string;
  readonly rootId: number;
  readonly recipient: string;
  readonly language: 'zh-CN' | 'en';
  readonly format: 'pdf' | 'xlsx';
  readonly lastPeriod: string | null;
}

/** Adds a subscription, or changes the language and format of the same recipient's; returns its id. */
export async function upsertReportSubscription(
  trx: Executor,
  row: {
    readonly scorecardId: number;
    readonly orgUnitId: number;
    readonly recipient: string;
    readonly language: 'zh-CN' | 'en';
    readonly format: 'pdf' | 'xlsx';
    readonly createdBy: string;
    readonly createdAt: Date;
  },
): Promise<number> {
  const inserted = await trx
    .insertInto('report_subscription')
    .values({
      scorecard_id: row.scorecardId,
      org_unit_id: row.orgUnitId,
      recipient: row.recipient,
      language: row.language,
      format: row.format,
      last_period: null,
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['scorecard_id', 'org_unit_id', 'recipient'])
        .doUpdateSet({ language: row.language, format: row.format }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/**
 * Subscriptions with their scorecard's and unit's codes, oldest first: every one, or those of a scorecard × unit,
 * or the one of an id.
 */
export async function listReportSubscriptions(
  db: Executor,
  filter: { readonly scorecardId?: number; readonly orgUnitId?: number; readonly id?: number } = {},
): Promise<ReportSubscriptionRecord[]> {
  const rows = await db
    .selectFrom('report_subscription as s')
    .innerJoin('scorecard as c', 'c.id', 's.scorecard_id')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .select([
      's.id',
      's.scorecard_id',
      'c.code as scorecard_code',
      's.org_unit_id',
      'u.code as org_unit_code',
      'u.root_id',
      's.recipient',
      's.language',
      's.format',
      's.last_period',
    ])
    .$if(filter.scorecardId !== undefined, (q) => q.where('s.scorecard_id', '=', filter.scorecardId ?? 0))
    .$if(filter.orgUnitId !== undefined, (q) => q.where('s.org_unit_id', '=', filter.orgUnitId ?? 0))
    .$if(filter.id !== undefined, (q) => q.where('s.id', '=', filter.id ?? 0))
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    scorecardId: Number(r.scorecard_id),
    scorecardCode: r.scorecard_code,
    orgUnitId: Number(r.org_unit_id),
    orgUnitCode: r.org_unit_code,
    rootId: Number(r.root_id),
    recipient: r.recipient,
    language: r.language,
    format: r.format,
    lastPeriod: r.last_period,
  }));
}

/** Records that the report of `period` was queued for the subscription. */
export async function markReportSent(trx: Executor, id: number, period: string): Promise<void> {
  await trx.updateTable('report_subscription').set({ last_period: period }).where('id', '=', id).execute();
}

/** Ends a subscription. */
export async function deleteReportSubscription(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('report_subscription').where('id', '=', id).execute();
}
