/**
 * Qualitative assessments (migration 202611230500_platform): one rater's 0–100 score per scorecard ×
 * indicator × org unit × period, with the evidence, stored under the organisation's root_id. Writers lock the
 * rows they change.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { AssessmentTable, Database, OrgUnitTable, PeriodTable } from '../schema.ts';
import type { ValueFilter } from './data-value.repository.ts';
import { chunk, type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';
import { type StoredValue, VALUE_CHUNK, type ValueRow } from './value-store.ts';

export interface AssessmentKey {
  readonly rootId: number;
  readonly scorecardId: number;
  readonly indicatorCode: string;
  readonly orgUnitId: number;
  readonly periodId: string;
  readonly rater: string;
}

/** A text that identifies a key, for maps. */
export function assessmentKeyId(key: AssessmentKey): string {
  return JSON.stringify([key.scorecardId, key.indicatorCode, key.orgUnitId, key.periodId, key.rater]);
}

export interface AssessmentRecord {
  readonly scorecardCode: string;
  readonly indicatorCode: string;
  readonly orgUnitCode: string;
  readonly periodId: string;
  readonly rater: string;
  readonly score: number;
  readonly evidence: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface AssessmentFilter extends ValueFilter {
  readonly scorecardId?: number;
  readonly indicatorCodes?: readonly string[];
  readonly rater?: string;
}

type ListScope = Database & { v: AssessmentTable; o: OrgUnitTable; p: PeriodTable };

function filterConditions(
  eb: ExpressionBuilder<ListScope, 'v' | 'o' | 'p'>,
  filter: AssessmentFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.rootId !== undefined) conditions.push(eb('v.root_id', '=', filter.rootId));
  if (filter.orgUnitId !== undefined) conditions.push(eb('v.org_unit_id', '=', filter.orgUnitId));
  if (filter.subtreeOf !== undefined) conditions.push(eb('o.path', 'like', `${filter.subtreeOf}%`));
  const inScope = scopeCondition('o.path', filter.scope);
  if (inScope !== null) conditions.push(inScope);
  if (filter.scorecardId !== undefined) conditions.push(eb('v.scorecard_id', '=', filter.scorecardId));
  if (filter.indicatorCodes !== undefined)
    conditions.push(eb('v.indicator_code', 'in', [...filter.indicatorCodes]));
  if (filter.rater !== undefined) conditions.push(eb('v.rater', '=', filter.rater));
  if (filter.periodIds !== undefined) conditions.push(eb('v.period_id', 'in', [...filter.periodIds]));
  if (filter.startsOnOrAfter !== undefined) conditions.push(eb('p.start_date', '>=', filter.startsOnOrAfter));
  if (filter.endsOnOrBefore !== undefined) conditions.push(eb('p.end_date', '<=', filter.endsOnOrBefore));
  return conditions;
}

/** One page of assessments ordered by scorecard, indicator, org unit, period and rater. */
export async function listAssessments(
  db: Executor,
  filter: AssessmentFilter,
  window: PageWindow,
): Promise<PageRows<AssessmentRecord>> {
  const from = () =>
    db
      .selectFrom('assessment as v')
      .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
      .innerJoin('period as p', 'p.id', 'v.period_id')
      .where((eb) => eb.and(filterConditions(eb, filter)));
  const [rows, count] = await Promise.all([
    from()
      .innerJoin('scorecard as s', 's.id', 'v.scorecard_id')
      .select([
        's.code as scorecardCode',
        'v.indicator_code as indicatorCode',
        'o.code as orgUnitCode',
        'v.period_id as periodId',
        'v.rater',
        'v.score',
        'v.evidence',
        'v.version',
        'v.updated_by as updatedBy',
        'v.updated_at as updatedAt',
      ])
      .orderBy('s.code')
      .orderBy('v.indicator_code')
      .orderBy('o.code')
      .orderBy('p.start_date')
      .orderBy('p.end_date')
      .orderBy('v.rater')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    from().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

function keyTuples(keys: readonly AssessmentKey[]) {
  return sql.join(
    keys.map(
      (k) =>
        sql`(${k.rootId}::bigint, ${k.scorecardId}::bigint, ${k.indicatorCode}::text, ${k.orgUnitId}::bigint, ${k.periodId}::text, ${k.rater}::text)`,
    ),
  );
}

const KEY_COLUMNS = sql`(root_id, scorecard_id, indicator_code, org_unit_id, period_id, rater)`;

/** The stored assessments with these keys, locked until the transaction ends, by `assessmentKeyId`. */
export async function lockAssessments(
  trx: Executor,
  keys: readonly AssessmentKey[],
): Promise<Map<string, StoredValue>> {
  const found = new Map<string, StoredValue>();
  for (const part of chunk(keys, VALUE_CHUNK)) {
    const rows = await trx
      .selectFrom('assessment')
      .select([
        'root_id as rootId',
        'scorecard_id as scorecardId',
        'indicator_code as indicatorCode',
        'org_unit_id as orgUnitId',
        'period_id as periodId',
        'rater',
        'score as value',
        'evidence as note',
        'version',
        'updated_by as updatedBy',
        'updated_at as updatedAt',
      ])
      .where(sql<boolean>`${KEY_COLUMNS} in (${keyTuples(part)})`)
      .forUpdate()
      .execute();
    for (const row of rows) found.set(assessmentKeyId(row), row);
  }
  return found;
}

export async function upsertAssessments(
  trx: Executor,
  rows: readonly ValueRow<AssessmentKey>[],
): Promise<void> {
  for (const part of chunk(rows, VALUE_CHUNK)) {
    await trx
      .insertInto('assessment')
      .values(
        part.map((row) => ({
          root_id: row.key.rootId,
          scorecard_id: row.key.scorecardId,
          indicator_code: row.key.indicatorCode,
          org_unit_id: row.key.orgUnitId,
          period_id: row.key.periodId,
          rater: row.key.rater,
          score: row.value,
          evidence: row.note,
          import_batch_id: row.importBatchId,
          updated_by: row.updatedBy,
          updated_at: row.updatedAt,
          version: row.version,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['root_id', 'scorecard_id', 'indicator_code', 'org_unit_id', 'period_id', 'rater'])
          .doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            evidence: eb.ref('excluded.evidence'),
            import_batch_id: eb.ref('excluded.import_batch_id'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: eb.ref('excluded.updated_at'),
            version: eb.ref('excluded.version'),
          })),
      )
      .execute();
  }
}

export async function deleteAssessments(trx: Executor, keys: readonly AssessmentKey[]): Promise<void> {
  for (const part of chunk(keys, VALUE_CHUNK)) {
    await trx
      .deleteFrom('assessment')
      .where(sql<boolean>`${KEY_COLUMNS} in (${keyTuples(part)})`)
      .execute();
  }
}
