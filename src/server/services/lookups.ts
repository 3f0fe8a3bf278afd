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
  if (unit === undefined) throw notFound(`There is no org unit '${code}'.`);
  return unit;
}

export async function requireOrgUnitGroup(db: Executor, code: string): Promise<OrgUnitGroupRecord> {
  const group = await findOrgUnitGroupByCode(db, code);
  if (group === undefined) throw notFound(`There is no org-unit group '${code}'.`);
  return group;
}

export async function requireDataElement(db: Executor, code: string): Promise<DataElementRecord> {
  const element = await findDataElementByCode(db, code);
  if (element === undefined) throw notFound(`There is no data element '${code}'.`);
  return element;
}

export async function requireScorecard(db: Executor, code: string): Promise<ScorecardRecord> {
  const scorecard = await findScorecardByCode(db, code);
  if (scorecard === undefined) throw notFound(`There is no scorecard '${code}'.`);
  return scorecard;
}
