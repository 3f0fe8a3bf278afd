/**
 * The user directory: whom a user may name as the owner or a collaborator of an action, or the owner of an
 * objective, without the installation admin's view of accounts (no roles, no sign-in times, no disabled users).
 * It reaches the users whose scope overlaps the caller's read scope: a department head sees the users of their
 * department's subtree and those above it (the hospital's performance office, installation-wide admins); an
 * installation admin sees every enabled user.
 */
import type { DirectoryUser, UserDirectoryQuery } from '../../core/contracts/accounts.ts';
import type { Page } from '../../core/contracts/common.ts';
import { listAssignments, listDirectoryUsers } from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireReadableUnit } from '../services/access.ts';

/** A page of the directory; `unit` (404 unknown, 403 unread) narrows it to users overlapping that subtree. */
export async function listUserDirectory(
  ctx: ServerContext,
  actor: Actor,
  query: UserDirectoryQuery,
): Promise<Page<DirectoryUser>> {
  const db = ctx.db.kysely;
  const scope =
    query.unit === undefined ? readScope(actor) : [(await requireReadableUnit(db, actor, query.unit)).path];
  const page = await listDirectoryUsers(db, { scope, q: query.q }, query);
  const assignments = await listAssignments(db, { userIds: page.rows.map((row) => row.id) });
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      units: [
        ...new Set(
          (assignments.get(row.id) ?? []).flatMap((a) => (a.orgUnitCode === null ? [] : [a.orgUnitCode])),
        ),
      ].sort(),
    })),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
  };
}
