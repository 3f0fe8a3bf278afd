/**
 * Reading the audit trail. There is no service that alters or deletes audit rows: the table refuses both.
 *
 * Who reads what (core/access/policy.ts): an admin over the whole installation reads every row (sign-ins,
 * tokens, metadata); an approver, or an admin of a subtree, reads the rows concerning the units of their
 * subtrees; nobody else reads the trail.
 */
import { AUDIT_ROLES, canAdminister } from '../../core/access/policy.ts';
import { type OrgScope, scopeOf } from '../../core/access/scope.ts';
import type { AuditEntryResource, ListAuditQuery } from '../../core/contracts/audit.ts';
import type { Page } from '../../core/contracts/common.ts';
import {
  type AuditFilter,
  type AuditRecord,
  listAuditEntries,
} from '../../db/repositories/audit-query.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireRoleOver, requireSomeRole } from './access.ts';
import { isoTime, toPage } from './format.ts';
import { requireOrgUnit } from './lookups.ts';

export function toAuditEntry(row: AuditRecord): AuditEntryResource {
  return {
    id: row.id,
    occurredAt: isoTime(row.occurredAt),
    actor: row.actor,
    address: row.address,
    action: row.action,
    entity: row.entity,
    entityKey: row.entityKey,
    oldValue: row.oldValue,
    newValue: row.newValue,
    reason: row.reason,
    orgUnit: row.orgUnitCode,
  };
}

/** The audit rows the actor may read: null for every row. */
export function auditScope(actor: Actor): OrgScope {
  return canAdminister(actor.principal) ? null : scopeOf(actor.principal, AUDIT_ROLES);
}

/** The repository filter of a query, within the actor's audit scope (404 and 403 for a unit named). */
export async function resolveAuditFilter(
  db: Executor,
  actor: Actor,
  input: Omit<ListAuditQuery, 'limit' | 'offset'>,
): Promise<AuditFilter> {
  requireSomeRole(actor, AUDIT_ROLES);
  const unit = input.orgUnit === undefined ? undefined : await requireOrgUnit(db, input.orgUnit);
  if (unit !== undefined) requireRoleOver(actor, AUDIT_ROLES, unit);
  return {
    entity: input.entity,
    entityKey: input.entityKey,
    actor: input.actor,
    text: input.q,
    orgUnitId: unit !== undefined && !input.includeDescendants ? unit.id : undefined,
    subtreeOf: unit !== undefined && input.includeDescendants ? unit.path : undefined,
    from: input.from === undefined ? undefined : new Date(input.from),
    to: input.to === undefined ? undefined : new Date(input.to),
    scope: auditScope(actor),
  };
}

/** A page of audit rows, newest first; 404 for an unknown org unit, 403 outside the actor's audit scope. */
export async function listAuditPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListAuditQuery,
): Promise<Page<AuditEntryResource>> {
  const db = ctx.db.kysely;
  const page = await listAuditEntries(db, await resolveAuditFilter(db, actor, input), input);
  return toPage(page, input, toAuditEntry);
}
