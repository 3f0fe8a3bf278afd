/**
 * Org-unit groups: named sets of org units (such as "branch hospitals") that targets and comparisons use.
 */

import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  CreateOrgUnitGroupBody,
  ListOrgUnitGroupsQuery,
  OrgUnitGroup,
  UpdateOrgUnitGroupBody,
} from '../../core/contracts/org-units.ts';
import { conflict, invalid, issue } from '../../core/errors/problem.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import {
  findOrgUnitGroupByCode,
  insertOrgUnitGroup,
  listGroupMembers,
  listOrgUnitGroups,
  lockOrgUnitGroup,
  type OrgUnitGroupRecord,
  renameOrgUnitGroup,
  replaceGroupMembers,
} from '../../db/repositories/org-unit-group.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireRoleOverAll, requireSomeRole } from './access.ts';
import { commitWrite } from './commit-write.ts';
import { isoTime, localized } from './format.ts';
import { requireOrgUnitGroup } from './lookups.ts';

function toGroup(row: OrgUnitGroupRecord, members: readonly string[]): OrgUnitGroup {
  return {
    code: row.code,
    name: localized(row.nameEn, row.nameZh),
    members: [...members],
    createdAt: isoTime(row.createdAt),
  };
}

/**
 * The ids of the member units, in code order; 400 naming every unknown code by its index, 403 for a unit the
 * actor does not design for (members of a group are design metadata: targets are set per group).
 */
async function resolveMembers(
  db: Executor,
  actor: Actor,
  codes: readonly string[],
): Promise<{ ids: number[]; codes: string[] }> {
  const units = await findOrgUnitsByCodes(db, codes);
  const issues = codes.flatMap((code, index) =>
    units.has(code) ? [] : [issue('org-unit.unknown', { code }, ['members', index])],
  );
  if (issues.length > 0) throw invalid('org-unit.members-invalid', {}, issues);
  requireRoleOverAll(actor, DESIGN_ROLES, units.values());
  const sorted = [...new Set(codes)].sort();
  return { ids: sorted.map((code) => units.get(code)?.id ?? 0), codes: sorted };
}

export async function createOrgUnitGroup(
  ctx: ServerContext,
  actor: Actor,
  input: CreateOrgUnitGroupBody,
): Promise<OrgUnitGroup> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    if ((await findOrgUnitGroupByCode(trx, input.code)) !== undefined) {
      throw conflict('org-unit.group-exists', { code: input.code });
    }
    const members = await resolveMembers(trx, actor, input.members);
    const row = await insertOrgUnitGroup(trx, {
      code: input.code,
      nameEn: input.name.en,
      nameZh: input.name.zh ?? null,
      now: ctx.now(),
    });
    await replaceGroupMembers(trx, row.id, members.ids);
    const created = toGroup(row, members.codes);
    return {
      result: created,
      audit: [{ action: 'create', entity: 'org_unit_group', entityKey: row.code, newValue: created }],
      touched: [{ kind: 'metadata' }],
    };
  });
}

/** Renames a group and/or replaces its members. Nothing is written when nothing changes. */
export async function updateOrgUnitGroupByCode(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly changes: UpdateOrgUnitGroupBody },
): Promise<OrgUnitGroup> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    const group = await requireOrgUnitGroup(trx, input.code);
    await lockOrgUnitGroup(trx, group.id);
    const oldMembers = (await listGroupMembers(trx, [group.id])).get(group.id) ?? [];
    const before = toGroup(group, oldMembers);
    const { name, members } = input.changes;
    // Replacing the members removes the old ones too: the actor must design for those as well.
    if (members !== undefined) await resolveMembers(trx, actor, oldMembers);
    const resolved = members === undefined ? undefined : await resolveMembers(trx, actor, members);
    const after = toGroup(
      name === undefined ? group : { ...group, nameEn: name.en, nameZh: name.zh ?? null },
      resolved?.codes ?? oldMembers,
    );
    if (JSON.stringify(before) === JSON.stringify(after)) return { result: before, audit: [], touched: [] };
    if (name !== undefined)
      await renameOrgUnitGroup(trx, group.id, { nameEn: name.en, nameZh: name.zh ?? null });
    if (resolved !== undefined) await replaceGroupMembers(trx, group.id, resolved.ids);
    return {
      result: after,
      audit: [
        {
          action: 'update',
          entity: 'org_unit_group',
          entityKey: group.code,
          oldValue: before,
          newValue: after,
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}

/** A group, listing only the members the actor reads. */
export async function getOrgUnitGroup(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string },
): Promise<OrgUnitGroup> {
  const group = await requireOrgUnitGroup(ctx.db.kysely, input.code);
  const members = await listGroupMembers(ctx.db.kysely, [group.id], readScope(actor));
  return toGroup(group, members.get(group.id) ?? []);
}

/** A page of groups, each listing only the members the actor reads. */
export async function listOrgUnitGroupsPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListOrgUnitGroupsQuery,
): Promise<Page<OrgUnitGroup>> {
  const page = await listOrgUnitGroups(ctx.db.kysely, { text: input.q }, input);
  const members = await listGroupMembers(
    ctx.db.kysely,
    page.rows.map((row) => row.id),
    readScope(actor),
  );
  return {
    items: page.rows.map((row) => toGroup(row, members.get(row.id) ?? [])),
    total: page.total,
    limit: input.limit,
    offset: input.offset,
  };
}
