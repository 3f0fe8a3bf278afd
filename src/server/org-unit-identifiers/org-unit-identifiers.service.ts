/**
 * External identifiers of org units: read by anyone who reads the unit, added by an admin or strategist over
 * it (as the unit itself is changed), audited. An identifier names one unit in its organisation (root); adding
 * it again to the same unit changes nothing, to another unit is a 409 naming the holder.
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type {
  OrgUnitIdentifier,
  OrgUnitIdentifierBody,
  OrgUnitIdentifierList,
} from '../../core/contracts/org-unit-identifiers.ts';
import { conflict } from '../../core/errors/problem.ts';
import {
  findIdentifier,
  insertIdentifiers,
  listIdentifiersOfUnit,
  type OrgUnitIdentifierRecord,
} from '../../db/repositories/org-unit-identifier.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireReadableUnit, requireRoleOver, requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { requireOrgUnit } from '../services/lookups.ts';

const toIdentifier = (r: OrgUnitIdentifierRecord): OrgUnitIdentifier => ({
  orgUnit: r.orgUnitCode,
  system: r.system,
  value: r.value,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

interface AddedIdentifier {
  readonly identifier: OrgUnitIdentifier;
  /** False when the unit held it already (nothing written). */
  readonly created: boolean;
}

/** The identifiers of the unit `code`, by system and value. */
export async function listOrgUnitIdentifiers(
  ctx: ServerContext,
  actor: Actor,
  code: string,
): Promise<OrgUnitIdentifierList> {
  const unit = await requireReadableUnit(ctx.db.kysely, actor, code);
  return { items: (await listIdentifiersOfUnit(ctx.db.kysely, unit.id)).map(toIdentifier) };
}

/**
 * Gives the unit `code` the identifier `body` (system, value).
 *
 * @example await addOrgUnitIdentifier(ctx, actor, 'GSTT', { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RJ1' });
 */
export async function addOrgUnitIdentifier(
  ctx: ServerContext,
  actor: Actor,
  code: string,
  body: OrgUnitIdentifierBody,
): Promise<AddedIdentifier> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<AddedIdentifier>(ctx, actor, async (trx) => {
    const unit = await requireOrgUnit(trx, code);
    requireRoleOver(actor, DESIGN_ROLES, unit);
    const key = { rootId: unit.rootId, system: body.system, value: body.value };
    const held = await findIdentifier(trx, key);
    if (held !== undefined && held.orgUnitCode !== unit.code)
      throw conflict('org-unit-identifier.taken', { ...body, orgUnit: held.orgUnitCode });
    if (held !== undefined)
      return { result: { identifier: toIdentifier(held), created: false }, audit: [], touched: [] };
    await insertIdentifiers(trx, [{ ...key, orgUnitId: unit.id, createdBy: actor.id, createdAt: ctx.now() }]);
    const written = await findIdentifier(trx, key);
    if (written === undefined) throw new Error('identifier not written');
    const identifier = toIdentifier(written);
    return {
      result: { identifier, created: true },
      audit: [
        {
          action: 'create',
          entity: 'org_unit_identifier',
          entityKey: `${unit.code} ${body.system}|${body.value}`,
          newValue: identifier,
          orgUnitId: unit.id,
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}
