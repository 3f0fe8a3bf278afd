/**
 * Principals from storage: a user's or an API token's role assignments, with each unit's path, as the access
 * policy (core/access) reads them.
 */
import type { Principal, PrincipalKind, RoleAssignment } from '../../core/access/principal.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { AssignmentRecord } from '../../db/repositories/user.repository.ts';
import { listAssignments } from '../../db/repositories/user.repository.ts';

export function toRoleAssignments(records: readonly AssignmentRecord[]): RoleAssignment[] {
  return records.map((a) =>
    Object.freeze({ role: a.role, orgUnitPath: a.orgUnitPath, orgUnit: a.orgUnitCode }),
  );
}

export function makePrincipal(
  userId: string,
  kind: PrincipalKind,
  assignments: readonly AssignmentRecord[],
): Principal {
  return Object.freeze({ userId, kind, assignments: Object.freeze(toRoleAssignments(assignments)) });
}

/** The principal of a user, who acts under their email address. */
export async function loadUserPrincipal(
  db: Executor,
  user: { readonly id: number; readonly email: string },
): Promise<Principal> {
  const assignments = (await listAssignments(db, { userIds: [user.id] })).get(user.id) ?? [];
  return makePrincipal(user.email, 'user', assignments);
}

/** The principal of an API token, which acts as `token:<name>`. */
export async function loadTokenPrincipal(
  db: Executor,
  token: { readonly id: number; readonly name: string },
): Promise<Principal> {
  const assignments = (await listAssignments(db, { tokenIds: [token.id] })).get(token.id) ?? [];
  return makePrincipal(`token:${token.name}`, 'token', assignments);
}
