/**
 * The filters the three kinds of values share (`orgUnit`, `includeDescendants`, `period`, `from`, `to`), turned
 * into a repository filter: codes to ids (404 for an unknown unit), period ids parsed (400 for a bad one).
 */
import type { ValueFilterQuery } from '../../core/contracts/data-values.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import type { ValueFilter } from '../../db/repositories/data-value.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { requireOrgUnit } from './lookups.ts';

export async function resolveValueFilter(db: Executor, query: ValueFilterQuery): Promise<ValueFilter> {
  const unit = query.orgUnit === undefined ? undefined : await requireOrgUnit(db, query.orgUnit);
  const periodIds = query.period?.map((id, index) => parsePeriod(id, ['period', index]).id);
  return {
    rootId: unit?.rootId,
    orgUnitId: unit !== undefined && !query.includeDescendants ? unit.id : undefined,
    subtreeOf: unit !== undefined && query.includeDescendants ? unit.path : undefined,
    periodIds,
    startsOnOrAfter: query.from === undefined ? undefined : parsePeriod(query.from, ['from']).startDate,
    endsOnOrBefore: query.to === undefined ? undefined : parsePeriod(query.to, ['to']).endDate,
  };
}
