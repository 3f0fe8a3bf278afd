/**
 * Published scores (migration 202612061201_publications): a publication of a scorecard × period × org-unit
 * subtree, each unit's frozen evaluation (`publication_result`) and each indicator's aggregated inputs
 * (`publication_input`). Rows are written once and never changed; a republication is a new publication that
 * names the one it replaces.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database, JsonValue, PublicationInputTable, PublicationTable } from '../schema.ts';
import { chunk, type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

export interface PublicationRecord {
  readonly id: number;
  readonly rootId: number;
  readonly scorecardId: number;
  readonly scorecardCode: string;
  readonly orgUnitId: number;
  readonly orgUnitCode: string;
  readonly periodId: string;
  readonly structureVersionId: number;
  readonly structureVersion: number;
  readonly weightVersionId: number;
  readonly weightVersion: number;
  readonly assignmentVersionId: number | null;
  readonly replacesId: number | null;
  readonly reason: string | null;
  readonly unapprovedPeriods: readonly string[];
  readonly publishedBy: string;
  readonly publishedAt: Date;
  /** How many units it froze. */
  readonly units: number;
}

export interface NewPublication {
  readonly rootId: number;
  readonly scorecardId: number;
  readonly orgUnitId: number;
  readonly periodId: string;
  readonly structureVersionId: number;
  readonly weightVersionId: number;
  readonly assignmentVersionId: number | null;
  readonly replacesId: number | null;
  readonly reason: string | null;
  readonly unapprovedPeriods: readonly string[];
  readonly publishedBy: string;
  readonly publishedAt: Date;
}

export interface NewPublicationResult {
  readonly orgUnitId: number;
  readonly evaluation: JsonValue;
  readonly total: number | null;
  readonly ratingCode: string | null;
  readonly coverage: number;
}

export interface PublicationInputRecord {
  readonly indicator: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly actual: number | null;
  readonly actualSource: PublicationInputTable['actual_source'];
  readonly target: number | null;
  readonly reference: number | null;
  readonly quantified: number | null;
  readonly score: number | null;
  readonly weight: number;
  readonly globalWeight: number;
  readonly methodVersion: number;
  readonly targetRecordId: number | null;
}

/** Rows per insert: 16 columns × 2,000 rows stays well under PostgreSQL's 65,535 parameters. */
const INSERT_ROWS = 2_000;

function selectPublications(db: Executor) {
  return db
    .selectFrom('publication as p')
    .innerJoin('scorecard as s', 's.id', 'p.scorecard_id')
    .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
    .innerJoin('scorecard_version as sv', 'sv.id', 'p.structure_version_id')
    .innerJoin('weight_version as wv', 'wv.id', 'p.weight_version_id')
    .select([
      'p.id',
      'p.root_id as rootId',
      'p.scorecard_id as scorecardId',
      's.code as scorecardCode',
      'p.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      'p.period_id as periodId',
      'p.structure_version_id as structureVersionId',
      'sv.version as structureVersion',
      'p.weight_version_id as weightVersionId',
      'wv.version as weightVersion',
      'p.assignment_version_id as assignmentVersionId',
      'p.replaces_id as replacesId',
      'p.reason',
      'p.unapproved_periods as unapprovedPeriods',
      'p.published_by as publishedBy',
      'p.published_at as publishedAt',
      sql<number>`(select count(*)::int from publication_result r where r.publication_id = p.id)`.as('units'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPublications>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): PublicationRecord {
  const periods = Array.isArray(row.unapprovedPeriods)
    ? row.unapprovedPeriods.filter((p): p is string => typeof p === 'string')
    : [];
  return { ...row, unapprovedPeriods: periods };
}

export async function insertPublication(trx: Executor, publication: NewPublication): Promise<number> {
  const row = await trx
    .insertInto('publication')
    .values({
      root_id: publication.rootId,
      scorecard_id: publication.scorecardId,
      org_unit_id: publication.orgUnitId,
      period_id: publication.periodId,
      structure_version_id: publication.structureVersionId,
      weight_version_id: publication.weightVersionId,
      assignment_version_id: publication.assignmentVersionId,
      replaces_id: publication.replacesId,
      reason: publication.reason,
      unapproved_periods: JSON.stringify(publication.unapprovedPeriods),
      published_by: publication.publishedBy,
      published_at: publication.publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Freezes the units' evaluations and their indicators' inputs under a publication. */
export async function insertPublicationResults(
  trx: Executor,
  rootId: number,
  publicationId: number,
  results: readonly (NewPublicationResult & { readonly inputs: readonly PublicationInputRecord[] })[],
): Promise<void> {
  for (const part of chunk(results, INSERT_ROWS)) {
    await trx
      .insertInto('publication_result')
      .values(
        part.map((r) => ({
          root_id: rootId,
          publication_id: publicationId,
          org_unit_id: r.orgUnitId,
          evaluation: JSON.stringify(r.evaluation),
          total: r.total,
          rating_code: r.ratingCode,
          coverage: r.coverage,
        })),
      )
      .execute();
  }
  const inputs = results.flatMap((r) => r.inputs.map((input) => ({ orgUnitId: r.orgUnitId, input })));
  for (const part of chunk(inputs, INSERT_ROWS)) {
    await trx
      .insertInto('publication_input')
      .values(
        part.map(({ orgUnitId, input }) => ({
          root_id: rootId,
          publication_id: publicationId,
          org_unit_id: orgUnitId,
          indicator_code: input.indicator,
          numerator: input.numerator,
          denominator: input.denominator,
          actual: input.actual,
          actual_source: input.actualSource,
          target: input.target,
          reference: input.reference,
          quantified: input.quantified,
          score: input.score,
          weight: input.weight,
          global_weight: input.globalWeight,
          method_version: input.methodVersion,
          target_record_id: input.targetRecordId,
        })),
      )
      .execute();
  }
}

export async function findPublication(db: Executor, id: number): Promise<PublicationRecord | undefined> {
  const row = await selectPublications(db).where('p.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/**
 * The latest publication of the scorecard and period (recorded by `asOf`, when given) that froze any of these
 * units: what a new publication of them replaces.
 */
export async function findLatestPublicationOfUnits(
  db: Executor,
  query: {
    readonly scorecardId: number;
    readonly periodId: string;
    readonly rootId: number;
    readonly orgUnitIds: readonly number[];
  },
): Promise<PublicationRecord | undefined> {
  if (query.orgUnitIds.length === 0) return undefined;
  const row = await selectPublications(db)
    .where('p.scorecard_id', '=', query.scorecardId)
    .where('p.period_id', '=', query.periodId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('publication_result as r')
          .select('r.org_unit_id')
          .whereRef('r.publication_id', '=', 'p.id')
          .where('r.root_id', '=', query.rootId)
          .where('r.org_unit_id', 'in', [...query.orgUnitIds]),
      ),
    )
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** A unit's published evaluation: from the given publication, or the latest recorded by `asOf` (default now). */
export async function findPublishedResult(
  db: Executor,
  query: {
    readonly scorecardId: number;
    readonly periodId: string;
    readonly rootId: number;
    readonly orgUnitId: number;
    readonly asOf: Date | null;
    readonly publicationId?: number;
  },
): Promise<{ publication: PublicationRecord; evaluation: JsonValue } | undefined> {
  const row = await selectPublications(db)
    .innerJoin('publication_result as r', (join) =>
      join
        .onRef('r.publication_id', '=', 'p.id')
        .on('r.root_id', '=', query.rootId)
        .on('r.org_unit_id', '=', query.orgUnitId),
    )
    .select('r.evaluation')
    .where('p.scorecard_id', '=', query.scorecardId)
    .where('p.period_id', '=', query.periodId)
    .$if(query.asOf !== null, (qb) => qb.where('p.published_at', '<=', query.asOf ?? new Date(0)))
    .$if(query.publicationId !== undefined, (qb) => qb.where('p.id', '=', query.publicationId ?? 0))
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { evaluation, ...publication } = row;
  return { publication: toRecord(publication), evaluation: evaluation ?? null };
}

/** The frozen inputs of one unit of a publication, by indicator. */
export async function loadPublicationInputs(
  db: Executor,
  rootId: number,
  publicationId: number,
  orgUnitId: number,
): Promise<PublicationInputRecord[]> {
  return db
    .selectFrom('publication_input')
    .select([
      'indicator_code as indicator',
      'numerator',
      'denominator',
      'actual',
      'actual_source as actualSource',
      'target',
      'reference',
      'quantified',
      'score',
      'weight',
      'global_weight as globalWeight',
      'method_version as methodVersion',
      'target_record_id as targetRecordId',
    ])
    .where('root_id', '=', rootId)
    .where('publication_id', '=', publicationId)
    .where('org_unit_id', '=', orgUnitId)
    .orderBy('indicator_code')
    .execute();
}

/**
 * The latest-ending period the scorecard has a publication for (any unit), or null: where changes of its
 * methods start by default is the period after it.
 */
export async function latestPublishedPeriod(db: Executor, scorecardId: number): Promise<string | null> {
  const row = await db
    .selectFrom('publication as p')
    .innerJoin('period as pe', 'pe.id', 'p.period_id')
    .select('p.period_id as periodId')
    .where('p.scorecard_id', '=', scorecardId)
    .orderBy('pe.end_date', 'desc')
    .orderBy('pe.start_date', 'asc')
    .limit(1)
    .executeTakeFirst();
  return row?.periodId ?? null;
}

export interface PublicationFilter {
  readonly scorecardId?: number;
  readonly periodId?: string;
  /** Publications whose published subtree holds this unit (a result for it). */
  readonly orgUnitId?: number;
  /** The reader's scope: publications of units outside it are not listed. */
  readonly scope?: OrgScope;
}

type PublicationScope = Database & { p: PublicationTable };

function filterConditions(
  eb: ExpressionBuilder<PublicationScope, 'p'>,
  filter: PublicationFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.scorecardId !== undefined) conditions.push(eb('p.scorecard_id', '=', filter.scorecardId));
  if (filter.periodId !== undefined) conditions.push(eb('p.period_id', '=', filter.periodId));
  if (filter.orgUnitId !== undefined) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('publication_result as r')
          .select('r.org_unit_id')
          .whereRef('r.publication_id', '=', 'p.id')
          .where('r.org_unit_id', '=', filter.orgUnitId),
      ),
    );
  }
  const inScope = scopeCondition('u.path', filter.scope);
  if (inScope !== null) {
    conditions.push(eb('p.org_unit_id', 'in', eb.selectFrom('org_unit as u').select('u.id').where(inScope)));
  }
  return conditions;
}

/** One page of publications, newest first. */
export async function listPublications(
  db: Executor,
  filter: PublicationFilter,
  window: PageWindow,
): Promise<PageRows<PublicationRecord>> {
  const [rows, count] = await Promise.all([
    selectPublications(db)
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('p.published_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('publication as p')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRecord), total: count.total };
}
