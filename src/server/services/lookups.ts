/**
 * Finding a stored thing by the code a request names, or answering 404. Every service names things the same
 * way in its messages.
 */
import { notFound } from '../../core/errors/problem.ts';
import {
  type DataElementRecord,
  findDataElementByCode,
} from '../../db/repositories/data-element.repository.ts';
import { findOrgUnitByCode, type OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import {
  findOrgUnitGroupByCode,
  type OrgUnitGroupRecord,
} from '../../db/repositories/org-unit-group.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { findScorecardByCode, type ScorecardRecord } from '../../db/repositories/scorecard.repository.ts';

export async function requireOrgUnit(db: Executor, code: string): Promise<OrgUnitRecord> {
  const unit = await findOrgUnitByCode(db, code);
  if (unit === undefined) throw notFound('org-unit.not-found', { code });
  return unit;
}

export async function requireOrgUnitGroup(db: Executor, code: string): Promise<OrgUnitGroupRecord> {
  const group = await findOrgUnitGroupByCode(db, code);
  if (group === undefined) throw notFound('org-unit.group-not-found', { code });
  return group;
}

export async function requireDataElement(db: Executor, code: string): Promise<DataElementRecord> {
  const element = await findDataElementByCode(db, code);
  if (element === undefined) throw notFound('data-element.not-found', { code });
  return element;
}

export async function requireScorecard(db: Executor, code: string): Promise<ScorecardRecord> {
  const scorecard = await findScorecardByCode(db, code);
  if (scorecard === undefined) throw notFound('reference.scorecard-not-found', { code });
  return scorecard;
}
