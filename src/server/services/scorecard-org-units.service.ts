/**
 * The org units a scorecard applies to (`scorecard_org_unit`), each with or without its subtree. Each change is
 * also recorded as an assignment version holding from a period (dated-versions.ts), so an evaluation can say
 * which assignment held for its period.
 */

import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { PutScorecardOrgUnitsBody, ScorecardOrgUnits } from '../../core/contracts/scorecards.ts';
import { invalid, issue, type ProblemIssue } from '../../core/errors/problem.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import {
  findStructureVersion,
  findWeightVersion,
  lockScorecard,
} from '../../db/repositories/scorecard.repository.ts';
import {
  insertAssignmentVersion,
  listScorecardOrgUnits,
  replaceScorecardOrgUnits,
  type ScorecardOrgUnitRecord,
} from '../../db/repositories/scorecard-org-unit.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireRoleOverAll, requireSomeRole } from './access.ts';
import { commitWrite } from './commit-write.ts';
import { effectiveFromOf } from './dated-versions.ts';
import { requireScorecard } from './lookups.ts';
import { mergeScorecardFile } from './scorecard-files.ts';

function toAssignments(rows: readonly ScorecardOrgUnitRecord[]): ScorecardOrgUnits {
  return {
    orgUnits: rows.map((row) => ({ orgUnit: row.orgUnitCode, includeDescendants: row.includeDescendants })),
  };
}

/** The units a scorecard applies to, among those the actor reads. */
export async function getScorecardOrgUnits(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string },
): Promise<ScorecardOrgUnits> {
  const scorecard = await requireScorecard(ctx.db.kysely, input.code);
  return toAssignments(await listScorecardOrgUnits(ctx.db.kysely, scorecard.id, readScope(actor)));
}

/**
 * Replaces the units a scorecard applies to; 400 naming every unknown or repeated unit by its index; 403 unless
 * the actor designs for every unit, old and new.
 */
export async function putScorecardOrgUnits(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly body: PutScorecardOrgUnitsBody },
): Promise<ScorecardOrgUnits> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    const scorecard = await requireScorecard(trx, input.code);
    await lockScorecard(trx, scorecard.id);
    const wanted = input.body.orgUnits;
    const units = await findOrgUnitsByCodes(
      trx,
      wanted.map((item) => item.orgUnit),
    );
    const issues: ProblemIssue[] = [];
    const seen = new Map<string, number>();
    wanted.forEach((item, index) => {
      const path = ['orgUnits', index, 'orgUnit'];
      if (!units.has(item.orgUnit)) issues.push(issue('org-unit.unknown', { code: item.orgUnit }, path));
      const first = seen.get(item.orgUnit);
      if (first !== undefined)
        issues.push(issue('org-unit.listed-twice', { code: item.orgUnit, first }, path));
      else seen.set(item.orgUnit, index);
    });
    if (issues.length > 0) throw invalid('org-unit.assignment-invalid', {}, issues);
    const stored = await listScorecardOrgUnits(trx, scorecard.id);
    const old = await findOrgUnitsByCodes(
      trx,
      stored.map((row) => row.orgUnitCode),
    );
    requireRoleOverAll(actor, DESIGN_ROLES, [...units.values(), ...old.values()]);
    const before = toAssignments(stored);
    const rows = wanted
      .map((item) => ({
        orgUnitId: units.get(item.orgUnit)?.id ?? 0,
        orgUnitCode: item.orgUnit,
        includeDescendants: item.includeDescendants,
      }))
      .sort((a, b) => (a.orgUnitCode < b.orgUnitCode ? -1 : a.orgUnitCode > b.orgUnitCode ? 1 : 0));
    const after = toAssignments(rows);
    if (JSON.stringify(before) === JSON.stringify(after)) return { result: before, audit: [], touched: [] };
    await replaceScorecardOrgUnits(trx, scorecard.id, rows);
    const structure = await findStructureVersion(trx, scorecard.id);
    const weights = await findWeightVersion(trx, scorecard.id);
    const periodType =
      structure === undefined || weights === undefined
        ? null
        : mergeScorecardFile(structure, weights).periodType;
    const effectiveFrom = await effectiveFromOf(trx, scorecard.id, periodType, input.body.effectiveFrom);
    await insertAssignmentVersion(trx, scorecard.id, {
      effectiveFrom,
      orgUnits: rows.map((row) => ({ orgUnitId: row.orgUnitId, includeDescendants: row.includeDescendants })),
      createdBy: actor.id,
      now: ctx.now(),
    });
    return {
      result: after,
      audit: [
        {
          action: 'update',
          entity: 'scorecard_org_unit',
          entityKey: scorecard.code,
          oldValue: before.orgUnits,
          newValue: after.orgUnits,
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}
