/**
 * Scorecards, their structure versions (the scorecard file without `weights`), their weight versions (the
 * `weights` block) and the org units they apply to. Versions are append-only and numbered 1, 2, … per
 * scorecard; "current" is the highest number (the latest recorded). Each holds from its effective-from period
 * (null: since the beginning): evaluating a period picks the version that held for it
 * (core/scorecard/effective-periods.ts).
 */
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { Database, JsonValue, ScorecardTable, WeightVersionTable } from '../schema.ts';
import { containsPattern, type Executor, type PageRows, type PageWindow } from './query-helpers.ts';

export type WeightSource = Selectable<WeightVersionTable>['source'];

export interface ScorecardRecord {
  readonly id: number;
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ScorecardSummaryRecord extends ScorecardRecord {
  readonly version: number;
  readonly weightVersion: number;
}

export interface StructureVersionRecord {
  readonly id: number;
  readonly version: number;
  /** The first period it holds for; null: since the beginning. */
  readonly effectiveFrom: string | null;
  /** The scorecard file without its `weights` block. */
  readonly definition: JsonValue;
  readonly note: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface WeightVersionRecord {
  readonly id: number;
  readonly version: number;
  /** The first period it holds for; null: since the beginning. */
  readonly effectiveFrom: string | null;
  /** The scorecard file's `weights` block. */
  readonly weights: JsonValue;
  readonly source: WeightSource;
  readonly sourceRef: string | null;
  readonly note: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** A scorecard with its current structure and weights, for building indicator lists and checking indicators. */
export interface CurrentScorecardRecord extends ScorecardSummaryRecord {
  readonly definition: JsonValue;
  readonly weights: JsonValue;
}

function selectScorecards(db: Executor) {
  return db
    .selectFrom('scorecard as s')
    .select([
      's.id',
      's.code',
      's.name_en as nameEn',
      's.name_zh as nameZh',
      's.created_at as createdAt',
      's.updated_at as updatedAt',
    ]);
}

const currentVersion = sql<number>`(select max(version) from scorecard_version where scorecard_id = s.id)`;
const currentWeightVersion = sql<number>`(select max(version) from weight_version where scorecard_id = s.id)`;

function selectSummaries(db: Executor) {
  return selectScorecards(db).select([
    currentVersion.as('version'),
    currentWeightVersion.as('weightVersion'),
  ]);
}

export async function findScorecardByCode(db: Executor, code: string): Promise<ScorecardRecord | undefined> {
  return selectScorecards(db).where('s.code', '=', code).executeTakeFirst();
}

/** The scorecards with these codes, by code (codes not found are absent). */
export async function findScorecardsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, ScorecardRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await selectScorecards(db).where('s.code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row]));
}

/** The codes of the scorecards with these ids, by id. */
export async function findScorecardCodesByIds(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('scorecard').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.code]));
}

type ScorecardScope = Database & { s: ScorecardTable };

function textConditions(
  eb: ExpressionBuilder<ScorecardScope, 's'>,
  text: string | undefined,
): Expression<SqlBool>[] {
  if (text === undefined) return [];
  const pattern = containsPattern(text);
  return [
    eb.or([
      eb('s.code', 'ilike', pattern),
      eb('s.name_en', 'ilike', pattern),
      eb('s.name_zh', 'ilike', pattern),
    ]),
  ];
}

/** One page of scorecards ordered by code, with their current version numbers. */
export async function listScorecards(
  db: Executor,
  filter: { readonly text?: string },
  window: PageWindow,
): Promise<PageRows<ScorecardSummaryRecord>> {
  const [rows, count] = await Promise.all([
    selectSummaries(db)
      .where((eb) => eb.and(textConditions(eb, filter.text)))
      .orderBy('s.code')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('scorecard as s')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(textConditions(eb, filter.text)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** Every scorecard (or those with the given codes) with its current structure and weights, ordered by code. */
export async function listCurrentScorecards(
  db: Executor,
  codes?: readonly string[],
): Promise<CurrentScorecardRecord[]> {
  if (codes !== undefined && codes.length === 0) return [];
  return selectSummaries(db)
    .innerJoin('scorecard_version as v', (join) =>
      join.onRef('v.scorecard_id', '=', 's.id').on('v.version', '=', currentVersion),
    )
    .innerJoin('weight_version as w', (join) =>
      join.onRef('w.scorecard_id', '=', 's.id').on('w.version', '=', currentWeightVersion),
    )
    .select(['v.definition', 'w.weights'])
    .$if(codes !== undefined, (qb) => qb.where('s.code', 'in', codes ?? []))
    .orderBy('s.code')
    .execute();
}

export async function insertScorecard(
  trx: Executor,
  scorecard: {
    readonly code: string;
    readonly nameEn: string;
    readonly nameZh: string | null;
    readonly now: Date;
  },
): Promise<ScorecardRecord> {
  return trx
    .insertInto('scorecard')
    .values({
      code: scorecard.code,
      name_en: scorecard.nameEn,
      name_zh: scorecard.nameZh,
      created_at: scorecard.now,
      updated_at: scorecard.now,
    })
    .returning([
      'id',
      'code',
      'name_en as nameEn',
      'name_zh as nameZh',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
    .executeTakeFirstOrThrow();
}

/** Renames a scorecard and marks it updated. */
export async function touchScorecard(
  trx: Executor,
  id: number,
  changes: { readonly nameEn: string; readonly nameZh: string | null; readonly now: Date },
): Promise<void> {
  await trx
    .updateTable('scorecard')
    .set({ name_en: changes.nameEn, name_zh: changes.nameZh, updated_at: changes.now })
    .where('id', '=', id)
    .execute();
}

/**
 * Locks a scorecard's row until the transaction ends: writers of its versions take turns, so two never
 * number a version alike.
 */
export async function lockScorecard(trx: Executor, id: number): Promise<void> {
  await trx.selectFrom('scorecard').select('id').where('id', '=', id).forUpdate().execute();
}

/** A structure version's columns but its definition, as its record names them. */
const STRUCTURE_VERSION_COLUMNS = [
  'id',
  'version',
  'effective_from as effectiveFrom',
  'note',
  'created_by as createdBy',
  'created_at as createdAt',
] as const;

/** A weight version's columns but its weights, as its record names them. */
const WEIGHT_VERSION_COLUMNS = [...STRUCTURE_VERSION_COLUMNS, 'source', 'source_ref as sourceRef'] as const;

/** A structure version: the given one, or the current one when `version` is undefined. */
export async function findStructureVersion(
  db: Executor,
  scorecardId: number,
  version?: number,
): Promise<StructureVersionRecord | undefined> {
  return db
    .selectFrom('scorecard_version')
    .select([...STRUCTURE_VERSION_COLUMNS, 'definition'])
    .where('scorecard_id', '=', scorecardId)
    .$if(version !== undefined, (qb) => qb.where('version', '=', version ?? 0))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((row) => (row === undefined ? undefined : { ...row, definition: row.definition ?? null }));
}

/** A weight version: the given one, or the current one when `version` is undefined. */
export async function findWeightVersion(
  db: Executor,
  scorecardId: number,
  version?: number,
): Promise<WeightVersionRecord | undefined> {
  return db
    .selectFrom('weight_version')
    .select([...WEIGHT_VERSION_COLUMNS, 'weights'])
    .where('scorecard_id', '=', scorecardId)
    .$if(version !== undefined, (qb) => qb.where('version', '=', version ?? 0))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((row) => (row === undefined ? undefined : { ...row, weights: row.weights ?? null }));
}

/** Every structure version, newest first, without the definitions. */
export async function listStructureVersions(
  db: Executor,
  scorecardId: number,
): Promise<Omit<StructureVersionRecord, 'definition'>[]> {
  return db
    .selectFrom('scorecard_version')
    .select([...STRUCTURE_VERSION_COLUMNS])
    .where('scorecard_id', '=', scorecardId)
    .orderBy('version', 'desc')
    .execute();
}

/** Every weight version, newest first, without the weights. */
export async function listWeightVersions(
  db: Executor,
  scorecardId: number,
): Promise<Omit<WeightVersionRecord, 'weights'>[]> {
  return db
    .selectFrom('weight_version')
    .select([...WEIGHT_VERSION_COLUMNS])
    .where('scorecard_id', '=', scorecardId)
    .orderBy('version', 'desc')
    .execute();
}

/** Appends the next structure version (call with the scorecard locked) and returns it. */
export async function insertStructureVersion(
  trx: Executor,
  scorecardId: number,
  version: {
    readonly definition: JsonValue;
    readonly effectiveFrom: string | null;
    readonly note: string | null;
    readonly createdBy: string;
    readonly now: Date;
  },
): Promise<StructureVersionRecord> {
  const next = await nextVersion(trx, 'scorecard_version', scorecardId);
  const { id } = await trx
    .insertInto('scorecard_version')
    .values({
      scorecard_id: scorecardId,
      version: next,
      definition: JSON.stringify(version.definition),
      effective_from: version.effectiveFrom,
      note: version.note,
      created_by: version.createdBy,
      created_at: version.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id,
    version: next,
    effectiveFrom: version.effectiveFrom,
    definition: version.definition,
    note: version.note,
    createdBy: version.createdBy,
    createdAt: version.now,
  };
}

/** Appends the next weight version (call with the scorecard locked) and returns it. */
export async function insertWeightVersion(
  trx: Executor,
  scorecardId: number,
  version: {
    readonly weights: JsonValue;
    readonly effectiveFrom: string | null;
    readonly source: WeightSource;
    readonly sourceRef: string | null;
    readonly note: string | null;
    readonly createdBy: string;
    readonly now: Date;
  },
): Promise<WeightVersionRecord> {
  const next = await nextVersion(trx, 'weight_version', scorecardId);
  const { id } = await trx
    .insertInto('weight_version')
    .values({
      scorecard_id: scorecardId,
      version: next,
      weights: JSON.stringify(version.weights),
      effective_from: version.effectiveFrom,
      source: version.source,
      source_ref: version.sourceRef,
      note: version.note,
      created_by: version.createdBy,
      created_at: version.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id,
    version: next,
    effectiveFrom: version.effectiveFrom,
    weights: version.weights,
    source: version.source,
    sourceRef: version.sourceRef,
    note: version.note,
    createdBy: version.createdBy,
    createdAt: version.now,
  };
}

/** Every structure version and every weight version with their documents, oldest first (choosing by period). */
export async function listDatedVersions(
  db: Executor,
  scorecardId: number,
): Promise<{ structure: StructureVersionRecord[]; weights: WeightVersionRecord[] }> {
  const [structure, weights] = await Promise.all([
    db
      .selectFrom('scorecard_version')
      .select([...STRUCTURE_VERSION_COLUMNS, 'definition'])
      .where('scorecard_id', '=', scorecardId)
      .orderBy('version')
      .execute(),
    db
      .selectFrom('weight_version')
      .select([...WEIGHT_VERSION_COLUMNS, 'weights'])
      .where('scorecard_id', '=', scorecardId)
      .orderBy('version')
      .execute(),
  ]);
  return {
    structure: structure.map((row) => ({ ...row, definition: row.definition ?? null })),
    weights: weights.map((row) => ({ ...row, weights: row.weights ?? null })),
  };
}

async function nextVersion(
  trx: Executor,
  table: 'scorecard_version' | 'weight_version',
  scorecardId: number,
): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(version), 0)::int + 1`.as('next'))
    .where('scorecard_id', '=', scorecardId)
    .executeTakeFirstOrThrow();
  return row.next;
}
