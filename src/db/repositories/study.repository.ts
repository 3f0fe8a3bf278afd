/**
 * Saved studies (table `study`) and the raters' scores a study of qualitative indicators reads.
 */
import type { JsonValue } from '../schema.ts';
import type { Executor } from './query-helpers.ts';

export interface StudyRecord {
  readonly id: number;
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly scorecardCode: string;
  readonly definition: JsonValue | null;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

function selectStudies(db: Executor) {
  return db
    .selectFrom('study')
    .select([
      'id',
      'code',
      'name_en as nameEn',
      'name_zh as nameZh',
      'scorecard_code as scorecardCode',
      'definition',
      'updated_at as updatedAt',
      'updated_by as updatedBy',
    ]);
}

export async function findStudyByCode(db: Executor, code: string): Promise<StudyRecord | undefined> {
  return selectStudies(db).where('code', '=', code).executeTakeFirst();
}

/** Every saved study, by code. */
export async function listStudies(db: Executor): Promise<StudyRecord[]> {
  return selectStudies(db).orderBy('code').execute();
}

export interface StudyWrite {
  readonly code: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly scorecardCode: string;
  /** The study file as JSON text. */
  readonly definition: string;
  readonly now: Date;
  readonly by: string;
}

export async function insertStudy(db: Executor, study: StudyWrite): Promise<void> {
  await db
    .insertInto('study')
    .values({
      code: study.code,
      name_en: study.nameEn,
      name_zh: study.nameZh,
      scorecard_code: study.scorecardCode,
      definition: study.definition,
      created_at: study.now,
      updated_at: study.now,
      updated_by: study.by,
    })
    .execute();
}

export async function updateStudy(db: Executor, study: StudyWrite): Promise<void> {
  await db
    .updateTable('study')
    .set({
      name_en: study.nameEn,
      name_zh: study.nameZh,
      scorecard_code: study.scorecardCode,
      definition: study.definition,
      updated_at: study.now,
      updated_by: study.by,
    })
    .where('code', '=', study.code)
    .execute();
}

export async function deleteStudy(db: Executor, code: string): Promise<void> {
  await db.deleteFrom('study').where('code', '=', code).execute();
}

export interface StudyRatingRow {
  readonly orgUnitId: number;
  readonly indicator: string;
  readonly periodId: string;
  readonly score: number;
}

/** The raters' scores of one scorecard for some units and periods (qualitative indicators in a study). */
export async function loadStudyRatings(
  db: Executor,
  query: {
    readonly rootId: number;
    readonly scorecardId: number;
    readonly orgUnitIds: readonly number[];
    readonly periods: readonly string[];
  },
): Promise<StudyRatingRow[]> {
  if (query.orgUnitIds.length === 0 || query.periods.length === 0) return [];
  return db
    .selectFrom('assessment')
    .select(['org_unit_id as orgUnitId', 'indicator_code as indicator', 'period_id as periodId', 'score'])
    .where('root_id', '=', query.rootId)
    .where('scorecard_id', '=', query.scorecardId)
    .where('org_unit_id', 'in', query.orgUnitIds)
    .where('period_id', 'in', query.periods)
    .orderBy('period_id')
    .orderBy('org_unit_id')
    .orderBy('rater')
    .execute();
}
