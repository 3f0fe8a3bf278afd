/**
 * The daily alert digest's reads and writes (202612080000_alert_digest): who takes a digest, the alerts of their
 * digest receipts raised or closed since their last one, and the one row per user and day that makes a second run
 * of the day send nothing.
 */
import type { AlertRow } from './alert.repository.ts';
import type { Executor } from './query-helpers.ts';

/** Enabled users with at least one e-mail subscription in the daily digest, by id. */
export async function listDigestUsers(db: Executor): Promise<{ id: number; email: string }[]> {
  return db
    .selectFrom('alert_subscription as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id as id', 'u.email as email'])
    .distinct()
    .where('s.digest', '=', 'daily')
    .where('s.email', '=', true)
    .where('u.disabled', '=', false)
    .orderBy('u.id')
    .execute();
}

/** When the user's last digest before `day` went out, or null. */
export async function lastDigestBefore(db: Executor, userId: number, day: string): Promise<Date | null> {
  const row = await db
    .selectFrom('alert_digest')
    .select('sent_at')
    .where('user_id', '=', userId)
    .where('day', '<', day)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sent_at ?? null;
}

/** Records the user's digest of `day`; false when one is recorded already (another run sent it). */
export async function recordDigest(
  trx: Executor,
  digest: { readonly userId: number; readonly day: string; readonly alerts: number; readonly at: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('alert_digest')
    .values({ user_id: digest.userId, day: digest.day, alerts: digest.alerts, sent_at: digest.at })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export type DigestAlertRow = AlertRow & { readonly emailed_at: Date | null };

/**
 * The alerts of the user's digest receipts that are new to the digest (not yet e-mailed) or that closed after
 * `closedSince` (null: since the receipt was written) up to `until`, oldest first.
 */
export async function listDigestAlerts(
  db: Executor,
  userId: number,
  closedSince: Date | null,
  until: Date,
): Promise<DigestAlertRow[]> {
  return db
    .selectFrom('alert as a')
    .innerJoin('scorecard as s', 's.id', 'a.scorecard_id')
    .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .innerJoin('alert_receipt as r', (j) =>
      j.onRef('r.root_id', '=', 'a.root_id').onRef('r.alert_id', '=', 'a.id'),
    )
    .selectAll('a')
    .select([
      's.code as scorecard_code',
      'o.code as org_unit_code',
      'o.path as org_unit_path',
      'r.emailed_at',
    ])
    .where('r.user_id', '=', userId)
    .where('r.digest', '=', true)
    .where('r.created_at', '<=', until)
    .where((eb) =>
      eb.or([
        eb('r.emailed_at', 'is', null),
        eb.and([
          eb('a.closed_at', 'is not', null),
          eb('a.closed_at', '<=', until),
          closedSince === null
            ? eb('a.closed_at', '>', eb.ref('r.created_at'))
            : eb('a.closed_at', '>', closedSince),
        ]),
      ]),
    )
    .orderBy('a.opened_at')
    .orderBy('a.id')
    .execute();
}

/** Marks the user's digest receipts of these alerts e-mailed at `at`. */
export async function markDigested(
  trx: Executor,
  userId: number,
  alertIds: readonly number[],
  at: Date,
): Promise<void> {
  if (alertIds.length === 0) return;
  await trx
    .updateTable('alert_receipt')
    .set({ emailed_at: at })
    .where('user_id', '=', userId)
    .where('alert_id', 'in', alertIds)
    .where('emailed_at', 'is', null)
    .execute();
}
