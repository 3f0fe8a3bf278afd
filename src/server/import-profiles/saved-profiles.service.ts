/**
 * Saved, versioned mapping profiles: a profile (healthbsc/profile@1) saved under its code; every save adds a
 * version (who, when, why) and never changes an earlier one. Admins and data stewards save; every signed-in
 * principal reads (a profile names columns and codes, no values). Exported as the profile file, and a profile
 * file imports as a new version (or the first). Each save is audited.
 */
import { isDeepStrictEqual } from 'node:util';
import { PROFILE_ROLES, READ_ROLES } from '../../core/access/policy.ts';
import {
  type ImportProfile,
  importProfileSchema,
  type SavedProfile,
  type SavedProfileList,
  type SavedProfileVersion,
  type SaveProfileBody,
} from '../../core/contracts/import-profiles.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import {
  appendImportProfileVersion,
  findImportProfileVersion,
  type ImportProfileVersionRecord,
  listImportProfiles,
  listImportProfileVersions,
} from '../../db/repositories/import-profile.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { parseProfileFile } from './profile-file.ts';

const toVersion = (r: Omit<ImportProfileVersionRecord, 'body'>): SavedProfileVersion => ({
  code: r.code,
  version: r.version,
  reason: r.reason,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

/** A stored body read back; stored bodies were checked when saved, defaults filled in. */
const bodyOf = (body: JsonValue): ImportProfile => importProfileSchema.parse(body);

/** Every saved profile with its latest version's number and name. */
export async function listSavedProfiles(ctx: ServerContext, actor: Actor): Promise<SavedProfileList> {
  requireSomeRole(actor, READ_ROLES);
  const rows = await listImportProfiles(ctx.db.kysely);
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: bodyOf(r.latest.body).name ?? null,
      version: r.latest.version,
      versions: r.versions,
      updatedBy: r.latest.createdBy,
      updatedAt: r.latest.createdAt.toISOString(),
    })),
  };
}

/**
 * A saved profile: its latest version, or `version`; 404 naming the code (or the version) otherwise.
 *
 * @example (await getSavedProfile(ctx, actor, 'nhs-ae')).profile.unit.column // 'nhs_trust22_code'
 */
export async function getSavedProfile(
  ctx: ServerContext,
  actor: Actor,
  code: string,
  version?: number,
): Promise<SavedProfile> {
  requireSomeRole(actor, READ_ROLES);
  const row = await findImportProfileVersion(ctx.db.kysely, code, version);
  if (row === undefined) {
    if (version !== undefined && (await findImportProfileVersion(ctx.db.kysely, code)) !== undefined)
      throw notFound('import-profile.version-not-found', { code, version });
    throw notFound('import-profile.not-found', { code });
  }
  const versions = await listImportProfileVersions(ctx.db.kysely, code);
  return { ...toVersion(row), profile: bodyOf(row.body), versions: versions.map(toVersion) };
}

/**
 * Saves `body.profile` under its code: the first version, or a new one when it differs from the latest (the
 * same profile saved again adds nothing and answers the latest). `code`, when given, must be the profile's.
 */
export async function saveProfile(
  ctx: ServerContext,
  actor: Actor,
  body: SaveProfileBody,
  options: { readonly code?: string; readonly mustExist?: boolean } = {},
): Promise<{ readonly saved: SavedProfile; readonly created: boolean }> {
  requireSomeRole(actor, PROFILE_ROLES);
  const { profile } = body;
  if (options.code !== undefined && options.code !== profile.code)
    throw badRequest('import-profile.code-mismatch', { given: profile.code, code: options.code }, [
      'profile',
      'code',
    ]);
  const latest = await findImportProfileVersion(ctx.db.kysely, profile.code);
  if (latest === undefined && options.mustExist === true)
    throw notFound('import-profile.not-found', { code: profile.code });
  if (latest !== undefined && isDeepStrictEqual(bodyOf(latest.body), profile))
    return { saved: await getSavedProfile(ctx, actor, profile.code), created: false };
  const version = await commitWrite(ctx, actor, async (trx) => {
    const written = await appendImportProfileVersion(trx, {
      code: profile.code,
      body: profile,
      reason: body.reason ?? null,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    return {
      result: written,
      audit: [
        {
          action: written === 1 ? 'create' : 'update',
          entity: 'import_profile',
          entityKey: `${profile.code}@${written}`,
          ...(latest === undefined ? {} : { oldValue: latest.body }),
          newValue: profile,
          reason: body.reason ?? null,
        },
      ],
      touched: [],
    };
  });
  return { saved: await getSavedProfile(ctx, actor, profile.code, version), created: true };
}

/** The profile file of a saved profile (latest or `version`), as `healthbsc import --profile` reads it. */
export async function exportProfileFile(
  ctx: ServerContext,
  actor: Actor,
  code: string,
  version?: number,
): Promise<{ readonly fileName: string; readonly text: string }> {
  const saved = await getSavedProfile(ctx, actor, code, version);
  return {
    fileName: `${saved.code}.v${saved.version}.profile.json`,
    text: `${JSON.stringify(saved.profile, null, 2)}\n`,
  };
}

/** Saves a profile file's profile (400 naming each wrong field when it is none). */
export function importProfileFile(
  ctx: ServerContext,
  actor: Actor,
  text: string,
  reason?: string,
): ReturnType<typeof saveProfile> {
  requireSomeRole(actor, PROFILE_ROLES);
  const profile = parseProfileFile(text);
  return saveProfile(ctx, actor, { profile, ...(reason === undefined ? {} : { reason }) });
}
