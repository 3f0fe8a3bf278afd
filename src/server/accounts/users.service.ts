/**
 * Users: created and changed by an installation admin (or the `healthbsc user` command, which acts as one),
 * with passwords checked against the policy (core/access/password-policy.ts) and hashed with argon2id. Every
 * change is audited without the password or its hash.
 */

import { checkPassword } from '../../core/access/password-policy.ts';
import { canAdminister } from '../../core/access/policy.ts';
import type { Role } from '../../core/access/principal.ts';
import type {
  CreateUserBody,
  RoleAssignmentBody,
  UpdateUserBody,
  UserResource,
} from '../../core/contracts/accounts.ts';
import type { Page, PaginationQuery } from '../../core/contracts/common.ts';
import { conflict, invalid, issue, notFound, type ProblemIssue } from '../../core/errors/problem.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { deleteSessionsOfUser } from '../../db/repositories/session.repository.ts';
import {
  type AssignmentRecord,
  findUserByEmail,
  findUserById,
  hasInstallationAdmin,
  insertUser,
  listAssignments,
  listUsers,
  lockUser,
  replaceAssignments,
  type UserRecord,
  updateUser,
} from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireAdministrator } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { hashPassword } from './secrets.ts';

export function toAssignmentBodies(records: readonly AssignmentRecord[]): RoleAssignmentBody[] {
  return records.map((a) => ({ role: a.role, orgUnit: a.orgUnitCode }));
}

export function toUserResource(row: UserRecord, assignments: readonly AssignmentRecord[]): UserResource {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    assignments: toAssignmentBodies(assignments),
    disabled: row.disabled,
    createdAt: isoTime(row.createdAt),
    lastLoginAt: row.lastLoginAt === null ? null : isoTime(row.lastLoginAt),
  };
}

/**
 * Role assignments in codes → ids; 400 naming every unknown unit by its index. Repeats are dropped.
 */
export async function resolveAssignments(
  db: Executor,
  items: readonly RoleAssignmentBody[],
  field = 'assignments',
): Promise<{ role: Role; orgUnitId: number | null }[]> {
  const codes = items.flatMap((a) => (a.orgUnit === null ? [] : [a.orgUnit]));
  const units = await findOrgUnitsByCodes(db, [...new Set(codes)]);
  const issues: ProblemIssue[] = [];
  const seen = new Set<string>();
  const resolved: { role: Role; orgUnitId: number | null }[] = [];
  items.forEach((item, index) => {
    const unit = item.orgUnit === null ? null : units.get(item.orgUnit);
    if (unit === undefined) {
      issues.push(issue('org-unit.unknown', { code: item.orgUnit ?? '' }, [field, index, 'orgUnit']));
      return;
    }
    const key = `${item.role}|${unit?.id ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    resolved.push({ role: item.role, orgUnitId: unit?.id ?? null });
  });
  if (issues.length > 0) throw invalid('account.assignments-invalid', {}, issues);
  return resolved;
}

export function requirePasswordPolicy(password: string, email: string): void {
  const problems = checkPassword(password, email);
  if (problems.length > 0) {
    throw invalid('account.password-policy', {}, problems);
  }
}

async function assignmentsOf(db: Executor, userId: number): Promise<AssignmentRecord[]> {
  return (await listAssignments(db, { userIds: [userId] })).get(userId) ?? [];
}

/** Creates a user with a checked, hashed password and role assignments; 409 when the email has an account. */
export async function createUser(
  ctx: ServerContext,
  actor: Actor,
  body: CreateUserBody,
): Promise<UserResource> {
  requireAdministrator(actor);
  const email = body.email.trim().toLowerCase();
  requirePasswordPolicy(body.password, email);
  const passwordHash = await hashPassword(body.password);
  return commitWrite(ctx, actor, async (trx) => {
    if ((await findUserByEmail(trx, email)) !== undefined) {
      throw conflict('account.exists', { email });
    }
    const assignments = await resolveAssignments(trx, body.assignments);
    const row = await insertUser(trx, { email, name: body.name ?? null, passwordHash, now: ctx.now() });
    await replaceAssignments(trx, { userId: row.id }, assignments);
    const created = toUserResource(row, await assignmentsOf(trx, row.id));
    return {
      result: created,
      audit: [{ action: 'create', entity: 'app_user', entityKey: email, newValue: created }],
      touched: [{ kind: 'accounts' }],
    };
  });
}

/**
 * Changes a user's name, password, assignments or whether the account is disabled. A new password or a
 * disabled account ends the user's sessions. 409 when the change would leave no enabled installation admin.
 */
export async function updateUserById(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly changes: UpdateUserBody },
): Promise<UserResource> {
  requireAdministrator(actor);
  const existing = await findUserById(ctx.db.kysely, input.id);
  if (existing === undefined) throw notFound('account.not-found', { id: input.id });
  const { name, password, disabled, assignments } = input.changes;
  if (password !== undefined) requirePasswordPolicy(password, existing.email);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  return commitWrite(ctx, actor, async (trx) => {
    await lockUser(trx, input.id);
    const current = (await findUserById(trx, input.id)) ?? existing;
    const before = toUserResource(current, await assignmentsOf(trx, current.id));
    const resolved = assignments === undefined ? undefined : await resolveAssignments(trx, assignments);
    const row = await updateUser(trx, current.id, { name, passwordHash, disabled, now: ctx.now() });
    if (resolved !== undefined) await replaceAssignments(trx, { userId: row.id }, resolved);
    const after = toUserResource(row, await assignmentsOf(trx, row.id));
    if (!(await hasInstallationAdmin(trx))) {
      throw conflict('account.last-admin');
    }
    if (passwordHash !== undefined || (disabled === true && !current.disabled)) {
      await deleteSessionsOfUser(trx, row.id);
    }
    const changed = JSON.stringify(before) !== JSON.stringify(after) || passwordHash !== undefined;
    return {
      result: after,
      audit: changed
        ? [
            {
              action: 'update',
              entity: 'app_user',
              entityKey: row.email,
              oldValue: before,
              newValue: passwordHash === undefined ? after : { ...after, passwordChanged: true },
            },
          ]
        : [],
      touched: [{ kind: 'accounts' }],
    };
  });
}

/** A page of users by email (installation admins only). */
export async function listUsersPage(
  ctx: ServerContext,
  actor: Actor,
  window: PaginationQuery,
): Promise<Page<UserResource>> {
  requireAdministrator(actor);
  const db = ctx.db.kysely;
  const page = await listUsers(db, window);
  const assignments = await listAssignments(db, { userIds: page.rows.map((r) => r.id) });
  return {
    items: page.rows.map((row) => toUserResource(row, assignments.get(row.id) ?? [])),
    total: page.total,
    limit: window.limit,
    offset: window.offset,
  };
}

/** True when the principal administers the installation (for the session's `administrator` flag). */
export function isAdministrator(actor: Actor): boolean {
  return canAdminister(actor.principal);
}
