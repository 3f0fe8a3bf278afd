/**
 * Who hears an alert. Always: the person responsible for it — the indicator's owner (off target, adverse
 * trend, forecast miss), the approvers of the unit (data waiting for approval), the unit's data-entry users
 * (data late, data quality), the action's owner (action overdue). Besides: every user whose subscription covers
 * the alert's unit and kind and who reads that unit. E-mail goes to the responsible people unless a subscription
 * of theirs that covers the alert says no e-mail, and to subscribers whose subscription says so (now, or in the
 * daily digest).
 */

import type { Role } from '../../core/access/principal.ts';
import { coversPath } from '../../core/access/scope.ts';
import type { AlertRuleKind } from '../../core/contracts/alerts.ts';
import { listSubscriptions } from '../../db/repositories/alert-config.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';

export interface AlertTarget {
  readonly kind: AlertRuleKind;
  readonly orgUnitPath: string;
  readonly ownerEmail: string | null;
  readonly actionOwnerId: number | null;
}

export interface Recipient {
  readonly userId: number;
  /** E-mail now (`now`), in the daily digest (`digest`), or not at all. */
  readonly email: 'now' | 'digest' | 'none';
}

const RESPONSIBLE_ROLES: Partial<Record<AlertRuleKind, readonly Role[]>> = {
  'approval-waiting': ['approver'],
  'data-late': ['entry', 'steward'],
  'data-quality': ['entry', 'steward'],
  'pull-failed': ['steward'],
};

/** Users holding one of `roles` over the unit at `path` (assignments over an ancestor or everything). */
async function usersWithRoleOver(db: Executor, roles: readonly Role[], path: string): Promise<number[]> {
  const rows = await db
    .selectFrom('role_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .select(['a.user_id as userId', 'o.path as path'])
    .where('a.role', 'in', [...roles])
    .where('u.disabled', '=', false)
    .execute();
  return [
    ...new Set(rows.filter((r) => r.userId !== null && coversPath(r.path, path)).map((r) => r.userId ?? 0)),
  ];
}

async function usersByEmail(db: Executor, email: string): Promise<number[]> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('disabled', '=', false)
    .executeTakeFirst();
  return row === undefined ? [] : [row.id];
}

async function unitPathsOf(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'path']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** The recipients of an alert, each once. */
export async function recipientsOf(db: Executor, target: AlertTarget): Promise<Recipient[]> {
  const responsible = new Set<number>();
  const roles = RESPONSIBLE_ROLES[target.kind];
  if (roles !== undefined)
    for (const id of await usersWithRoleOver(db, roles, target.orgUnitPath)) responsible.add(id);
  if (target.ownerEmail !== null)
    for (const id of await usersByEmail(db, target.ownerEmail)) responsible.add(id);
  if (target.actionOwnerId !== null) responsible.add(target.actionOwnerId);

  const subscriptions = (await listSubscriptions(db)).filter(
    (s) => s.kind === null || s.kind === target.kind,
  );
  const paths = await unitPathsOf(
    db,
    subscriptions.flatMap((s) => (s.org_unit_id === null ? [] : [s.org_unit_id])),
  );
  const readers = new Set(
    await usersWithRoleOver(
      db,
      ['admin', 'strategist', 'steward', 'entry', 'approver', 'viewer'],
      target.orgUnitPath,
    ),
  );
  const byUser = new Map<number, Recipient>();
  for (const s of subscriptions) {
    const top = s.org_unit_id === null ? null : (paths.get(s.org_unit_id) ?? '\u0000');
    if (!coversPath(top, target.orgUnitPath) || !readers.has(s.user_id)) continue;
    const email: Recipient['email'] = !s.email ? 'none' : s.digest === 'daily' ? 'digest' : 'now';
    const seen = byUser.get(s.user_id);
    // Of several subscriptions that cover the alert, the one that sends soonest counts.
    const rank = { now: 2, digest: 1, none: 0 } as const;
    if (seen === undefined || rank[email] > rank[seen.email])
      byUser.set(s.user_id, { userId: s.user_id, email });
  }
  for (const userId of responsible) if (!byUser.has(userId)) byUser.set(userId, { userId, email: 'now' });
  return [...byUser.values()].sort((a, b) => a.userId - b.userId);
}
