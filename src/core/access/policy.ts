/**
 * The access policy (issue 4; ../shared/STYLE.md habit 4): pure predicates over a Principal and org units given by
 * their path (`/1/5/12/`). Services call them; repositories filter lists by `scopeOf` in SQL. Nothing here reads
 * a database or a request.
 *
 * | action                                                | roles (over the unit's subtree)     |
 * |-------------------------------------------------------|-------------------------------------|
 * | read a unit, its values, evaluations, rankings        | any role                            |
 * | write data values, reported values, assessments       | admin, entry, steward               |
 * | submit a unit's data for approval                     | admin, entry, steward, approver     |
 * | approve or reopen                                     | admin, approver                     |
 * | design scorecards, data elements, weights             | admin, strategist (any subtree)     |
 * | targets of a unit, scorecard units, group members     | admin, strategist over those units  |
 * | create or change org units                            | admin, strategist over the parent   |
 * | read the audit trail of units                         | admin, approver                     |
 * | import a kind of file (rows of the units covered)     | the roles its kind declares (server/imports/kinds) |
 * | save mapping profiles (any signed-in principal reads) | admin, steward                      |
 * | add external identifiers of a unit                    | admin, strategist over the unit     |
 * | users, API tokens, audit export                       | admin over the whole installation   |
 *
 * Metadata (scorecards, data elements, periods, indicators) is readable by every signed-in principal.
 */
import { forbidden, type ProblemError } from '../errors/problem.ts';
import { type Principal, ROLES, type Role } from './principal.ts';
import { coversPath } from './scope.ts';

/** Who may enter data: data values, reported values and assessments. */
export const DATA_ENTRY_ROLES: readonly Role[] = ['admin', 'entry', 'steward'];
/** Who may submit a unit × period × scorecard for approval. */
export const SUBMIT_ROLES: readonly Role[] = ['admin', 'entry', 'steward', 'approver'];
/** Who may approve, and reopen, data. */
export const APPROVE_ROLES: readonly Role[] = ['admin', 'approver'];
/** Who designs indicator systems, scorecards, targets and weights. */
export const DESIGN_ROLES: readonly Role[] = ['admin', 'strategist'];
/** Who reads the audit trail (of the units in their scope; an installation admin reads all of it). */
export const AUDIT_ROLES: readonly Role[] = ['admin', 'approver'];
/** Who saves mapping profiles (server/import-profiles); every signed-in principal reads them. */
export const PROFILE_ROLES: readonly Role[] = ['admin', 'steward'];
/** Any role reads. */
export const READ_ROLES: readonly Role[] = ROLES;

function grants(role: Role, roles: readonly Role[]): boolean {
  return role === 'admin' || roles.includes(role);
}

/**
 * True when the principal holds one of `roles` (admin counts as every role) over any subtree.
 *
 * @example hasRole({ userId: 'x', kind: 'user', assignments: [{ role: 'viewer', orgUnitPath: '/1/' }] }, ['entry']) // false
 */
export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.assignments.some((a) => grants(a.role, roles));
}

/**
 * True when the principal holds one of `roles` over a subtree that contains the unit at `path`.
 *
 * @example hasRoleOver({ userId: 'x', kind: 'user', assignments: [{ role: 'entry', orgUnitPath: '/1/5/' }] }, ['entry'], '/1/5/12/') // true
 */
export function hasRoleOver(principal: Principal, roles: readonly Role[], path: string): boolean {
  return principal.assignments.some((a) => grants(a.role, roles) && coversPath(a.orgUnitPath, path));
}

/** True when the principal holds one of `roles` over the whole installation. */
export function hasRoleEverywhere(principal: Principal, roles: readonly Role[]): boolean {
  return principal.assignments.some((a) => grants(a.role, roles) && a.orgUnitPath === null);
}

/**
 * May read the unit at `path` (its data, evaluations, audit rows): any role over its subtree.
 *
 * @example canReadOrgUnit(viewerOf('/1/5/'), '/1/5/12/') // true
 * @example canReadOrgUnit(viewerOf('/1/5/'), '/1/6/') // false
 */
export function canReadOrgUnit(principal: Principal, path: string): boolean {
  return hasRoleOver(principal, READ_ROLES, path);
}

/**
 * May create, change or delete data values, reported values and assessments of the unit at `path`.
 *
 * @example canWriteDataValues(entryOf('/1/5/'), '/1/5/') // true
 * @example canWriteDataValues(viewerOf('/1/5/'), '/1/5/') // false
 */
export function canWriteDataValues(principal: Principal, path: string): boolean {
  return hasRoleOver(principal, DATA_ENTRY_ROLES, path);
}

/** May submit the data of the unit at `path` for approval. */
export function canSubmitData(principal: Principal, path: string): boolean {
  return hasRoleOver(principal, SUBMIT_ROLES, path);
}

/**
 * May approve (or reopen) the data of the unit at `path`.
 *
 * @example canApprove(approverOf('/1/5/'), '/1/5/12/') // true
 */
export function canApprove(principal: Principal, path: string): boolean {
  return hasRoleOver(principal, APPROVE_ROLES, path);
}

/**
 * May create and change scorecards, data elements and weights: installation-wide metadata, so a strategist of
 * any subtree may; writes that name org units also need `canDesignFor` each unit.
 */
export function canDesignScorecards(principal: Principal): boolean {
  return hasRole(principal, DESIGN_ROLES);
}

/** May set targets of the unit at `path`, or apply a scorecard or a group to it. */
export function canDesignFor(principal: Principal, path: string): boolean {
  return hasRoleOver(principal, DESIGN_ROLES, path);
}

/**
 * May create a unit under the parent at `parentPath` (null: a new top-level organisation, which needs the
 * role over the whole installation), or change the unit at that path.
 */
export function canManageOrgUnit(principal: Principal, parentPath: string | null): boolean {
  return parentPath === null
    ? hasRoleEverywhere(principal, DESIGN_ROLES)
    : hasRoleOver(principal, DESIGN_ROLES, parentPath);
}

/** May read the audit trail (of the units in `scopeOf(principal, AUDIT_ROLES)`). */
export function canViewAudit(principal: Principal): boolean {
  return hasRole(principal, AUDIT_ROLES);
}

/**
 * May manage users and API tokens, read every audit row (sign-ins, metadata) and export the trail: an admin
 * over the whole installation.
 */
export function canAdminister(principal: Principal): boolean {
  return hasRoleEverywhere(principal, ['admin']);
}

/**
 * Role names as a sentence: `admin or strategist`, `admin, entry or steward`.
 *
 * @example rolesText(['admin', 'entry', 'steward']) // 'admin, entry or steward'
 */
export function rolesText(roles: readonly Role[]): string {
  if (roles.length <= 1) return roles[0] ?? 'none';
  return `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}

/**
 * The 403 of a refused action, the same for every route: the unit when the principal has a fitting role
 * elsewhere (`access.no-access-to-unit`: "You have no access to org unit 'H2'."), else the roles it needs
 * (`access.needs-one-of-roles`: "This needs the role admin or strategist.").
 *
 * @example denial(viewer, ['admin', 'strategist']).problem.params // { roles: 'admin', last: 'strategist' }
 */
export function denial(principal: Principal, roles: readonly Role[], orgUnitCode?: string): ProblemError {
  if (orgUnitCode !== undefined && hasRole(principal, roles)) {
    return forbidden('access.no-access-to-unit', { code: orgUnitCode });
  }
  const last = roles.at(-1);
  if (roles.length <= 1 || last === undefined)
    return forbidden('access.needs-role', { role: last ?? 'none' });
  return forbidden('access.needs-one-of-roles', { roles: roles.slice(0, -1).join(', '), last });
}
