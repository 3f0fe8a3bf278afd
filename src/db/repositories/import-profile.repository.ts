/**
 * Saved mapping profiles (`import_profile`, `import_profile_version`): a profile's versions are append-only (a
 * trigger refuses UPDATE and DELETE), each with who, when and why.
 */
import { sql } from 'kysely';
import type { JsonValue } from '../schema.ts';
import type { Executor } from './query-helpers.ts';

export interface ImportProfileVersionRecord {
  readonly code: string;
  readonly version: number;
  readonly body: JsonValue;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface ImportProfileSummaryRecord {
  readonly code: string;
  readonly latest: ImportProfileVersionRecord;
  readonly versions: number;
  readonly createdBy: string;
  readonly createdAt: Date;
}

function selectVersions(db: Executor) {
  return db
    .selectFrom('import_profile_version as v')
    .innerJoin('import_profile as p', 'p.id', 'v.profile_id')
    .select([
      'p.code',
      'v.version',
      'v.body',
      'v.reason',
      'v.created_by as createdBy',
      'v.created_at as createdAt',
    ]);
}

/** Every saved profile with its latest version, by code. */
export async function listImportProfiles(db: Executor): Promise<ImportProfileSummaryRecord[]> {
  const latest = await selectVersions(db)
    .select([
      sql<number>`count(*) over (partition by v.profile_id)::int`.as('versions'),
      'p.created_by as profileCreatedBy',
      'p.created_at as profileCreatedAt',
      sql<number>`row_number() over (partition by v.profile_id order by v.version desc)::int`.as('rank'),
    ])
    .orderBy('p.code')
    .execute();
  return latest
    .filter((r) => r.rank === 1)
    .map((r) => ({
      code: r.code,
      versions: r.versions,
      createdBy: r.profileCreatedBy,
      createdAt: r.profileCreatedAt,
      latest: {
        code: r.code,
        version: r.version,
        body: r.body,
        reason: r.reason,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
      },
    }));
}

/** One version of a profile, the latest when `version` is not given. */
export function findImportProfileVersion(
  db: Executor,
  code: string,
  version?: number,
): Promise<ImportProfileVersionRecord | undefined> {
  const query = selectVersions(db).where('p.code', '=', code);
  return (version === undefined ? query : query.where('v.version', '=', version))
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every version of a profile without its body, newest first. */
export function listImportProfileVersions(
  db: Executor,
  code: string,
): Promise<Omit<ImportProfileVersionRecord, 'body'>[]> {
  return db
    .selectFrom('import_profile_version as v')
    .innerJoin('import_profile as p', 'p.id', 'v.profile_id')
    .select(['p.code', 'v.version', 'v.reason', 'v.created_by as createdBy', 'v.created_at as createdAt'])
    .where('p.code', '=', code)
    .orderBy('v.version', 'desc')
    .execute();
}

/**
 * Adds a version of the profile `code` (creating the profile at its first), locking the profile row so two
 * saves never take the same number; returns the version written.
 */
export async function appendImportProfileVersion(
  trx: Executor,
  row: {
    readonly code: string;
    /** The profile, stored as its JSON. */
    readonly body: unknown;
    readonly reason: string | null;
    readonly createdBy: string;
    readonly createdAt: Date;
  },
): Promise<number> {
  await trx
    .insertInto('import_profile')
    .values({ code: row.code, created_by: row.createdBy, created_at: row.createdAt })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const profile = await trx
    .selectFrom('import_profile')
    .select('id')
    .where('code', '=', row.code)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const last = await trx
    .selectFrom('import_profile_version')
    .select(sql<number>`coalesce(max(version), 0)::int`.as('n'))
    .where('profile_id', '=', profile.id)
    .executeTakeFirstOrThrow();
  const version = last.n + 1;
  await trx
    .insertInto('import_profile_version')
    .values({
      profile_id: profile.id,
      version,
      body: JSON.stringify(row.body),
      reason: row.reason,
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .execute();
  return version;
}
