/**
 * The filters the three kinds of values share (`orgUnit`, `includeDescendants`, `period`, `from`, `to`), turned
 * into a repository filter: codes to ids (404 for an unknown unit), period ids parsed (400 for a bad one).
 */
import type { ValueFilterQuery } from '../../core/contracts/value-rows.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { ValueFilter } from '../../db/repositories/value-lists.repository.ts';
import type { Actor } from '../context.ts';
import { readScope, requireReadableUnit } from './access.ts';

/** The filter, within the actor's scope: a unit named is 404 if unknown, 403 if outside the scope. */
export async function resolveValueFilter(
  db: Executor,
  actor: Actor,
  query: ValueFilterQuery,
): Promise<ValueFilter> {
  const unit = query.orgUnit === undefined ? undefined : await requireReadableUnit(db, actor, query.orgUnit);
  const periodIds = query.period?.map((id, index) => parsePeriod(id, ['period', index]).id);
  return {
    rootId: unit?.rootId,
    orgUnitId: unit !== undefined && !query.includeDescendants ? unit.id : undefined,
    subtreeOf: unit !== undefined && query.includeDescendants ? unit.path : undefined,
    periodIds,
    startsOnOrAfter: query.from === undefined ? undefined : parsePeriod(query.from, ['from']).startDate,
    endsOnOrBefore: query.to === undefined ? undefined : parsePeriod(query.to, ['to']).endDate,
    scope: readScope(actor),
  };
}
