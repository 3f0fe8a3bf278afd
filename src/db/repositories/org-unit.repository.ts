/**
 * Org units: the tree of medical groups, hospitals and departments (migration 202611230500_platform). The
 * trigger `org_unit_tree` sets root_id, level and path (`/1/5/12/`), so a subtree is `path like '/1/5/%'`.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database, OrgUnitTable } from '../schema.ts';
import {
  containsPattern,
  type Executor,
  type PageRows,
  type PageWindow,
  scopeCondition,
} from './query-helpers.ts';

export type OrgUnitType = OrgUnitTable['type'];
export type OrgUnitRole = NonNullable<OrgUnitTable['role']>;

export interface OrgUnitRecord {
  readonly id: number;
  readonly parentId: number | null;
  readonly rootId: number;
  readonly level: number;
  readonly path: string;
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly type: OrgUnitType;
  readonly role: OrgUnitRole | null;
  readonly sortOrder: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly parentCode: string | null;
  readonly rootCode: string;
}

/** The units a list may be limited to; every field given narrows it. */
export interface OrgUnitFilter {
  readonly parentId?: number;
  readonly type?: OrgUnitType;
  readonly role?: OrgUnitRole;
  readonly level?: number;
  readonly rootId?: number;
  /** Text in the code or either name, case-insensitive. */
  readonly text?: string;
  /** A unit's path: that unit and everything under it. */
  readonly subtreeOf?: string;
  /** A unit's path: everything under that unit, without it. */
  readonly below?: string;
  /** The reader's org-unit scope: units outside it are never listed. */
  readonly scope?: OrgScope;
}

type OrgUnitScope = Database & { o: OrgUnitTable };

function selectOrgUnits(db: Executor) {
  return db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .innerJoin('org_unit as r', 'r.id', 'o.root_id')
    .select([
      'o.id',
      'o.parent_id as parentId',
      'o.root_id as rootId',
      'o.level',
      'o.path',
      'o.code',
      'o.name_en as nameEn',
      'o.name_zh as nameZh',
      'o.type',
      'o.role',
      'o.sort_order as sortOrder',
      'o.created_at as createdAt',
      'o.updated_at as updatedAt',
      'p.code as parentCode',
      'r.code as rootCode',
    ]);
}

function filterConditions(
  eb: ExpressionBuilder<OrgUnitScope, 'o'>,
  filter: OrgUnitFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.parentId !== undefined) conditions.push(eb('o.parent_id', '=', filter.parentId));
  if (filter.type !== undefined) conditions.push(eb('o.type', '=', filter.type));
  if (filter.role !== undefined) conditions.push(eb('o.role', '=', filter.role));
  if (filter.level !== undefined) conditions.push(eb('o.level', '=', filter.level));
  if (filter.rootId !== undefined) conditions.push(eb('o.root_id', '=', filter.rootId));
  if (filter.subtreeOf !== undefined) conditions.push(eb('o.path', 'like', `${filter.subtreeOf}%`));
  // `_` (one character) before `%`: the unit's own path is not under itself.
  if (filter.below !== undefined) conditions.push(eb('o.path', 'like', `${filter.below}_%`));
  const inScope = scopeCondition('o.path', filter.scope);
  if (inScope !== null) conditions.push(inScope);
  if (filter.text !== undefined) {
    const pattern = containsPattern(filter.text);
    conditions.push(
      eb.or([
        eb('o.code', 'ilike', pattern),
        eb('o.name_en', 'ilike', pattern),
        eb('o.name_zh', 'ilike', pattern),
      ]),
    );
  }
  return conditions;
}

/** The unit with this code, or undefined. */
export async function findOrgUnitByCode(db: Executor, code: string): Promise<OrgUnitRecord | undefined> {
  return selectOrgUnits(db).where('o.code', '=', code).executeTakeFirst();
}

/** The units with these codes, by code (codes not found are absent). */
export async function findOrgUnitsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, OrgUnitRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await selectOrgUnits(db).where('o.code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * The units above the unit at `path` (`/1/5/9/`), top first; the unit itself is left out.
 *
 * @example (await findOrgUnitAncestors(db, '/1/5/9/')).map((u) => u.id) // [1, 5]
 */
export async function findOrgUnitAncestors(db: Executor, path: string): Promise<OrgUnitRecord[]> {
  const ids = path
    .split('/')
    .filter((part) => part !== '')
    .map(Number)
    .slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await selectOrgUnits(db).where('o.id', 'in', ids).execute();
  return rows.sort((a, b) => a.level - b.level);
}

/** The codes of the units with these ids, by id. */
export async function findOrgUnitCodesByIds(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.code]));
}

/**
 * One page of the units that match, level by level; within a level, siblings stay together, ordered as their
 * parents are (sort order, code) and then by their own sort order and code.
 */
export async function listOrgUnits(
  db: Executor,
  filter: OrgUnitFilter,
  window: PageWindow,
): Promise<PageRows<OrgUnitRecord>> {
  const [rows, count] = await Promise.all([
    selectOrgUnits(db)
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('o.level')
      .orderBy(sql`p.sort_order nulls first`)
      .orderBy(sql`p.code nulls first`)
      .orderBy('o.sort_order')
      .orderBy('o.code')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('org_unit as o')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export interface NewOrgUnit {
  readonly parentId: number | null;
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly type: OrgUnitType;
  readonly role: OrgUnitRole | null;
  readonly sortOrder: number;
  readonly now: Date;
}

/** Inserts a unit (the trigger places it in the tree) and returns it as stored. */
export async function insertOrgUnit(trx: Executor, unit: NewOrgUnit): Promise<OrgUnitRecord> {
  const { id } = await trx
    .insertInto('org_unit')
    .values({
      parent_id: unit.parentId,
      code: unit.code,
      name_en: unit.nameEn,
      name_zh: unit.nameZh,
      type: unit.type,
      role: unit.role,
      sort_order: unit.sortOrder,
      created_at: unit.now,
      updated_at: unit.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return selectOrgUnits(trx).where('o.id', '=', id).executeTakeFirstOrThrow();
}

export interface OrgUnitChanges {
  readonly nameEn?: string;
  readonly nameZh?: string | null;
  readonly role?: OrgUnitRole | null;
  readonly sortOrder?: number;
  readonly now: Date;
}

/** Updates a unit's names, role or sort order and returns it as stored. */
export async function updateOrgUnit(
  trx: Executor,
  id: number,
  changes: OrgUnitChanges,
): Promise<OrgUnitRecord> {
  await trx
    .updateTable('org_unit')
    .set({
      name_en: changes.nameEn,
      name_zh: changes.nameZh,
      role: changes.role,
      sort_order: changes.sortOrder,
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .execute();
  return selectOrgUnits(trx).where('o.id', '=', id).executeTakeFirstOrThrow();
}

/** Locks a unit's row until the transaction ends, so a concurrent update waits instead of overwriting. */
export async function lockOrgUnit(trx: Executor, id: number): Promise<void> {
  await trx.selectFrom('org_unit').select('id').where('id', '=', id).forUpdate().execute();
}

/** The paths of the units with these ids, by id. */
export async function findOrgUnitPathsByIds(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.path]));
}
