/**
 * Org units: create under a parent named by code, rename, reorder, and read the tree (one unit, a filtered
 * list, a unit's children, a subtree).
 */

import { canManageOrgUnit, DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page, PaginationQuery } from '../../core/contracts/common.ts';
import type {
  CreateOrgUnitBody,
  ListOrgUnitsQuery,
  OrgUnit,
  OrgUnitAncestors,
  UpdateOrgUnitBody,
} from '../../core/contracts/org-units.ts';
import { conflict, forbidden, notFound } from '../../core/errors/problem.ts';
import {
  findOrgUnitAncestors,
  findOrgUnitByCode,
  insertOrgUnit,
  listOrgUnits,
  lockOrgUnit,
  type OrgUnitFilter,
  type OrgUnitRecord,
  updateOrgUnit,
} from '../../db/repositories/org-unit.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireReadableUnit, requireRoleOver, requireSomeRole } from './access.ts';
import { commitWrite } from './commit-write.ts';
import { isoTime, localized, toPage } from './format.ts';
import { requireOrgUnit } from './lookups.ts';

export function toOrgUnit(row: OrgUnitRecord): OrgUnit {
  return {
    code: row.code,
    name: localized(row.nameEn, row.nameZh),
    type: row.type,
    role: row.role,
    parent: row.parentCode,
    root: row.rootCode,
    level: row.level,
    sortOrder: row.sortOrder,
    createdAt: isoTime(row.createdAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

/**
 * Creates a unit under the parent the body names (or at the top), for an admin or strategist over the parent
 * (over the whole installation for a top-level unit). 409 when the code is taken.
 */
export async function createOrgUnit(
  ctx: ServerContext,
  actor: Actor,
  input: CreateOrgUnitBody,
): Promise<OrgUnit> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    let parentId: number | null = null;
    if (input.parent !== undefined && input.parent !== null) {
      const parent = await findOrgUnitByCode(trx, input.parent);
      if (parent === undefined) throw notFound('org-unit.parent-not-found', { code: input.parent });
      requireRoleOver(actor, DESIGN_ROLES, parent);
      parentId = parent.id;
    } else if (!canManageOrgUnit(actor.principal, null)) {
      throw forbidden('access.needs-installation-designer');
    }
    if ((await findOrgUnitByCode(trx, input.code)) !== undefined) {
      throw conflict('org-unit.exists', { code: input.code });
    }
    const row = await insertOrgUnit(trx, {
      parentId,
      code: input.code,
      nameEn: input.name.en,
      nameZh: input.name.zh ?? null,
      type: input.type,
      role: input.role ?? null,
      sortOrder: input.sortOrder ?? 0,
      now: ctx.now(),
    });
    const created = toOrgUnit(row);
    return {
      result: created,
      audit: [
        { action: 'create', entity: 'org_unit', entityKey: row.code, newValue: created, orgUnitId: row.id },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}

/** Changes a unit's names, role or sort order. Nothing is written when nothing changes. */
export async function updateOrgUnitByCode(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly changes: UpdateOrgUnitBody },
): Promise<OrgUnit> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    const existing = await requireOrgUnit(trx, input.code);
    requireRoleOver(actor, DESIGN_ROLES, existing);
    await lockOrgUnit(trx, existing.id);
    const current = await requireOrgUnit(trx, input.code);
    const { name, role, sortOrder } = input.changes;
    const before = toOrgUnit(current);
    const same =
      (name === undefined || (name.en === current.nameEn && (name.zh ?? null) === current.nameZh)) &&
      (role === undefined || role === current.role) &&
      (sortOrder === undefined || sortOrder === current.sortOrder);
    if (same) return { result: before, audit: [], touched: [] };
    const row = await updateOrgUnit(trx, current.id, {
      nameEn: name?.en,
      nameZh: name === undefined ? undefined : (name.zh ?? null),
      role,
      sortOrder,
      now: ctx.now(),
    });
    const after = toOrgUnit(row);
    return {
      result: after,
      audit: [
        {
          action: 'update',
          entity: 'org_unit',
          entityKey: row.code,
          oldValue: before,
          newValue: after,
          orgUnitId: row.id,
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}

export async function getOrgUnit(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string },
): Promise<OrgUnit> {
  return toOrgUnit(await requireReadableUnit(ctx.db.kysely, actor, input.code));
}

/**
 * The units above a unit the actor reads, top first. A reader whose scope is a department reads its hospital's
 * and group's names and codes here (what names the department), nothing else of them.
 */
export async function getOrgUnitAncestors(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string },
): Promise<OrgUnitAncestors> {
  const unit = await requireReadableUnit(ctx.db.kysely, actor, input.code);
  return { ancestors: (await findOrgUnitAncestors(ctx.db.kysely, unit.path)).map(toOrgUnit) };
}

/**
 * A page of the units the actor reads that match the filters (each code filter must name an existing unit the
 * actor reads: 404, 403).
 */
export async function listOrgUnitsPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListOrgUnitsQuery,
): Promise<Page<OrgUnit>> {
  const db = ctx.db.kysely;
  const filter: OrgUnitFilter = {
    type: input.type,
    role: input.role,
    level: input.level,
    text: input.q,
    parentId:
      input.parent === undefined ? undefined : (await requireReadableUnit(db, actor, input.parent)).id,
    rootId: input.root === undefined ? undefined : (await requireReadableUnit(db, actor, input.root)).id,
    scope: readScope(actor),
  };
  return toPage(await listOrgUnits(db, filter, input), input, toOrgUnit);
}

/** A page of a unit's children. */
export async function listOrgUnitChildren(
  ctx: ServerContext,
  actor: Actor,
  input: PaginationQuery & { readonly code: string },
): Promise<Page<OrgUnit>> {
  const unit = await requireReadableUnit(ctx.db.kysely, actor, input.code);
  const filter = { parentId: unit.id, scope: readScope(actor) };
  return toPage(await listOrgUnits(ctx.db.kysely, filter, input), input, toOrgUnit);
}

/** A page of a unit's subtree: the unit itself first, then its descendants level by level. */
export async function listOrgUnitSubtree(
  ctx: ServerContext,
  actor: Actor,
  input: PaginationQuery & { readonly code: string },
): Promise<Page<OrgUnit>> {
  const unit = await requireReadableUnit(ctx.db.kysely, actor, input.code);
  const filter = { subtreeOf: unit.path, scope: readScope(actor) };
  return toPage(await listOrgUnits(ctx.db.kysely, filter, input), input, toOrgUnit);
}
