/**
 * AHP surveys (migration 202612062100_surveys): a survey with its comparison nodes and experts, the experts'
 * links (by the token's hash), their judgments, and the applications of a result as a weight version with the
 * provenance each weight version keeps. Applications and provenance are append-only.
 */
import type { Selectable } from 'kysely';
import type { JsonValue, SurveyTable } from '../schema.ts';
import type { Executor, PageRows, PageWindow } from './query-helpers.ts';

type SurveyRow = Selectable<SurveyTable>;

export interface SurveyRecord {
  readonly id: number;
  readonly scorecardId: number;
  readonly scorecardCode: string;
  readonly scorecardNameEn: string;
  readonly scorecardNameZh: string | null;
  readonly weightVersionId: number;
  readonly weightVersion: number;
  readonly title: string;
  readonly description: string | null;
  readonly scale: SurveyRow['scale'];
  readonly riTable: SurveyRow['ri_table'];
  readonly threshold: number;
  readonly allowPartial: boolean;
  readonly includeObjectives: boolean;
  readonly language: SurveyRow['language'];
  readonly status: SurveyRow['status'];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
}

export interface NewSurvey {
  readonly scorecardId: number;
  readonly weightVersionId: number;
  readonly title: string;
  readonly description: string | null;
  readonly scale: SurveyRow['scale'];
  readonly riTable: SurveyRow['ri_table'];
  readonly threshold: number;
  readonly allowPartial: boolean;
  readonly includeObjectives: boolean;
  readonly language: SurveyRow['language'];
  readonly createdBy: string;
  readonly now: Date;
}

export interface SurveyNodeRecord {
  readonly key: string;
  readonly parentKey: string | null;
  readonly parentElement: string | null;
  readonly level: 'perspectives' | 'objectives' | 'indicators';
  readonly title: JsonValue;
  readonly elements: JsonValue;
}

export interface SurveyExpertRecord {
  readonly id: number;
  readonly surveyId: number;
  readonly position: number;
  readonly name: string;
  readonly email: string | null;
  readonly weight: number;
  readonly submittedAt: Date | null;
  /** Reminders' language; null: the survey's. */
  readonly language: 'zh-CN' | 'en' | null;
}

export interface SurveyLinkRecord {
  readonly id: number;
  readonly expertId: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export interface SurveyAnswerRecord {
  readonly expertId: number;
  readonly nodeKey: string;
  readonly i: number;
  readonly j: number;
  readonly value: number;
}

export interface SurveyApplicationRecord {
  readonly id: number;
  readonly surveyId: number;
  readonly weightVersionId: number;
  readonly weightVersion: number;
  readonly effectiveFrom: string | null;
  readonly aggregation: 'aij' | 'aip';
  readonly inconsistent: 'include' | 'exclude';
  readonly expertsCounted: number;
  readonly expertsTotal: number;
  readonly appliedBy: string;
  readonly appliedAt: Date;
}

export interface WeightProvenanceRecord {
  readonly weightVersionId: number;
  readonly applicationId: number;
  readonly overridden: boolean;
  readonly surveyId: number;
  readonly surveyTitle: string;
  readonly aggregation: 'aij' | 'aip';
  readonly inconsistent: 'include' | 'exclude';
  readonly expertsCounted: number;
  readonly expertsTotal: number;
  readonly appliedBy: string;
  readonly appliedAt: Date;
}

function selectSurveys(db: Executor) {
  return db
    .selectFrom('survey as s')
    .innerJoin('scorecard as c', 'c.id', 's.scorecard_id')
    .innerJoin('weight_version as w', 'w.id', 's.weight_version_id')
    .select([
      's.id',
      's.scorecard_id as scorecardId',
      'c.code as scorecardCode',
      'c.name_en as scorecardNameEn',
      'c.name_zh as scorecardNameZh',
      's.weight_version_id as weightVersionId',
      'w.version as weightVersion',
      's.title',
      's.description',
      's.scale',
      's.ri_table as riTable',
      's.threshold',
      's.allow_partial as allowPartial',
      's.include_objectives as includeObjectives',
      's.language',
      's.status',
      's.created_by as createdBy',
      's.created_at as createdAt',
      's.closed_at as closedAt',
    ]);
}

export async function insertSurvey(db: Executor, survey: NewSurvey): Promise<number> {
  const row = await db
    .insertInto('survey')
    .values({
      scorecard_id: survey.scorecardId,
      weight_version_id: survey.weightVersionId,
      title: survey.title,
      description: survey.description,
      scale: survey.scale,
      ri_table: survey.riTable,
      threshold: survey.threshold,
      allow_partial: survey.allowPartial,
      include_objectives: survey.includeObjectives,
      language: survey.language,
      created_by: survey.createdBy,
      created_at: survey.now,
      closed_at: null,
      closed_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSurveyNodes(
  db: Executor,
  surveyId: number,
  nodes: readonly SurveyNodeRecord[],
): Promise<void> {
  if (nodes.length === 0) return;
  await db
    .insertInto('survey_node')
    .values(
      nodes.map((n, position) => ({
        survey_id: surveyId,
        key: n.key,
        position,
        parent_key: n.parentKey,
        parent_element: n.parentElement,
        level: n.level,
        title: JSON.stringify(n.title),
        elements: JSON.stringify(n.elements),
      })),
    )
    .execute();
}

export async function insertSurveyExpert(
  db: Executor,
  surveyId: number,
  expert: {
    readonly position: number;
    readonly name: string;
    readonly email: string | null;
    readonly weight: number;
    readonly language?: 'zh-CN' | 'en' | null;
    readonly now: Date;
  },
): Promise<SurveyExpertRecord> {
  const row = await db
    .insertInto('survey_expert')
    .values({
      survey_id: surveyId,
      position: expert.position,
      name: expert.name,
      email: expert.email,
      weight: expert.weight,
      submitted_at: null,
      created_at: expert.now,
      language: expert.language ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    surveyId,
    position: expert.position,
    name: expert.name,
    email: expert.email,
    weight: expert.weight,
    submittedAt: null,
    language: expert.language ?? null,
  };
}

export async function findSurvey(db: Executor, id: number): Promise<SurveyRecord | undefined> {
  return selectSurveys(db).where('s.id', '=', id).executeTakeFirst();
}

/** Locks a survey's row until the transaction ends (closing, applying and answering take turns). */
export async function lockSurvey(db: Executor, id: number): Promise<void> {
  await db.selectFrom('survey').select('id').where('id', '=', id).forUpdate().execute();
}

export async function listSurveys(
  db: Executor,
  filter: { readonly scorecardId?: number; readonly status?: SurveyRow['status'] },
  window: PageWindow,
): Promise<PageRows<SurveyRecord & { readonly experts: number; readonly submitted: number }>> {
  const base = selectSurveys(db)
    .$if(filter.scorecardId !== undefined, (qb) => qb.where('s.scorecard_id', '=', filter.scorecardId ?? 0))
    .$if(filter.status !== undefined, (qb) => qb.where('s.status', '=', filter.status ?? 'open'));
  const [rows, count] = await Promise.all([
    base
      .select((eb) => [
        eb
          .selectFrom('survey_expert as e')
          .whereRef('e.survey_id', '=', 's.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('experts'),
        eb
          .selectFrom('survey_expert as e')
          .whereRef('e.survey_id', '=', 's.id')
          .where('e.submitted_at', 'is not', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('submitted'),
      ])
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, experts: Number(r.experts ?? 0), submitted: Number(r.submitted ?? 0) })),
    total: Number(count.n),
  };
}

/** One node of a survey, or undefined. */
export async function findSurveyNode(
  db: Executor,
  surveyId: number,
  key: string,
): Promise<SurveyNodeRecord | undefined> {
  const row = await db
    .selectFrom('survey_node')
    .select([
      'key',
      'parent_key as parentKey',
      'parent_element as parentElement',
      'level',
      'title',
      'elements',
    ])
    .where('survey_id', '=', surveyId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...row, title: row.title ?? null, elements: row.elements ?? null };
}

/** One expert's judgments of one node. */
export async function listNodeAnswers(
  db: Executor,
  expertId: number,
  nodeKey: string,
): Promise<SurveyAnswerRecord[]> {
  return db
    .selectFrom('survey_answer')
    .select(['expert_id as expertId', 'node_key as nodeKey', 'i', 'j', 'value'])
    .where('expert_id', '=', expertId)
    .where('node_key', '=', nodeKey)
    .execute();
}

export async function listSurveyNodes(db: Executor, surveyId: number): Promise<SurveyNodeRecord[]> {
  const rows = await db
    .selectFrom('survey_node')
    .select([
      'key',
      'parent_key as parentKey',
      'parent_element as parentElement',
      'level',
      'title',
      'elements',
    ])
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, title: r.title ?? null, elements: r.elements ?? null }));
}

const EXPERT_COLUMNS = [
  'id',
  'survey_id as surveyId',
  'position',
  'name',
  'email',
  'weight',
  'submitted_at as submittedAt',
  'language',
] as const;

export async function listSurveyExperts(db: Executor, surveyId: number): Promise<SurveyExpertRecord[]> {
  return db
    .selectFrom('survey_expert')
    .select(EXPERT_COLUMNS)
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
}

export async function findSurveyExpert(
  db: Executor,
  surveyId: number,
  expertId: number,
): Promise<SurveyExpertRecord | undefined> {
  return db
    .selectFrom('survey_expert')
    .select(EXPERT_COLUMNS)
    .where('survey_id', '=', surveyId)
    .where('id', '=', expertId)
    .executeTakeFirst();
}

export async function setExpertSubmitted(db: Executor, expertId: number, at: Date | null): Promise<void> {
  await db.updateTable('survey_expert').set({ submitted_at: at }).where('id', '=', expertId).execute();
}

export async function setSurveyStatus(
  db: Executor,
  surveyId: number,
  change: { readonly status: 'closed' | 'applied'; readonly at?: Date; readonly by?: string },
): Promise<void> {
  await db
    .updateTable('survey')
    .set({
      status: change.status,
      ...(change.at === undefined ? {} : { closed_at: change.at, closed_by: change.by ?? null }),
    })
    .where('id', '=', surveyId)
    .execute();
}

// ---- Links ------------------------------------------------------------------------------------------------

const LINK_COLUMNS = [
  'id',
  'expert_id as expertId',
  'created_at as createdAt',
  'expires_at as expiresAt',
  'revoked_at as revokedAt',
  'last_used_at as lastUsedAt',
] as const;

/** Each expert's newest link (the only one that can work: a new link revokes the older). */
export async function latestSurveyLinks(
  db: Executor,
  expertIds: readonly number[],
): Promise<Map<number, SurveyLinkRecord>> {
  if (expertIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('survey_link')
    .select(LINK_COLUMNS)
    .where('expert_id', 'in', [...expertIds])
    .orderBy('expert_id')
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<number, SurveyLinkRecord>();
  for (const row of rows) if (!out.has(row.expertId)) out.set(row.expertId, row);
  return out;
}

export async function insertSurveyLink(
  db: Executor,
  link: {
    readonly expertId: number;
    readonly tokenHash: string;
    readonly createdBy: string;
    readonly now: Date;
    readonly expiresAt: Date;
  },
): Promise<SurveyLinkRecord> {
  return db
    .insertInto('survey_link')
    .values({
      expert_id: link.expertId,
      token_hash: link.tokenHash,
      created_by: link.createdBy,
      created_at: link.now,
      expires_at: link.expiresAt,
      revoked_at: null,
      revoked_by: null,
      last_used_at: null,
    })
    .returning(LINK_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Revokes every live link of an expert; returns how many. */
export async function revokeSurveyLinks(
  db: Executor,
  expertId: number,
  at: Date,
  by: string,
): Promise<number> {
  const rows = await db
    .updateTable('survey_link')
    .set({ revoked_at: at, revoked_by: by })
    .where('expert_id', '=', expertId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** A link by its token's hash, with its expert and survey ids. */
export async function findSurveyLinkByHash(
  db: Executor,
  tokenHash: string,
): Promise<(SurveyLinkRecord & { readonly surveyId: number }) | undefined> {
  return db
    .selectFrom('survey_link as l')
    .innerJoin('survey_expert as e', 'e.id', 'l.expert_id')
    .select([
      'l.id',
      'l.expert_id as expertId',
      'l.created_at as createdAt',
      'l.expires_at as expiresAt',
      'l.revoked_at as revokedAt',
      'l.last_used_at as lastUsedAt',
      'e.survey_id as surveyId',
    ])
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSurveyLink(db: Executor, id: number, at: Date): Promise<void> {
  await db.updateTable('survey_link').set({ last_used_at: at }).where('id', '=', id).execute();
}

// ---- Answers ----------------------------------------------------------------------------------------------

export async function listSurveyAnswers(
  db: Executor,
  surveyId: number,
  expertId?: number,
): Promise<SurveyAnswerRecord[]> {
  return db
    .selectFrom('survey_answer as a')
    .innerJoin('survey_expert as e', 'e.id', 'a.expert_id')
    .select(['a.expert_id as expertId', 'a.node_key as nodeKey', 'a.i', 'a.j', 'a.value'])
    .where('e.survey_id', '=', surveyId)
    .$if(expertId !== undefined, (qb) => qb.where('a.expert_id', '=', expertId ?? 0))
    .orderBy('a.expert_id')
    .orderBy('a.node_key')
    .orderBy('a.i')
    .orderBy('a.j')
    .execute();
}

/** Stores judgments (one per expert × node × pair: a later one replaces the earlier). */
export async function upsertSurveyAnswers(
  db: Executor,
  answers: readonly (SurveyAnswerRecord & { readonly source: 'link' | 'paper'; readonly at: Date })[],
): Promise<void> {
  if (answers.length === 0) return;
  await db
    .insertInto('survey_answer')
    .values(
      answers.map((a) => ({
        expert_id: a.expertId,
        node_key: a.nodeKey,
        i: a.i,
        j: a.j,
        value: a.value,
        source: a.source,
        answered_at: a.at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['expert_id', 'node_key', 'i', 'j']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        source: eb.ref('excluded.source'),
        answered_at: eb.ref('excluded.answered_at'),
      })),
    )
    .execute();
}

export async function deleteSurveyAnswer(
  db: Executor,
  answer: { readonly expertId: number; readonly nodeKey: string; readonly i: number; readonly j: number },
): Promise<void> {
  await db
    .deleteFrom('survey_answer')
    .where('expert_id', '=', answer.expertId)
    .where('node_key', '=', answer.nodeKey)
    .where('i', '=', answer.i)
    .where('j', '=', answer.j)
    .execute();
}

// ---- Applications and provenance --------------------------------------------------------------------------

export async function insertSurveyApplication(
  db: Executor,
  application: {
    readonly surveyId: number;
    readonly weightVersionId: number;
    readonly aggregation: 'aij' | 'aip';
    readonly inconsistent: 'include' | 'exclude';
    readonly expertsCounted: number;
    readonly expertsTotal: number;
    readonly result: JsonValue;
    readonly appliedBy: string;
    readonly now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('survey_application')
    .values({
      survey_id: application.surveyId,
      weight_version_id: application.weightVersionId,
      aggregation: application.aggregation,
      inconsistent: application.inconsistent,
      experts_counted: application.expertsCounted,
      experts_total: application.expertsTotal,
      result: JSON.stringify(application.result),
      applied_by: application.appliedBy,
      applied_at: application.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listSurveyApplications(
  db: Executor,
  surveyId: number,
): Promise<SurveyApplicationRecord[]> {
  return db
    .selectFrom('survey_application as a')
    .innerJoin('weight_version as w', 'w.id', 'a.weight_version_id')
    .select([
      'a.id',
      'a.survey_id as surveyId',
      'a.weight_version_id as weightVersionId',
      'w.version as weightVersion',
      'w.effective_from as effectiveFrom',
      'a.aggregation',
      'a.inconsistent',
      'a.experts_counted as expertsCounted',
      'a.experts_total as expertsTotal',
      'a.applied_by as appliedBy',
      'a.applied_at as appliedAt',
    ])
    .where('a.survey_id', '=', surveyId)
    .orderBy('a.id')
    .execute();
}

export async function insertWeightProvenance(
  db: Executor,
  provenance: {
    readonly weightVersionId: number;
    readonly applicationId: number;
    readonly overridden: boolean;
  },
): Promise<void> {
  await db
    .insertInto('weight_version_provenance')
    .values({
      weight_version_id: provenance.weightVersionId,
      application_id: provenance.applicationId,
      overridden: provenance.overridden,
    })
    .execute();
}

/** The provenance of the given weight versions (those made from a survey, or edited from one). */
export async function findWeightProvenance(
  db: Executor,
  weightVersionIds: readonly number[],
): Promise<Map<number, WeightProvenanceRecord>> {
  if (weightVersionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('weight_version_provenance as p')
    .innerJoin('survey_application as a', 'a.id', 'p.application_id')
    .innerJoin('survey as s', 's.id', 'a.survey_id')
    .select([
      'p.weight_version_id as weightVersionId',
      'p.application_id as applicationId',
      'p.overridden',
      's.id as surveyId',
      's.title as surveyTitle',
      'a.aggregation',
      'a.inconsistent',
      'a.experts_counted as expertsCounted',
      'a.experts_total as expertsTotal',
      'a.applied_by as appliedBy',
      'a.applied_at as appliedAt',
    ])
    .where('p.weight_version_id', 'in', [...weightVersionIds])
    .execute();
  return new Map(rows.map((r) => [r.weightVersionId, r]));
}
