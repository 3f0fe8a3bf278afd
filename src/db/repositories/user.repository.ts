/**
 * Users and their role assignments (migration 202611240900_accounts). A role assignment names an org unit by id;
 * reads join the unit for its code and path, since the access policy (core/access) works on paths.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Role } from '../../core/access/principal.ts';
import type { OrgScope } from '../../core/access/scope.ts';
import { containsPattern, type Executor, type PageRows, type PageWindow } from './query-helpers.ts';

export interface UserRecord {
  readonly id: number;
  readonly email: string;
  readonly name: string | null;
  /** Null for a user who signs in through OIDC or LDAP only. */
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastLoginAt: Date | null;
}

export interface AssignmentRecord {
  readonly role: Role;
  readonly orgUnitId: number | null;
  readonly orgUnitCode: string | null;
  readonly orgUnitPath: string | null;
}

/** Whose assignments: a user's or an API token's. */
export type AssignmentOwner = { readonly userId: number } | { readonly tokenId: number };

function selectUsers(db: Executor) {
  return db
    .selectFrom('app_user')
    .select([
      'id',
      'email',
      'name',
      'password_hash as passwordHash',
      'disabled',
      'created_at as createdAt',
      'updated_at as updatedAt',
      'last_login_at as lastLoginAt',
    ]);
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  return selectUsers(db).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<UserRecord | undefined> {
  return selectUsers(db).where('id', '=', id).executeTakeFirst();
}

/** Locks a user's row until the transaction ends. */
export async function lockUser(trx: Executor, id: number): Promise<void> {
  await trx.selectFrom('app_user').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertUser(
  trx: Executor,
  user: {
    readonly email: string;
    readonly name: string | null;
    readonly passwordHash: string | null;
    readonly now: Date;
  },
): Promise<UserRecord> {
  const { id } = await trx
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      created_at: user.now,
      updated_at: user.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return selectUsers(trx).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function updateUser(
  trx: Executor,
  id: number,
  changes: {
    readonly name?: string | null;
    readonly passwordHash?: string;
    readonly disabled?: boolean;
    readonly lastLoginAt?: Date;
    readonly now: Date;
  },
): Promise<UserRecord> {
  await trx
    .updateTable('app_user')
    .set({
      name: changes.name,
      password_hash: changes.passwordHash,
      disabled: changes.disabled,
      last_login_at: changes.lastLoginAt,
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .execute();
  return selectUsers(trx).where('id', '=', id).executeTakeFirstOrThrow();
}

/** One page of users by email. */
export async function listUsers(db: Executor, window: PageWindow): Promise<PageRows<UserRecord>> {
  const [rows, count] = await Promise.all([
    selectUsers(db).orderBy('email').limit(window.limit).offset(window.offset).execute(),
    db.selectFrom('app_user').select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** The assignments of these users (or tokens), by owner id, each list ordered by role and unit code. */
export async function listAssignments(
  db: Executor,
  owners: { readonly userIds?: readonly number[]; readonly tokenIds?: readonly number[] },
): Promise<Map<number, AssignmentRecord[]>> {
  const byUser = owners.userIds !== undefined;
  const ids = [...(owners.userIds ?? owners.tokenIds ?? [])];
  const result = new Map<number, AssignmentRecord[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('role_assignment as a')
    .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .select([
      'a.user_id as userId',
      'a.token_id as tokenId',
      'a.role',
      'a.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      'o.path as orgUnitPath',
    ])
    .where(byUser ? 'a.user_id' : 'a.token_id', 'in', ids)
    .orderBy('a.role')
    .orderBy(sql`o.code nulls first`)
    .execute();
  for (const row of rows) {
    const owner = byUser ? row.userId : row.tokenId;
    if (owner === null) continue;
    result.get(owner)?.push({
      role: row.role,
      orgUnitId: row.orgUnitId,
      orgUnitCode: row.orgUnitCode,
      orgUnitPath: row.orgUnitPath,
    });
  }
  return result;
}

/** Replaces an owner's assignments. */
export async function replaceAssignments(
  trx: Executor,
  owner: AssignmentOwner,
  assignments: readonly { readonly role: Role; readonly orgUnitId: number | null }[],
): Promise<void> {
  const userId = 'userId' in owner ? owner.userId : null;
  const tokenId = 'tokenId' in owner ? owner.tokenId : null;
  await trx
    .deleteFrom('role_assignment')
    .where(userId !== null ? 'user_id' : 'token_id', '=', userId ?? tokenId ?? 0)
    .execute();
  if (assignments.length === 0) return;
  await trx
    .insertInto('role_assignment')
    .values(
      assignments.map((a) => ({
        user_id: userId,
        token_id: tokenId,
        role: a.role,
        org_unit_id: a.orgUnitId,
      })),
    )
    .execute();
}

/** True when an enabled user is admin over the whole installation. */
export async function hasInstallationAdmin(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select('a.id')
    .where('a.role', '=', 'admin')
    .where('a.org_unit_id', 'is', null)
    .where('u.disabled', '=', false)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when any user exists. */
export async function hasUsers(db: Executor): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** A user as the directory shows them. */
export interface DirectoryUserRecord {
  readonly id: number;
  readonly email: string;
  readonly name: string | null;
}

/**
 * "Some assignment of the user overlaps `scope`": it covers the whole installation, or its unit lies in one of the
 * scope's subtrees, or one of the scope's tops lies in its unit's subtree. Paths are ids and slashes (nothing to
 * escape in a LIKE pattern); a null scope is every user.
 */
function overlapsScope(scope: OrgScope): RawBuilder<SqlBool> {
  if (scope === null) return sql<SqlBool>`true`;
  if (scope.length === 0) return sql<SqlBool>`false`;
  const either = sql.join(
    scope.map((top) => sql`o.path like ${`${top}%`} or ${top} like o.path || '%'`),
    sql` or `,
  );
  return sql<SqlBool>`exists (select 1 from role_assignment a left join org_unit o on o.id = a.org_unit_id
    where a.user_id = u.id and (a.org_unit_id is null or ${either}))`;
}

/**
 * One page of the enabled users whose assignments overlap `scope` (null: every enabled user), whose name or
 * e-mail contains `q` (any case), by name (unnamed last) then e-mail.
 */
export async function listDirectoryUsers(
  db: Executor,
  filter: { readonly scope: OrgScope; readonly q?: string | undefined },
  window: PageWindow,
): Promise<PageRows<DirectoryUserRecord>> {
  const q = filter.q?.trim() ?? '';
  const base = db
    .selectFrom('app_user as u')
    .where('u.disabled', '=', false)
    .where(overlapsScope(filter.scope))
    .$call((query) =>
      q === ''
        ? query
        : query.where((eb) =>
            eb.or([eb('u.name', 'ilike', containsPattern(q)), eb('u.email', 'ilike', containsPattern(q))]),
          ),
    );
  const [rows, count] = await Promise.all([
    base
      .select(['u.id', 'u.email', 'u.name'])
      .orderBy(sql`u.name nulls last`)
      .orderBy('u.email')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
