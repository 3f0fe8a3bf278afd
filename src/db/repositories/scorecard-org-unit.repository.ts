/**
 * The org units a scorecard applies to (`scorecard_org_unit`), each with or without its subtree.
 */
import type { OrgScope } from '../../core/access/scope.ts';
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
