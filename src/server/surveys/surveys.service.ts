/**
 * Surveys as strategists manage them (the design roles, core/access/policy.ts): create one from a scorecard's
 * hierarchy with its panel, list and read them, add an expert, follow the progress and close a survey. Every
 * change is audited. Experts' links: survey-links.service.ts; answers: survey-answers.service.ts; results and
 * applying them: survey-results.service.ts.
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  CreateSurveyBody,
  ListSurveysQuery,
  Survey,
  SurveyExpert,
  SurveyExpertBody,
  SurveyProgress,
  SurveySummary,
} from '../../core/contracts/surveys.ts';
import { conflict } from '../../core/errors/problem.ts';
import { buildSurveyNodes, countAnswered, nodeConsistency } from '../../core/surveys/index.ts';
import { findStructureVersion, findWeightVersion } from '../../db/repositories/scorecard.repository.ts';
import {
  insertSurvey,
  insertSurveyExpert,
  insertSurveyNodes,
  listSurveys,
  lockSurvey,
  type SurveyRecord,
  setSurveyStatus,
} from '../../db/repositories/survey.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime, toPage } from '../services/format.ts';
import { requireScorecard } from '../services/lookups.ts';
import { mergeScorecardFile } from '../services/scorecard-files.ts';
import { loadSurveyState, settingsOf, toSurvey, toSurveyExpert } from './survey-state.ts';

function toSummary(
  row: SurveyRecord & { readonly experts: number; readonly submitted: number },
): SurveySummary {
  return {
    id: row.id,
    scorecard: row.scorecardCode,
    title: row.title,
    status: row.status,
    scale: row.scale,
    experts: row.experts,
    submitted: row.submitted,
    createdBy: row.createdBy,
    createdAt: isoTime(row.createdAt),
    closedAt: row.closedAt === null ? null : isoTime(row.closedAt),
  };
}

export function summaryOf(survey: Survey): SurveySummary {
  return {
    id: survey.id,
    scorecard: survey.scorecard,
    title: survey.title,
    status: survey.status,
    scale: survey.scale,
    experts: survey.experts.length,
    submitted: survey.experts.filter((e) => e.submittedAt !== null).length,
    createdBy: survey.createdBy,
    createdAt: survey.createdAt,
    closedAt: survey.closedAt,
  };
}

/**
 * Creates a survey of the scorecard's current hierarchy and weights: the perspectives, then per perspective
 * its objectives (where it has them and `includeObjectives`) and indicators, with the panel of experts. No
 * links yet: each expert's link is made on request (it is shown once).
 */
export async function createSurvey(
  ctx: ServerContext,
  actor: Actor,
  body: CreateSurveyBody,
): Promise<Survey> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<Survey>(ctx, actor, async (trx) => {
    const scorecard = await requireScorecard(trx, body.scorecard);
    const structure = await findStructureVersion(trx, scorecard.id);
    const weights = await findWeightVersion(trx, scorecard.id);
    if (structure === undefined || weights === undefined) {
      throw new Error(`The scorecard '${scorecard.code}' has no structure or weight version.`);
    }
    const file = mergeScorecardFile(structure, weights);
    const nodes = buildSurveyNodes(file, body.includeObjectives);
    const now = ctx.now();
    const id = await insertSurvey(trx, {
      scorecardId: scorecard.id,
      weightVersionId: weights.id,
      title: body.title,
      description: body.description ?? null,
      scale: body.scale,
      riTable: body.riTable,
      threshold: body.threshold,
      allowPartial: body.allowPartial,
      includeObjectives: body.includeObjectives,
      language: body.language,
      createdBy: actor.id,
      now,
    });
    await insertSurveyNodes(
      trx,
      id,
      nodes.map((n) => ({
        key: n.key,
        parentKey: n.parent,
        parentElement: n.parentElement,
        level: n.level,
        title: n.title,
        elements: n.elements.map((e) => ({ id: e.id, name: { ...e.name } })),
      })),
    );
    for (const [position, expert] of body.experts.entries()) {
      await insertSurveyExpert(trx, id, {
        position,
        name: expert.name,
        email: expert.email ?? null,
        weight: expert.weight,
        language: expert.language ?? null,
        now,
      });
    }
    const survey = await toSurvey(trx, await loadSurveyState(trx, id), now);
    return {
      result: survey,
      audit: [
        {
          action: 'create',
          entity: 'survey',
          entityKey: String(id),
          newValue: {
            scorecard: scorecard.code,
            weightVersion: weights.version,
            title: body.title,
            scale: body.scale,
            riTable: body.riTable,
            threshold: body.threshold,
            allowPartial: body.allowPartial,
            nodes: nodes.map((n) => n.key),
            experts: body.experts.map((e) => ({ name: e.name, weight: e.weight })),
          },
        },
      ],
      touched: [],
    };
  });
}

export async function listSurveysPage(
  ctx: ServerContext,
  actor: Actor,
  query: ListSurveysQuery,
): Promise<Page<SurveySummary>> {
  requireSomeRole(actor, DESIGN_ROLES);
  const db = ctx.db.kysely;
  const scorecardId =
    query.scorecard === undefined ? undefined : (await requireScorecard(db, query.scorecard)).id;
  const rows = await listSurveys(
    db,
    {
      ...(scorecardId === undefined ? {} : { scorecardId }),
      ...(query.status === undefined ? {} : { status: query.status }),
    },
    query,
  );
  return toPage(rows, query, toSummary);
}

export async function getSurvey(ctx: ServerContext, actor: Actor, id: number): Promise<Survey> {
  requireSomeRole(actor, DESIGN_ROLES);
  const db = ctx.db.kysely;
  return toSurvey(db, await loadSurveyState(db, id), ctx.now());
}

/** Adds an expert to an open survey's panel. */
export async function addSurveyExpert(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly body: SurveyExpertBody },
): Promise<SurveyExpert> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<SurveyExpert>(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    const before = await loadSurveyState(trx, input.id);
    if (before.record.status !== 'open') throw conflict('survey.closed', { id: input.id });
    const now = ctx.now();
    const expert = await insertSurveyExpert(trx, input.id, {
      position: before.experts.length,
      name: input.body.name,
      email: input.body.email ?? null,
      weight: input.body.weight,
      language: input.body.language ?? null,
      now,
    });
    const state = await loadSurveyState(trx, input.id);
    return {
      result: toSurveyExpert(state, expert, now),
      audit: [
        {
          action: 'create',
          entity: 'survey_expert',
          entityKey: `${input.id}/${expert.id}`,
          newValue: { name: expert.name, email: expert.email, weight: expert.weight },
        },
      ],
      touched: [],
    };
  });
}

/** Who has answered which nodes, with each complete node's CR. */
export async function getSurveyProgress(
  ctx: ServerContext,
  actor: Actor,
  id: number,
): Promise<SurveyProgress> {
  requireSomeRole(actor, DESIGN_ROLES);
  const state = await loadSurveyState(ctx.db.kysely, id);
  const now = ctx.now();
  const settings = settingsOf(state.record);
  return {
    survey: id,
    status: state.record.status,
    experts: state.experts.map((expert) => {
      const answers = state.answers.get(expert.id);
      return {
        ...toSurveyExpert(state, expert, now),
        nodes: state.nodes.map((node) => {
          const values = answers?.get(node.key) ?? node.pairs.map(() => null);
          return {
            key: node.key,
            answered: countAnswered(values),
            total: node.pairs.length,
            cr: nodeConsistency(node, values, settings)?.cr ?? null,
          };
        }),
      };
    }),
  };
}

/** Closes an open survey: no more answers; the results are final. */
export async function closeSurvey(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly note?: string | undefined },
): Promise<Survey> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<Survey>(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    const before = await loadSurveyState(trx, input.id);
    if (before.record.status !== 'open') throw conflict('survey.closed', { id: input.id });
    const now = ctx.now();
    await setSurveyStatus(trx, input.id, { status: 'closed', at: now, by: actor.id });
    const survey = await toSurvey(trx, await loadSurveyState(trx, input.id), now);
    return {
      result: survey,
      audit: [
        {
          action: 'close',
          entity: 'survey',
          entityKey: String(input.id),
          oldValue: { status: 'open' },
          newValue: {
            status: 'closed',
            submitted: survey.experts.filter((e) => e.submittedAt !== null).length,
          },
          reason: input.note ?? null,
        },
      ],
      touched: [],
    };
  });
}
