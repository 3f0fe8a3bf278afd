/**
 * The services' side of the access policy (core/access): each check throws the 403 every route words the same
 * way (`denial`), and the scopes the repositories filter lists by.
 */
import { canAdminister, denial, hasRole, hasRoleOver, READ_ROLES } from '../../core/access/policy.ts';
import type { Role } from '../../core/access/principal.ts';
import { type OrgScope, scopeOf } from '../../core/access/scope.ts';
import { forbidden } from '../../core/errors/problem.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import type { OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor } from '../context.ts';
import { requireOrgUnit, requireScorecard } from './lookups.ts';

/** The 403 of an actor who lacks `roles` (anywhere, or over the unit named). */
export function denied(actor: Actor, roles: readonly Role[], orgUnitCode?: string) {
  return denial(actor.principal, roles, orgUnitCode);
}

/** Throws the 403 unless `allowed`. */
export function requireAccess(
  allowed: boolean,
  actor: Actor,
  roles: readonly Role[],
  orgUnitCode?: string,
): void {
  if (!allowed) throw denied(actor, roles, orgUnitCode);
}

/** Throws unless the actor holds one of `roles` over the unit. */
export function requireRoleOver(
  actor: Actor,
  roles: readonly Role[],
  unit: { readonly code: string; readonly path: string },
): void {
  requireAccess(hasRoleOver(actor.principal, roles, unit.path), actor, roles, unit.code);
}

/** Throws for the first unit (by code) over which the actor holds none of `roles`. */
export function requireRoleOverAll(
  actor: Actor,
  roles: readonly Role[],
  units: Iterable<{ readonly code: string; readonly path: string }>,
): void {
  for (const unit of [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    requireRoleOver(actor, roles, unit);
  }
}

/** Throws the role 403 unless the actor holds one of `roles` over some subtree. */
export function requireSomeRole(actor: Actor, roles: readonly Role[]): void {
  requireAccess(hasRole(actor.principal, roles), actor, roles);
}

/** The unit named by `code` (404), which the actor may read (403). */
export async function requireReadableUnit(db: Executor, actor: Actor, code: string): Promise<OrgUnitRecord> {
  const unit = await requireOrgUnit(db, code);
  requireRoleOver(actor, READ_ROLES, unit);
  return unit;
}

/** The units the actor reads: lists are filtered by it in SQL. */
export function readScope(actor: Actor): OrgScope {
  return scopeOf(actor.principal, READ_ROLES);
}

/** Throws unless the actor is an admin over the whole installation. */
export function requireAdministrator(actor: Actor): void {
  if (!canAdminister(actor.principal)) throw forbidden('access.needs-installation-admin');
}

/**
 * The filter of a list of things per scorecard × unit × period (publications, allocations): each code named in
 * the query resolved to its id (404 when unknown, 403 for a unit out of the actor's scope), and the actor's read
 * scope for the rest.
 */
export async function readableListFilter(
  db: Executor,
  actor: Actor,
  query: {
    readonly scorecard?: string | undefined;
    readonly orgUnit?: string | undefined;
    readonly period?: string | undefined;
  },
) {
  return {
    scorecardId: query.scorecard === undefined ? undefined : (await requireScorecard(db, query.scorecard)).id,
    orgUnitId:
      query.orgUnit === undefined ? undefined : (await requireReadableUnit(db, actor, query.orgUnit)).id,
    periodId: query.period === undefined ? undefined : parsePeriod(query.period, ['period']).id,
    scope: readScope(actor),
  };
}
