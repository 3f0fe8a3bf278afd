/**
 * Reading alerts: every alert on the units one reads (`GET /api/alerts`, history with `state=all`), and one's
 * own inbox with its unread count and read marks.
 */

import { READ_ROLES } from '../../core/access/policy.ts';
import type {
  AlertResource,
  ListAlertsQuery,
  ListInboxQuery,
  MarkInboxBody,
} from '../../core/contracts/alerts.ts';
import type { Page } from '../../core/contracts/common.ts';
import { notFound } from '../../core/errors/problem.ts';
import {
  countUnread,
  findAlertRow,
  listAlertRows,
  listInboxRows,
  markReceipts,
} from '../../db/repositories/alert.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireReadableUnit, requireRoleOver } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { requireScorecard } from '../services/lookups.ts';
import { toAlertResource } from './alert-resources.ts';
import { requireUser } from './current-user.ts';

export async function listAlertsAs(
  ctx: ServerContext,
  actor: Actor,
  q: ListAlertsQuery,
): Promise<Page<AlertResource>> {
  const db = ctx.db.kysely;
  const scorecardId = q.scorecard === undefined ? undefined : (await requireScorecard(db, q.scorecard)).id;
  const unit = q.orgUnit === undefined ? undefined : await requireReadableUnit(db, actor, q.orgUnit);
  const { rows, total } = await listAlertRows(
    db,
    {
      ...(scorecardId === undefined ? {} : { scorecardId }),
      ...(unit === undefined ? {} : { orgUnitPath: unit.path }),
      ...(q.indicator === undefined ? {} : { indicator: q.indicator }),
      ...(q.period === undefined ? {} : { periodId: q.period }),
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      state: q.state,
      scope: readScope(actor),
    },
    q,
  );
  return { items: rows.map((r) => toAlertResource(r)), total, limit: q.limit, offset: q.offset };
}

/** One alert (404, or 403 outside the reader's units). */
export async function getAlertAs(ctx: ServerContext, actor: Actor, id: number): Promise<AlertResource> {
  const row = await findAlertRow(ctx.db.kysely, id);
  if (row === undefined) throw notFound('alerts.alert-not-found', { id });
  requireRoleOver(actor, READ_ROLES, { code: row.org_unit_code, path: row.org_unit_path });
  return toAlertResource(row);
}

export async function listInbox(
  ctx: ServerContext,
  actor: Actor,
  q: ListInboxQuery,
): Promise<Page<AlertResource>> {
  const db = ctx.db.kysely;
  const user = await requireUser(db, actor);
  const { rows, total } = await listInboxRows(
    db,
    user.id,
    { ...(q.unread === undefined ? {} : { unread: q.unread }), state: q.state },
    q,
  );
  return { items: rows.map((r) => toAlertResource(r)), total, limit: q.limit, offset: q.offset };
}

export async function unreadCount(ctx: ServerContext, actor: Actor): Promise<{ unread: number }> {
  const user = await requireUser(ctx.db.kysely, actor);
  return { unread: await countUnread(ctx.db.kysely, user.id) };
}

/** Marks inbox alerts read or unread; not audited (a read mark changes no data, only the user's own view). */
export async function markInbox(
  ctx: ServerContext,
  actor: Actor,
  body: MarkInboxBody,
): Promise<{ changed: number }> {
  const user = await requireUser(ctx.db.kysely, actor);
  const ids = body.all === true ? 'all' : (body.ids ?? []);
  return commitWrite(ctx, actor, async (trx) => ({
    result: { changed: await markReceipts(trx, user.id, ids, body.read ? ctx.now() : null) },
    audit: [],
    touched: [],
  }));
}
