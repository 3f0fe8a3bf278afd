/**
 * Org-unit groups: named sets of org units (such as "branch hospitals") for targets and comparisons.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database, OrgUnitGroupTable } from '../schema.ts';
import {
  containsPattern,
  type Executor,
  type PageRows,
  type PageWindow,
  scopeCondition,
} from './query-helpers.ts';

export interface OrgUnitGroupRecord {
  readonly id: number;
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly createdAt: Date;
}

function selectGroups(db: Executor) {
  return db
    .selectFrom('org_unit_group as g')
    .select(['g.id', 'g.code', 'g.name_en as nameEn', 'g.name_zh as nameZh', 'g.created_at as createdAt']);
}

export async function findOrgUnitGroupByCode(
  db: Executor,
  code: string,
): Promise<OrgUnitGroupRecord | undefined> {
  return selectGroups(db).where('g.code', '=', code).executeTakeFirst();
}

/** The groups with these codes, by code (codes not found are absent). */
export async function findOrgUnitGroupsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, OrgUnitGroupRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await selectGroups(db).where('g.code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row]));
}

type GroupScope = Database & { g: OrgUnitGroupTable };

function textConditions(
  eb: ExpressionBuilder<GroupScope, 'g'>,
  text: string | undefined,
): Expression<SqlBool>[] {
  if (text === undefined) return [];
  const pattern = containsPattern(text);
  return [
    eb.or([
      eb('g.code', 'ilike', pattern),
      eb('g.name_en', 'ilike', pattern),
      eb('g.name_zh', 'ilike', pattern),
    ]),
  ];
}

/** One page of groups ordered by code, optionally those whose code or names contain `text`. */
export async function listOrgUnitGroups(
  db: Executor,
  filter: { readonly text?: string },
  window: PageWindow,
): Promise<PageRows<OrgUnitGroupRecord>> {
  const [rows, count] = await Promise.all([
    selectGroups(db)
      .where((eb) => eb.and(textConditions(eb, filter.text)))
      .orderBy('g.code')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('org_unit_group as g')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(textConditions(eb, filter.text)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** Member codes of each group, sorted, by group id. */
export async function listGroupMembers(
  db: Executor,
  groupIds: readonly number[],
  scope?: OrgScope,
): Promise<Map<number, string[]>> {
  const members = new Map<number, string[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('org_unit_group_member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .select(['m.group_id as groupId', 'o.code'])
    .where('m.group_id', 'in', groupIds)
    .$call((q) => {
      const inScope = scopeCondition('o.path', scope);
      return inScope === null ? q : q.where(inScope);
    })
    .orderBy('o.code')
    .execute();
  for (const row of rows) members.get(row.groupId)?.push(row.code);
  return members;
}

export async function insertOrgUnitGroup(
  trx: Executor,
  group: {
    readonly code: string;
    readonly nameEn: string;
    readonly nameZh: string | null;
    readonly now: Date;
  },
): Promise<OrgUnitGroupRecord> {
  return trx
    .insertInto('org_unit_group')
    .values({ code: group.code, name_en: group.nameEn, name_zh: group.nameZh, created_at: group.now })
    .returning(['id', 'code', 'name_en as nameEn', 'name_zh as nameZh', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

export async function renameOrgUnitGroup(
  trx: Executor,
  id: number,
  name: { readonly nameEn: string; readonly nameZh: string | null },
): Promise<void> {
  await trx
    .updateTable('org_unit_group')
    .set({ name_en: name.nameEn, name_zh: name.nameZh })
    .where('id', '=', id)
    .execute();
}

/** Replaces a group's members with `orgUnitIds`. */
export async function replaceGroupMembers(
  trx: Executor,
  groupId: number,
  orgUnitIds: readonly number[],
): Promise<void> {
  await trx.deleteFrom('org_unit_group_member').where('group_id', '=', groupId).execute();
  if (orgUnitIds.length === 0) return;
  await trx
    .insertInto('org_unit_group_member')
    .values(orgUnitIds.map((orgUnitId) => ({ group_id: groupId, org_unit_id: orgUnitId })))
    .execute();
}

/** Locks a group's row until the transaction ends. */
export async function lockOrgUnitGroup(trx: Executor, id: number): Promise<void> {
  await trx.selectFrom('org_unit_group').select('id').where('id', '=', id).forUpdate().execute();
}
