/**
 * "My work", the landing page of every user with entry, approver or owner duties: my open actions, my open
 * alerts, my indicators (format @2 owners), the submitted data I may approve, my entry units' deadlines; and the
 * reviews: at each new period, my open actions whose indicator is still off target.
 */
import { APPROVE_ROLES, hasRoleOver } from '../../core/access/policy.ts';
import { dueAtOf, isLate } from '../../core/alerts/deadlines.ts';
import type { MyWork } from '../../core/contracts/actions.ts';
import type { EntryDue } from '../../core/contracts/alerts.ts';
import { listActionRows } from '../../db/repositories/action.repository.ts';
import { countUnread, listInboxRows } from '../../db/repositories/alert.repository.ts';
import { listDeadlines } from '../../db/repositories/alert-config.repository.ts';
import { listApprovals } from '../../db/repositories/approval.repository.ts';
import { latestCells, recentPeriods } from '../alerts/alert-inputs.ts';
import { toAlertResource } from '../alerts/alert-resources.ts';
import { requireUser } from '../alerts/current-user.ts';
import { loadScorecardFacts, scorecardUnits } from '../alerts/scorecard-facts.ts';
import type { Actor } from '../context.ts';
import { toApprovalResource } from '../services/approvals.service.ts';
import { toActionResources } from './action-resources.ts';
import type { ActionServices } from './actions.service.ts';

const LIST = { limit: 200, offset: 0 };
const ENTRY_ROLES = ['entry', 'steward'] as const;

async function myDeadlines(s: ActionServices, actor: Actor): Promise<EntryDue[]> {
  const db = s.ctx.db.kysely;
  const now = s.ctx.now();
  const out: EntryDue[] = [];
  const deadlines = await listDeadlines(db);
  const submitted = new Set(
    (await listApprovals(db, {}, { limit: 100_000, offset: 0 })).rows
      .filter((a) => a.status === 'submitted' || a.status === 'approved')
      .map((a) => `${a.scorecardCode}\u0000${a.orgUnitCode}\u0000${a.periodId}`),
  );
  for (const deadline of deadlines) {
    const units = (await scorecardUnits(db, deadline.scorecardId)).filter((u) =>
      hasRoleOver(actor.principal, ENTRY_ROLES, u.path),
    );
    for (const unit of units) {
      for (const period of recentPeriods(deadline.periodType, now)) {
        const dueAt = dueAtOf(period, deadline.dueDay);
        const done = submitted.has(`${deadline.scorecardCode}\u0000${unit.code}\u0000${period}`);
        if (done) continue;
        out.push({
          scorecard: deadline.scorecardCode,
          orgUnit: unit.code,
          period,
          dueAt: dueAt.toISOString(),
          submitted: false,
          late: isLate({ dueAt, submitted: false }, now),
        });
      }
    }
  }
  return out.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}

export async function myWork(s: ActionServices, actor: Actor): Promise<MyWork> {
  const db = s.ctx.db.kysely;
  const user = await requireUser(db, actor);
  const actions = await listActionRows(db, { userId: user.id, open: true }, LIST);
  const alerts = await listInboxRows(db, user.id, { state: 'open' }, LIST);
  const email = user.email.toLowerCase();
  const indicators = (await loadScorecardFacts(db)).flatMap((f) =>
    f.indicators
      .filter((i) => i.owner !== null && i.owner.toLowerCase() === email)
      .map((i) => ({
        scorecard: f.record.code,
        indicator: i.id,
        name: { en: i.name.en ?? i.id, ...i.name },
      })),
  );
  const waiting = (await listApprovals(db, { status: 'submitted' }, { limit: 1000, offset: 0 })).rows.filter(
    (a) => hasRoleOver(actor.principal, APPROVE_ROLES, a.orgUnitPath),
  );
  return {
    actions: await toActionResources(db, s.engine, actions.rows, s.ctx.now()),
    alerts: alerts.rows.map((r) => toAlertResource(r)),
    unreadAlerts: await countUnread(db, user.id),
    indicators,
    approvals: waiting.map(toApprovalResource),
    deadlines: await myDeadlines(s, actor),
  };
}

/** The owner's open actions whose indicator is off target in its latest period with data. */
export async function myReviews(s: ActionServices, actor: Actor) {
  const db = s.ctx.db.kysely;
  const user = await requireUser(db, actor);
  const rows = (await listActionRows(db, { userId: user.id, open: true }, LIST)).rows.filter(
    (r) => r.owner_id === user.id,
  );
  const facts = new Map((await loadScorecardFacts(db)).map((f) => [f.record.code, f]));
  const resources = await toActionResources(db, s.engine, rows, s.ctx.now());
  const reviews = [];
  for (const [i, row] of rows.entries()) {
    const f = facts.get(row.scorecard_code);
    const action = resources[i];
    if (f === undefined || action === undefined) continue;
    const cells = await latestCells(
      s.engine,
      row.scorecard_code,
      [{ id: row.org_unit_id, code: row.org_unit_code }],
      recentPeriods(f.periodType, s.ctx.now()),
    );
    const cell = cells.find((c) => c.indicator === row.indicator);
    if (cell === undefined || cell.status !== 'off-track') continue;
    reviews.push({ action, latestPeriod: cell.period, status: cell.status });
  }
  return { reviews };
}
