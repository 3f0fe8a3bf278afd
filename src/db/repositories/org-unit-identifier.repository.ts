/** External identifiers of org units (`org_unit_identifier`): system + value → unit, unique per root. */
import type { Executor } from './query-helpers.ts';

export interface OrgUnitIdentifierRecord {
  readonly orgUnitCode: string;
  readonly rootId: number;
  readonly system: string;
  readonly value: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

function selectIdentifiers(db: Executor) {
  return db
    .selectFrom('org_unit_identifier as i')
    .innerJoin('org_unit as o', 'o.id', 'i.org_unit_id')
    .select([
      'o.code as orgUnitCode',
      'i.root_id as rootId',
      'i.system',
      'i.value',
      'i.created_by as createdBy',
      'i.created_at as createdAt',
    ]);
}

/** A unit's identifiers, by system then value. */
export function listIdentifiersOfUnit(db: Executor, orgUnitId: number): Promise<OrgUnitIdentifierRecord[]> {
  return selectIdentifiers(db)
    .where('i.org_unit_id', '=', orgUnitId)
    .orderBy('i.system')
    .orderBy('i.value')
    .execute();
}

/** The identifier (system, value) in one root, if a unit holds it. */
export function findIdentifier(
  db: Executor,
  key: { readonly rootId: number; readonly system: string; readonly value: string },
): Promise<OrgUnitIdentifierRecord | undefined> {
  return selectIdentifiers(db)
    .where('i.root_id', '=', key.rootId)
    .where('i.system', '=', key.system)
    .where('i.value', '=', key.value)
    .executeTakeFirst();
}

/**
 * Every identifier of a system, value → unit code, over all roots. A value held in two roots names two units:
 * it is left out (ambiguous), so a file naming it is refused as an unknown unit rather than guessed.
 */
export async function identifierMap(db: Executor, system: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('org_unit_identifier as i')
    .innerJoin('org_unit as o', 'o.id', 'i.org_unit_id')
    .select(['i.value', 'o.code'])
    .where('i.system', '=', system)
    .execute();
  const map = new Map<string, string>();
  const twice = new Set<string>();
  for (const row of rows) {
    if (map.has(row.value)) twice.add(row.value);
    map.set(row.value, row.code);
  }
  for (const value of twice) map.delete(value);
  return map;
}

/** Records identifiers; an identifier the root holds already is left as it is. Answers those it added. */
export async function insertIdentifiers(
  trx: Executor,
  rows: readonly {
    readonly orgUnitId: number;
    readonly rootId: number;
    readonly system: string;
    readonly value: string;
    readonly createdBy: string;
    readonly createdAt: Date;
  }[],
): Promise<{ orgUnitId: number; value: string }[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('org_unit_identifier')
    .values(
      rows.map((r) => ({
        root_id: r.rootId,
        org_unit_id: r.orgUnitId,
        system: r.system,
        value: r.value,
        created_by: r.createdBy,
        created_at: r.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['root_id', 'system', 'value']).doNothing())
    .returning(['org_unit_id', 'value'])
    .execute();
  return inserted.map((r) => ({ orgUnitId: Number(r.org_unit_id), value: r.value }));
}

/** Removes one identifier of a unit; whether it was there. */
export async function deleteIdentifier(
  trx: Executor,
  key: { readonly orgUnitId: number; readonly system: string; readonly value: string },
): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('org_unit_identifier')
    .where('org_unit_id', '=', key.orgUnitId)
    .where('system', '=', key.system)
    .where('value', '=', key.value)
    .returning('value')
    .execute();
  return deleted.length > 0;
}
