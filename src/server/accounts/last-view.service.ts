/**
 * Each user's last scorecard and unit (issue 17: "remembered per user … restored at next sign-in on any
 * machine"). The web app saves them when the user picks a scorecard or unit and opens them when the address
 * names no selection, if they are still in the user's scope (it checks; the server answers for every unit
 * anyway). A view preference is not data: it is not audited, as the time of the last sign-in is not, so
 * that moving about the pages does not fill the audit trail.
 */
import type { LastView, PutLastViewBody } from '../../core/contracts/accounts.ts';
import { requireUser } from '../alerts/current-user.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireOrgUnit, requireScorecard } from '../services/lookups.ts';

/** The signed-in user's last view; nulls when none was saved (403 for an API token). */
export async function ownLastView(ctx: ServerContext, actor: Actor): Promise<LastView> {
  const db = ctx.db.kysely;
  const user = await requireUser(db, actor);
  const row = await db
    .selectFrom('app_user')
    .select(['last_scorecard', 'last_org_unit'])
    .where('id', '=', user.id)
    .executeTakeFirst();
  return { scorecard: row?.last_scorecard ?? null, orgUnit: row?.last_org_unit ?? null };
}

/** Saves the signed-in user's last view: 404 when the scorecard or unit does not exist. */
export async function saveLastView(
  ctx: ServerContext,
  actor: Actor,
  body: PutLastViewBody,
): Promise<LastView> {
  const db = ctx.db.kysely;
  const user = await requireUser(db, actor);
  await requireScorecard(db, body.scorecard);
  await requireOrgUnit(db, body.orgUnit);
  await db
    .updateTable('app_user')
    .set({ last_scorecard: body.scorecard, last_org_unit: body.orgUnit })
    .where('id', '=', user.id)
    .execute();
  return { scorecard: body.scorecard, orgUnit: body.orgUnit };
}
