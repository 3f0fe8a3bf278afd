/**
 * Reading the audit trail. There is no service that alters or deletes audit rows: the table refuses both.
 */
import type { AuditEntryResource, ListAuditQuery } from '../../core/contracts/audit.ts';
import type { Page } from '../../core/contracts/common.ts';
import { type AuditRecord, listAuditEntries } from '../../db/repositories/audit-query.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { isoTime, toPage } from './format.ts';
import { requireOrgUnit } from './lookups.ts';

function toAuditEntry(row: AuditRecord): AuditEntryResource {
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

/** A page of audit rows, newest first; 404 for an unknown org unit. */
export async function listAuditPage(
  ctx: ServerContext,
  _actor: Actor,
  input: ListAuditQuery,
): Promise<Page<AuditEntryResource>> {
  const db = ctx.db.kysely;
  const unit = input.orgUnit === undefined ? undefined : await requireOrgUnit(db, input.orgUnit);
  const page = await listAuditEntries(
    db,
    {
      entity: input.entity,
      entityKey: input.entityKey,
      actor: input.actor,
      orgUnitId: unit !== undefined && !input.includeDescendants ? unit.id : undefined,
      subtreeOf: unit !== undefined && input.includeDescendants ? unit.path : undefined,
      from: input.from === undefined ? undefined : new Date(input.from),
      to: input.to === undefined ? undefined : new Date(input.to),
    },
    input,
  );
  return toPage(page, input, toAuditEntry);
}
