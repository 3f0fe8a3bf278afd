/**
 * The paper questionnaire: an expert's XLSX or PDF (for the strategist, or for the expert through their link),
 * and the import of a filled-in XLSX, checked whole (sheet- and row-level coded errors) with a dry run by
 * default; nothing is written unless every cell is right. Each imported judgment that changes is audited.
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type {
  ImportAnswersBody,
  ImportAnswersResult,
  QuestionnaireFileQuery,
} from '../../core/contracts/surveys.ts';
import { conflict, issue, notFound } from '../../core/errors/problem.ts';
import { countAnswered, nodeConsistency, scaleMeanings } from '../../core/surveys/index.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import { lockSurvey, upsertSurveyAnswers } from '../../db/repositories/survey.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { writeQuestionnairePdf } from './questionnaire-pdf.ts';
import {
  type QuestionnaireFacts,
  readQuestionnaireXlsx,
  writeQuestionnaireXlsx,
} from './questionnaire-xlsx.ts';
import type { LinkSession } from './survey-answers.service.ts';
import { loadSurveyState, type SurveyState, settingsOf } from './survey-state.ts';

export interface QuestionnaireFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

function factsOf(state: SurveyState, expertId: number): QuestionnaireFacts {
  const expert = state.experts.find((e) => e.id === expertId);
  if (expert === undefined) {
    throw notFound('survey.expert-not-found', { survey: state.record.id, expert: expertId });
  }
  return {
    surveyId: state.record.id,
    expertId,
    title: state.record.title,
    expert: expert.name,
    scale: state.record.scale,
    meanings: scaleMeanings(state.record.scale),
    nodes: state.nodes,
    answers: state.answers.get(expertId) ?? new Map(),
  };
}

async function fileOf(
  state: SurveyState,
  expertId: number,
  query: QuestionnaireFileQuery,
): Promise<QuestionnaireFile> {
  const facts = factsOf(state, expertId);
  const base = `survey-${state.record.id}-expert-${expertId}`;
  return query.format === 'pdf'
    ? {
        filename: `${base}.pdf`,
        contentType: 'application/pdf',
        bytes: await writeQuestionnairePdf(facts, query.language),
      }
    : {
        filename: `${base}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await writeQuestionnaireXlsx(facts, query.language),
      };
}

/** An expert's questionnaire, for the strategist to print or send. */
export async function exportQuestionnaire(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly expertId: number; readonly query: QuestionnaireFileQuery },
): Promise<QuestionnaireFile> {
  requireSomeRole(actor, DESIGN_ROLES);
  return fileOf(await loadSurveyState(ctx.db.kysely, input.id), input.expertId, input.query);
}

/** The expert's own questionnaire through their link. */
export async function exportOwnQuestionnaire(
  ctx: ServerContext,
  session: LinkSession,
  query: QuestionnaireFileQuery,
): Promise<QuestionnaireFile> {
  return fileOf(await loadSurveyState(ctx.db.kysely, session.surveyId), session.expertId, query);
}

/**
 * Imports an expert's filled-in XLSX: every cell checked first; with no error and `dryRun: false` the judgments
 * read replace the expert's (empty cells leave a judgment as it is). 409 when the survey is closed or the
 * expert has submitted.
 */
export async function importAnswers(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly expertId: number; readonly body: ImportAnswersBody },
): Promise<ImportAnswersResult> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<ImportAnswersResult>(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    const state = await loadSurveyState(trx, input.id);
    factsOf(state, input.expertId);
    const expert = state.experts.find((e) => e.id === input.expertId);
    if (state.record.status !== 'open') throw conflict('survey.closed', { id: input.id });
    if (expert?.submittedAt !== null) throw conflict('survey.submitted');
    const read = await readQuestionnaireXlsx(
      Buffer.from(input.body.file, 'base64'),
      state.nodes,
      state.record.scale,
    );
    const errors = [...read.errors];
    if (errors.length === 0 && (read.surveyId !== input.id || read.expertId !== input.expertId)) {
      errors.push(
        issue('survey.file-other-expert', { survey: read.surveyId, expert: read.expertId }, ['file']),
      );
    }
    const before = state.answers.get(input.expertId);
    const now = ctx.now();
    const changes: { nodeKey: string; i: number; j: number; value: number; old: number | null }[] = [];
    const after = new Map<string, (number | null)[]>();
    for (const node of state.nodes) {
      const old = before?.get(node.key) ?? node.pairs.map(() => null);
      const read_ = read.answers.get(node.key) ?? [];
      const merged = node.pairs.map((_, k) => read_[k] ?? old[k] ?? null);
      after.set(node.key, merged);
      node.pairs.forEach(({ i, j }, k) => {
        const value = read_[k];
        if (value !== null && value !== undefined && value !== old[k]) {
          changes.push({ nodeKey: node.key, i, j, value, old: old[k] ?? null });
        }
      });
    }
    const write = errors.length === 0 && !input.body.dryRun;
    if (write) {
      await upsertSurveyAnswers(
        trx,
        changes.map((c) => ({
          expertId: input.expertId,
          nodeKey: c.nodeKey,
          i: c.i,
          j: c.j,
          value: c.value,
          source: 'paper' as const,
          at: now,
        })),
      );
    }
    const settings = settingsOf(state.record);
    const audit: AuditEntry[] = write
      ? changes.map((c) => ({
          action: c.old === null ? 'create' : 'update',
          entity: 'survey_answer',
          entityKey: `${input.id}/${input.expertId}/${c.nodeKey}/${c.i}-${c.j}`,
          oldValue: c.old === null ? undefined : { value: c.old },
          newValue: { value: c.value, source: 'paper' },
        }))
      : [];
    return {
      result: {
        dryRun: input.body.dryRun,
        written: write,
        judgments: [...read.answers.values()].reduce((s, v) => s + countAnswered(v), 0),
        errors,
        nodes: state.nodes.map((node) => {
          const values = after.get(node.key) ?? [];
          return {
            key: node.key,
            answered: countAnswered(values),
            consistency: nodeConsistency(node, values, settings),
          };
        }),
      },
      audit,
      touched: [],
    };
  });
}
