/**
 * `healthbsc user create|list`: accounts, managed from the machine that holds the database (the command acts as
 * an administrator of the whole installation; the audit names it `cli:<os user>`). The password is read from
 * stdin or a hidden prompt, never from a flag, and must meet the password policy.
 */
import { parseArgs } from 'node:util';
import { isRole, type Role } from '../../core/access/principal.ts';
import type { RoleAssignmentBody, UserResource } from '../../core/contracts/accounts.ts';
import { createUser, listUsersPage } from '../../server/accounts/users.service.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { type SecretReader, terminalSecretReader } from '../read-secret.ts';
import { renderTable } from '../text-table.ts';

export const USER_USAGE = `Usage: healthbsc user create --email EMAIL [--name NAME] [--role ROLE [--org-unit CODE]…] [--admin]
                           [--password-stdin]
       healthbsc user list
Roles: admin, strategist, steward, entry, approver, viewer, each over an org unit's subtree (--org-unit, repeatable)
or the whole installation (no --org-unit). --admin: admin over the whole installation (the first user of a
production server). The password is read from stdin (--password-stdin, or when stdin is not a terminal) or asked
twice at the terminal; it is never a flag. It needs at least 12 characters and may not be a common password.`;

/** `entry over UMG-B1-INTM`, `admin over everything`. */
export function describeAssignments(assignments: readonly RoleAssignmentBody[]): string {
  if (assignments.length === 0) return 'no role';
  return assignments.map((a) => `${a.role} over ${a.orgUnit ?? 'everything'}`).join(', ');
}

/** The role assignments the flags ask for. */
export function assignmentsFromFlags(
  role: string | undefined,
  orgUnits: readonly string[],
  admin: boolean,
  usage: string,
): RoleAssignmentBody[] {
  const assignments: RoleAssignmentBody[] = admin ? [{ role: 'admin', orgUnit: null }] : [];
  if (role === undefined) {
    if (orgUnits.length > 0) throw usageError(usage, 'cli.org-unit-needs-role');
    if (!admin) throw usageError(usage, 'cli.give-role');
    return assignments;
  }
  if (!isRole(role)) throw usageError(usage, 'cli.unknown-role', { role });
  const checked: Role = role;
  if (orgUnits.length === 0) assignments.push({ role: checked, orgUnit: null });
  for (const orgUnit of orgUnits) assignments.push({ role: checked, orgUnit });
  return assignments;
}

function userRow(user: UserResource): string[] {
  return [
    user.email,
    user.name ?? '',
    describeAssignments(user.assignments),
    user.disabled ? 'disabled' : '',
    user.lastLoginAt ?? '',
  ];
}

export async function runUser(
  args: readonly string[],
  io: Io,
  env?: Env,
  readSecret: SecretReader = terminalSecretReader,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'org-unit': { type: 'string', multiple: true },
      admin: { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (rest.length > 0) throw usageError(USER_USAGE, 'cli.unexpected-argument', { argument: rest[0] ?? '' });
  const session = { owner: 'healthbsc user', ...(env === undefined ? {} : { env }) };
  if (action === 'list') {
    const users = await withDbSession(session, (s) =>
      listUsersPage(s.ctx, s.actor, { limit: 1000, offset: 0 }),
    );
    io.out(renderTable(['email', 'name', 'roles', 'status', 'last sign-in'], users.items.map(userRow)));
    return 0;
  }
  if (action !== 'create') throw usageError(USER_USAGE, 'cli.user-action');
  if (values.email === undefined) throw usageError(USER_USAGE, 'cli.user-needs-email');
  const assignments = assignmentsFromFlags(values.role, values['org-unit'] ?? [], values.admin, USER_USAGE);
  const password = await readSecret(`Password for ${values.email}`, { fromStdin: values['password-stdin'] });
  if (password === '') throw usageError(USER_USAGE, 'cli.password-empty');
  const email = values.email;
  const created = await withDbSession(session, (s) =>
    createUser(s.ctx, s.actor, {
      email,
      password,
      assignments,
      ...(values.name === undefined ? {} : { name: values.name }),
    }),
  );
  io.out(`Created user ${created.email} (${describeAssignments(created.assignments)}).`);
  return 0;
}
