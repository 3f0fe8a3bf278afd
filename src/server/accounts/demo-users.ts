/**
 * The demo's users (issue 4): one per role, with passwords documented in README.md ("Accounts and demo users"),
 * created in demo mode only. Production mode has no default account at all.
 */
import type { Role } from '../../core/access/principal.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { findUserByEmail } from '../../db/repositories/user.repository.ts';
import { type ServerContext, systemActor } from '../context.ts';
import { createUser } from './users.service.ts';

export interface DemoUser {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly role: Role;
  /** The subtree's top unit; null for the whole installation. */
  readonly orgUnit: string | null;
}

/** Every demo user; README.md lists the same. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.healthbsc',
    password: 'demo-admin-2026',
    name: 'Demo administrator',
    role: 'admin',
    orgUnit: null,
  },
  {
    email: 'strategist@demo.healthbsc',
    password: 'demo-strategist-2026',
    name: 'Performance office (strategist)',
    role: 'strategist',
    orgUnit: null,
  },
  {
    email: 'steward@demo.healthbsc',
    password: 'demo-steward-2026',
    name: 'Data steward, medical group',
    role: 'steward',
    orgUnit: 'UMG',
  },
  {
    email: 'entry@demo.healthbsc',
    password: 'demo-entry-2026',
    name: 'Internal Medicine, Dongcheng Branch (data entry)',
    role: 'entry',
    orgUnit: 'UMG-B1-INTM',
  },
  {
    email: 'approver@demo.healthbsc',
    password: 'demo-approver-2026',
    name: 'Dongcheng Branch director (approver)',
    role: 'approver',
    orgUnit: 'UMG-B1',
  },
  {
    email: 'viewer@demo.healthbsc',
    password: 'demo-viewer-2026',
    name: 'Medical group viewer',
    role: 'viewer',
    orgUnit: 'UMG',
  },
];

/**
 * Creates the demo users that do not exist yet (those whose org unit exists: with `--no-demo` only the
 * installation-wide ones). Returns the emails created.
 */
export async function ensureDemoUsers(ctx: ServerContext): Promise<string[]> {
  const db = ctx.db.kysely;
  const units = await findOrgUnitsByCodes(
    db,
    DEMO_USERS.flatMap((u) => (u.orgUnit === null ? [] : [u.orgUnit])),
  );
  const actor = systemActor('demo-loader');
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (user.orgUnit !== null && !units.has(user.orgUnit)) continue;
    if ((await findUserByEmail(db, user.email)) !== undefined) continue;
    await createUser(ctx, actor, {
      email: user.email,
      name: user.name,
      password: user.password,
      assignments: [{ role: user.role, orgUnit: user.orgUnit }],
    });
    created.push(user.email);
  }
  return created;
}
