/**
 * The expert's side of a survey, reached through their personal link: the token is the credential (a
 * `survey-expert` principal with no role, scoped to one survey and one expert), throttled
 * (survey-link-throttle.ts), expiring and revocable. The expert reads the questionnaire, saves one judgment at a
 * time (each audited, old → new) and gets the node's consistency back with, above the threshold, the three
 * judgments to revisit; then submits.
 */
import type {
  Questionnaire,
  SaveAnswerBody,
  SaveAnswerResult,
  SubmitAnswersResult,
} from '../../core/contracts/surveys.ts';
import { badRequest, conflict, unauthorized } from '../../core/errors/problem.ts';
import {
  countAnswered,
  isJudgmentOnScale,
  nodeConsistency,
  scaleMax,
  scaleMeanings,
} from '../../core/surveys/index.ts';
import {
  deleteSurveyAnswer,
  findSurvey,
  findSurveyExpert,
  findSurveyLinkByHash,
  findSurveyNode,
  listNodeAnswers,
  lockSurvey,
  setExpertSubmitted,
  touchSurveyLink,
  upsertSurveyAnswers,
} from '../../db/repositories/survey.repository.ts';
import { sha256Hex } from '../accounts/secrets.ts';
import type { Actor, ServerContext } from '../context.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime, localized } from '../services/format.ts';
import type { SurveyLinkThrottle } from './survey-link-throttle.ts';
import { SURVEY_TOKEN_PREFIX } from './survey-links.service.ts';
import {
  groupAnswers,
  loadSurveyState,
  pairIndex,
  type SurveyState,
  settingsOf,
  toSurveyNode,
} from './survey-state.ts';

/** Touch a link's `last_used_at` at most this often. */
const TOUCH_EVERY_MS = 60_000;

/** An authenticated link: who answers which survey, acting as whom in the audit trail. */
export interface LinkSession {
  readonly linkId: number;
  readonly surveyId: number;
  readonly expertId: number;
  readonly expiresAt: Date;
  readonly actor: Actor;
}

/** The actor of an expert's link: the audit trail's `survey-expert:<id>`, holding no role. */
export function expertActor(expertId: number, address: string | null): Actor {
  const id = `survey-expert:${expertId}`;
  return Object.freeze({
    id,
    address,
    principal: Object.freeze({ userId: id, kind: 'survey-expert', assignments: Object.freeze([]) }),
  });
}

/**
 * The link of `token`: 401 for an unknown or revoked one (counted against the address: a guess) or an expired
 * one; 429 while the address has guessed too often or the link is used too fast.
 */
export async function authenticateSurveyLink(
  ctx: ServerContext,
  throttle: SurveyLinkThrottle,
  token: string,
  address: string,
): Promise<LinkSession> {
  throttle.checkAddress(address);
  const db = ctx.db.kysely;
  const row = token.startsWith(SURVEY_TOKEN_PREFIX)
    ? await findSurveyLinkByHash(db, sha256Hex(token))
    : undefined;
  if (row === undefined || row.revokedAt !== null) {
    throttle.fail(address);
    throw unauthorized('survey.link-invalid');
  }
  const now = ctx.now();
  if (row.expiresAt <= now) throw unauthorized('survey.link-expired', { expiresAt: isoTime(row.expiresAt) });
  throttle.use(row.id);
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchSurveyLink(db, row.id, now);
  }
  return {
    linkId: row.id,
    surveyId: row.surveyId,
    expertId: row.expertId,
    expiresAt: row.expiresAt,
    actor: expertActor(row.expertId, address),
  };
}

function expertOf(state: SurveyState, expertId: number) {
  const expert = state.experts.find((e) => e.id === expertId);
  // A link names its expert by a foreign key: its absence would be a bug.
  if (expert === undefined) throw new Error(`Survey link of a missing expert ${expertId}.`);
  return expert;
}

export function questionnaireOf(state: SurveyState, session: LinkSession): Questionnaire {
  const { record } = state;
  const expert = expertOf(state, session.expertId);
  const answers = state.answers.get(expert.id);
  const settings = settingsOf(record);
  return {
    survey: {
      title: record.title,
      description: record.description,
      scorecardName: localized(record.scorecardNameEn, record.scorecardNameZh),
      scale: record.scale,
      scaleMeanings: [...scaleMeanings(record.scale)],
      threshold: record.threshold,
      allowPartial: record.allowPartial,
      status: record.status,
    },
    expert: {
      name: expert.name,
      submittedAt: expert.submittedAt === null ? null : isoTime(expert.submittedAt),
    },
    expiresAt: isoTime(session.expiresAt),
    editable: record.status === 'open' && expert.submittedAt === null,
    nodes: state.nodes.map((node) => {
      const values = answers?.get(node.key) ?? node.pairs.map(() => null);
      return {
        ...node,
        judgments: node.pairs.map(({ i, j }, k) => ({ i, j, value: values[k] ?? null })),
        answered: countAnswered(values),
        consistency: nodeConsistency(node, values, settings),
      };
    }),
  };
}

export async function getQuestionnaire(ctx: ServerContext, session: LinkSession): Promise<Questionnaire> {
  return questionnaireOf(await loadSurveyState(ctx.db.kysely, session.surveyId), session);
}

/** 409 unless the survey is open and the expert has not submitted. */
function requireEditable(state: SurveyState, expertId: number): void {
  if (state.record.status !== 'open') throw conflict('survey.closed', { id: state.record.id });
  if (expertOf(state, expertId).submittedAt !== null) throw conflict('survey.submitted');
}

/**
 * Saves (or, with null, clears) one judgment and returns the node's consistency after it, with the three most
 * inconsistent judgments when CR is not below the threshold. 400 for an unknown node or pair or a value off the
 * scale; 409 when the survey is closed or the expert has submitted.
 */
export async function saveAnswer(
  ctx: ServerContext,
  session: LinkSession,
  body: SaveAnswerBody,
): Promise<SaveAnswerResult> {
  // The one request an expert sends a hundred times: it reads only the survey, the expert and the node.
  return commitWrite<SaveAnswerResult>(ctx, session.actor, async (trx) => {
    await lockSurvey(trx, session.surveyId);
    const [record, expert, nodeRow] = await Promise.all([
      findSurvey(trx, session.surveyId),
      findSurveyExpert(trx, session.surveyId, session.expertId),
      findSurveyNode(trx, session.surveyId, body.node),
    ]);
    if (record === undefined || expert === undefined) throw new Error('A survey link without its survey.');
    if (record.status !== 'open') throw conflict('survey.closed', { id: record.id });
    if (expert.submittedAt !== null) throw conflict('survey.submitted');
    if (nodeRow === undefined) throw badRequest('survey.unknown-node', { node: body.node }, ['node']);
    const node = toSurveyNode(nodeRow);
    const index = pairIndex(node.elements.length, body.i, body.j);
    if (index < 0) throw badRequest('survey.unknown-pair', { node: node.key, i: body.i, j: body.j }, ['i']);
    if (body.value !== null && !isJudgmentOnScale(body.value, record.scale)) {
      throw badRequest('survey.off-scale', { value: body.value, max: scaleMax(record.scale) }, ['value']);
    }
    const stored = groupAnswers([node], await listNodeAnswers(trx, expert.id, node.key));
    const values = [...(stored.get(expert.id)?.get(node.key) ?? node.pairs.map(() => null))];
    const old = values[index] ?? null;
    const ref = { expertId: expert.id, nodeKey: node.key, i: body.i, j: body.j };
    if (body.value === null) await deleteSurveyAnswer(trx, ref);
    else await upsertSurveyAnswers(trx, [{ ...ref, value: body.value, source: 'link', at: ctx.now() }]);
    values[index] = body.value;
    return {
      result: {
        node: node.key,
        judgment: { i: body.i, j: body.j, value: body.value },
        answered: countAnswered(values),
        total: node.pairs.length,
        consistency: nodeConsistency(node, values, settingsOf(record)),
      },
      audit:
        old === body.value
          ? []
          : [
              {
                action: body.value === null ? 'delete' : old === null ? 'create' : 'update',
                entity: 'survey_answer',
                entityKey: `${session.surveyId}/${session.expertId}/${node.key}/${body.i}-${body.j}`,
                oldValue: old === null ? undefined : { value: old },
                newValue: body.value === null ? undefined : { value: body.value, source: 'link' },
              },
            ],
      touched: [],
    };
  });
}

/** The nodes an expert has left incomplete. */
export function incompleteNodes(state: SurveyState, expertId: number): string[] {
  const answers = state.answers.get(expertId);
  return state.nodes
    .filter((n) => countAnswered(answers?.get(n.key) ?? []) < n.pairs.length)
    .map((n) => n.key);
}

/** Marks the expert's answers as final. 400 listing the incomplete nodes unless the survey allows partial answers. */
export async function submitAnswers(ctx: ServerContext, session: LinkSession): Promise<SubmitAnswersResult> {
  return commitWrite<SubmitAnswersResult>(ctx, session.actor, async (trx) => {
    await lockSurvey(trx, session.surveyId);
    const state = await loadSurveyState(trx, session.surveyId);
    requireEditable(state, session.expertId);
    const incomplete = incompleteNodes(state, session.expertId);
    if (incomplete.length > 0 && !state.record.allowPartial) {
      throw badRequest('survey.incomplete', { nodes: incomplete.join(', ') });
    }
    const now = ctx.now();
    await setExpertSubmitted(trx, session.expertId, now);
    return {
      result: { submittedAt: isoTime(now), incompleteNodes: incomplete },
      audit: [
        {
          action: 'submit',
          entity: 'survey_expert',
          entityKey: `${session.surveyId}/${session.expertId}`,
          newValue: { submittedAt: isoTime(now), incompleteNodes: incomplete },
        },
      ],
      touched: [],
    };
  });
}
