/**
 * Signing in as a person the identity provider (OIDC) or the directory (LDAP) vouches for (issue 17 §4).
 *
 * The person is found by their subject at the provider (`user_identity`); the first time, by e-mail address
 * (an account an administrator created beforehand is linked, not duplicated; OIDC only when the provider says
 * the address is verified), or else created with no password and no role. The roles the group mapping gives
 * (./group-map.ts) are re-derived at every sign-in, in the same transaction as the session: a person who left
 * a group loses its role at their next sign-in; roles an administrator gave stay. A person in no mapped group
 * has no role and sees no data (the web tells them to ask their administrator). Everything is audited.
 */
import { type GroupMapping, rolesForGroups } from '../../core/access/directory-mapping.ts';
import type { Role } from '../../core/access/principal.ts';
import { forbidden, unauthorized } from '../../core/errors/problem.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRecord,
} from '../../db/repositories/user.repository.ts';
import type { AccountsRuntime } from '../accounts/accounts.plugin.ts';
import { openSession, type SignedIn, type SignInInput } from '../accounts/session.service.ts';
import { type ServerContext, systemActor } from '../context.ts';
import { commitWrite } from '../services/commit-write.ts';

/** Who the provider or directory says signs in. */
export interface ExternalPerson {
  readonly provider: 'oidc' | 'ldap';
  /** The OIDC `sub` (with the issuer) or the directory entry's DN. */
  readonly subject: string;
  readonly email: string | null;
  /** OIDC's `email_verified`; a directory's own `mail` attribute counts as verified. */
  readonly emailVerified: boolean;
  readonly name: string | null;
  readonly groups: readonly string[];
}

const PROVIDER_WORDS = { oidc: 'identity provider', ldap: 'directory' } as const;

async function findIdentityUser(
  db: Executor,
  provider: ExternalPerson['provider'],
  subject: string,
): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('user_identity')
    .select('user_id')
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row === undefined ? undefined : findUserById(db, row.user_id);
}

/**
 * Creates (the first time) the account of `person` with no password and no role, so that the session can be
 * opened for it; an existing account (found by subject, then by verified e-mail) is returned as it is.
 */
async function accountFor(
  ctx: ServerContext,
  person: ExternalPerson,
): Promise<{ readonly user: UserRecord; readonly linked: boolean }> {
  const known = await findIdentityUser(ctx.db.kysely, person.provider, person.subject);
  if (known !== undefined) return { user: known, linked: true };
  if (person.email === null) {
    throw unauthorized('sso.no-email', { provider: PROVIDER_WORDS[person.provider] });
  }
  if (!person.emailVerified) throw unauthorized('sso.email-unverified', { email: person.email });
  const email = person.email.trim().toLowerCase();
  const existing = await findUserByEmail(ctx.db.kysely, email);
  if (existing !== undefined) return { user: existing, linked: false };
  const user = await commitWrite<UserRecord>(ctx, systemActor(`sso:${person.provider}`), async (trx) => {
    const created = await insertUser(trx, { email, name: person.name, passwordHash: null, now: ctx.now() });
    return {
      result: created,
      audit: [
        {
          action: 'create',
          entity: 'app_user',
          entityKey: email,
          newValue: { email, name: person.name, provider: person.provider, subject: person.subject },
        },
      ],
      touched: [{ kind: 'accounts' }],
    };
  });
  return { user, linked: false };
}

/** The directory roles `person`'s groups give now, replacing those of the last sign-in (audited when they change). */
async function syncDirectoryRoles(
  trx: Executor,
  user: UserRecord,
  person: ExternalPerson,
  mapping: readonly GroupMapping[],
): Promise<AuditEntry[]> {
  const mapped = rolesForGroups(person.groups, mapping);
  const units = await findOrgUnitsByCodes(
    trx,
    mapped.flatMap((role) => (role.unit === null ? [] : [role.unit])),
  );
  // A unit the mapping names that no longer exists gives nothing (start-up checked the file; units can go later).
  const wanted = mapped.flatMap((role): { role: Role; orgUnitId: number | null; unit: string | null }[] => {
    if (role.unit === null) return [{ role: role.role, orgUnitId: null, unit: null }];
    const unit = units.get(role.unit);
    return unit === undefined ? [] : [{ role: role.role, orgUnitId: unit.id, unit: role.unit }];
  });
  const before = await trx
    .selectFrom('role_assignment as a')
    .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .select(['a.role', 'o.code'])
    .where('a.user_id', '=', user.id)
    .where('a.source', '=', 'directory')
    .orderBy('a.id')
    .execute();
  await trx
    .deleteFrom('role_assignment')
    .where('user_id', '=', user.id)
    .where('source', '=', 'directory')
    .execute();
  if (wanted.length > 0) {
    await trx
      .insertInto('role_assignment')
      .values(
        wanted.map((role) => ({
          user_id: user.id,
          token_id: null,
          role: role.role,
          org_unit_id: role.orgUnitId,
          source: 'directory' as const,
        })),
      )
      // An administrator gave the same role over the same unit already: theirs stays.
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
  const describe = (roles: readonly { role: string; unit: string | null }[]) =>
    roles.map((role) => `${role.role}@${role.unit ?? '*'}`).sort();
  const old = describe(before.map((row) => ({ role: row.role, unit: row.code })));
  const now = describe(wanted);
  if (JSON.stringify(old) === JSON.stringify(now)) return [];
  return [
    {
      action: 'update',
      entity: 'app_user',
      entityKey: user.email,
      oldValue: { directoryRoles: old },
      newValue: { directoryRoles: now, groups: [...person.groups] },
    },
  ];
}

/**
 * Signs `person` in: their account (linked or created), their directory roles, their identity's last use and a
 * new session, audited. A disabled account is refused (403).
 */
export async function signInExternal(
  ctx: ServerContext,
  runtime: AccountsRuntime,
  mapping: readonly GroupMapping[],
  person: ExternalPerson,
  input: Pick<SignInInput, 'address' | 'userAgent' | 'presentedToken'>,
): Promise<SignedIn> {
  const { user, linked } = await accountFor(ctx, person);
  if (user.disabled) throw forbidden('sso.account-disabled');
  return openSession(ctx, runtime, user, { ...input, via: person.provider }, async (trx) => {
    const now = ctx.now();
    const audit: AuditEntry[] = [];
    if (linked) {
      await trx
        .updateTable('user_identity')
        .set({ last_seen_at: now })
        .where('provider', '=', person.provider)
        .where('subject', '=', person.subject)
        .execute();
    } else {
      await trx
        .insertInto('user_identity')
        .values({
          user_id: user.id,
          provider: person.provider,
          subject: person.subject,
          created_at: now,
          last_seen_at: now,
        })
        .execute();
      audit.push({
        action: 'create',
        entity: 'user-identity',
        entityKey: user.email,
        newValue: { provider: person.provider, subject: person.subject },
      });
    }
    audit.push(...(await syncDirectoryRoles(trx, user, person, mapping)));
    return audit;
  });
}
