/**
 * The org units a scorecard applies to (`scorecard_org_unit`), each with or without its subtree, and every
 * assignment as it was recorded (`scorecard_org_unit_version`), with the period it holds from.
 */
import { sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { JsonValue } from '../schema.ts';
import { type Executor, scopeCondition } from './query-helpers.ts';

export interface ScorecardOrgUnitRecord {
  readonly orgUnitId: number;
  readonly orgUnitCode: string;
  readonly includeDescendants: boolean;
}

/** The org units a scorecard applies to, ordered by code. */
export async function listScorecardOrgUnits(
  db: Executor,
  scorecardId: number,
  scope?: OrgScope,
): Promise<ScorecardOrgUnitRecord[]> {
  return db
    .selectFrom('scorecard_org_unit as so')
    .innerJoin('org_unit as o', 'o.id', 'so.org_unit_id')
    .select([
      'so.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      'so.include_descendants as includeDescendants',
    ])
    .where('so.scorecard_id', '=', scorecardId)
    .$call((q) => {
      const inScope = scopeCondition('o.path', scope);
      return inScope === null ? q : q.where(inScope);
    })
    .orderBy('o.code')
    .execute();
}

/** Replaces the org units a scorecard applies to. */
export async function replaceScorecardOrgUnits(
  trx: Executor,
  scorecardId: number,
  rows: readonly { readonly orgUnitId: number; readonly includeDescendants: boolean }[],
): Promise<void> {
  await trx.deleteFrom('scorecard_org_unit').where('scorecard_id', '=', scorecardId).execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('scorecard_org_unit')
    .values(
      rows.map((row) => ({
        scorecard_id: scorecardId,
        org_unit_id: row.orgUnitId,
        include_descendants: row.includeDescendants,
      })),
    )
    .execute();
}

/** One recorded assignment of a scorecard to org units (migration 202612061200_dated_methods). */
export interface AssignmentVersionRecord {
  readonly id: number;
  readonly version: number;
  readonly effectiveFrom: string | null;
  readonly orgUnits: readonly { readonly orgUnitId: number; readonly includeDescendants: boolean }[];
  readonly createdBy: string;
  readonly createdAt: Date;
}

function readAssignments(value: JsonValue | null): AssignmentVersionRecord['orgUnits'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const orgUnitId = item.orgUnitId;
    return typeof orgUnitId === 'number'
      ? [{ orgUnitId, includeDescendants: item.includeDescendants !== false }]
      : [];
  });
}

/** Every recorded assignment of a scorecard, oldest first. */
export async function listAssignmentVersions(
  db: Executor,
  scorecardId: number,
): Promise<AssignmentVersionRecord[]> {
  const rows = await db
    .selectFrom('scorecard_org_unit_version')
    .select([
      'id',
      'version',
      'effective_from as effectiveFrom',
      'org_units as orgUnits',
      'created_by as createdBy',
      'created_at as createdAt',
    ])
    .where('scorecard_id', '=', scorecardId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({ ...row, orgUnits: readAssignments(row.orgUnits) }));
}

/** Records the next assignment version (call with the scorecard locked). */
export async function insertAssignmentVersion(
  trx: Executor,
  scorecardId: number,
  version: {
    readonly effectiveFrom: string | null;
    readonly orgUnits: AssignmentVersionRecord['orgUnits'];
    readonly createdBy: string;
    readonly now: Date;
  },
): Promise<void> {
  const next = await trx
    .selectFrom('scorecard_org_unit_version')
    .select(sql<number>`coalesce(max(version), 0)::int + 1`.as('next'))
    .where('scorecard_id', '=', scorecardId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('scorecard_org_unit_version')
    .values({
      scorecard_id: scorecardId,
      version: next.next,
      effective_from: version.effectiveFrom,
      org_units: JSON.stringify(version.orgUnits),
      created_by: version.createdBy,
      created_at: version.now,
    })
    .execute();
}
