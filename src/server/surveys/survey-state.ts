/**
 * A stored survey read whole, in the contracts' shapes: its nodes (as the hierarchy was at creation), its
 * experts with their links' states and progress, and every expert's answers aligned with the nodes' pairs
 * (what core/surveys computes with).
 */
import { z } from 'zod';
import {
  type Survey,
  type SurveyExpert,
  type SurveyLink,
  type SurveyNode,
  surveyElementSchema,
} from '../../core/contracts/surveys.ts';
import { notFound } from '../../core/errors/problem.ts';
import { localizedTextSchema } from '../../core/scorecard/schema-parts.ts';
import {
  countAnswered,
  type ExpertAnswers,
  type NodeValues,
  pairsOf,
  type SurveyAhpSettings,
  scaleMeanings,
} from '../../core/surveys/index.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  findSurvey,
  latestSurveyLinks,
  listSurveyAnswers,
  listSurveyApplications,
  listSurveyExperts,
  listSurveyNodes,
  type SurveyAnswerRecord,
  type SurveyExpertRecord,
  type SurveyLinkRecord,
  type SurveyNodeRecord,
  type SurveyRecord,
} from '../../db/repositories/survey.repository.ts';
import { isoTime, localized } from '../services/format.ts';

export interface SurveyState {
  readonly record: SurveyRecord;
  readonly nodes: readonly SurveyNode[];
  readonly experts: readonly SurveyExpertRecord[];
  readonly links: ReadonlyMap<number, SurveyLinkRecord>;
  /** Per expert id, per node key: the judgments aligned with the node's pairs. */
  readonly answers: ReadonlyMap<number, ReadonlyMap<string, NodeValues>>;
}

const elementsSchema = z.array(surveyElementSchema);

export function toSurveyNode(row: SurveyNodeRecord): SurveyNode {
  const elements = elementsSchema.parse(row.elements);
  return {
    key: row.key,
    parent: row.parentKey,
    parentElement: row.parentElement,
    level: row.level,
    title: localizedTextSchema.parse(row.title),
    elements,
    pairs: pairsOf(elements.length),
  };
}

/** The position of pair (i, j) in `pairsOf(n)`'s order, or -1 when it is not a pair of n elements. */
export function pairIndex(n: number, i: number, j: number): number {
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j <= i || j >= n) return -1;
  // Rows 0..i−1 hold (n−1) + (n−2) + … + (n−i) pairs.
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Answers grouped per expert and node, aligned with each node's pairs (null: not judged). */
export function groupAnswers(
  nodes: readonly SurveyNode[],
  answers: readonly SurveyAnswerRecord[],
): Map<number, Map<string, (number | null)[]>> {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const out = new Map<number, Map<string, (number | null)[]>>();
  for (const a of answers) {
    const node = byKey.get(a.nodeKey);
    if (node === undefined) continue;
    const index = pairIndex(node.elements.length, a.i, a.j);
    if (index < 0) continue;
    const expert = out.get(a.expertId) ?? new Map<string, (number | null)[]>();
    const values = expert.get(a.nodeKey) ?? node.pairs.map(() => null);
    values[index] = a.value;
    expert.set(a.nodeKey, values);
    out.set(a.expertId, expert);
  }
  return out;
}

/** The survey `id` read whole (404 when there is none). */
export async function loadSurveyState(db: Executor, id: number): Promise<SurveyState> {
  const record = await findSurvey(db, id);
  if (record === undefined) throw notFound('survey.not-found', { id });
  const [nodeRows, experts, answerRows] = await Promise.all([
    listSurveyNodes(db, id),
    listSurveyExperts(db, id),
    listSurveyAnswers(db, id),
  ]);
  const nodes = nodeRows.map(toSurveyNode);
  const links = await latestSurveyLinks(
    db,
    experts.map((e) => e.id),
  );
  return { record, nodes, experts, links, answers: groupAnswers(nodes, answerRows) };
}

export function settingsOf(record: SurveyRecord): SurveyAhpSettings {
  return { scale: record.scale, riTable: record.riTable, threshold: record.threshold };
}

export function toSurveyLink(link: SurveyLinkRecord | undefined, now: Date): SurveyLink {
  if (link === undefined) return { state: 'none', createdAt: null, expiresAt: null, lastUsedAt: null };
  const state = link.revokedAt !== null ? 'revoked' : link.expiresAt <= now ? 'expired' : 'active';
  return {
    state,
    createdAt: isoTime(link.createdAt),
    expiresAt: isoTime(link.expiresAt),
    lastUsedAt: link.lastUsedAt === null ? null : isoTime(link.lastUsedAt),
  };
}

/** An expert as the contract shows them, with their link's state and how far they got. */
export function toSurveyExpert(state: SurveyState, expert: SurveyExpertRecord, now: Date): SurveyExpert {
  const answers = state.answers.get(expert.id);
  let answered = 0;
  let total = 0;
  let completeNodes = 0;
  for (const node of state.nodes) {
    const given = countAnswered(answers?.get(node.key) ?? []);
    answered += given;
    total += node.pairs.length;
    if (given === node.pairs.length) completeNodes += 1;
  }
  return {
    id: expert.id,
    name: expert.name,
    email: expert.email,
    weight: expert.weight,
    link: toSurveyLink(state.links.get(expert.id), now),
    answered,
    total,
    completeNodes,
    submittedAt: expert.submittedAt === null ? null : isoTime(expert.submittedAt),
  };
}

/** Every expert's answers as core/surveys reads them. */
export function expertAnswersOf(state: SurveyState): ExpertAnswers[] {
  return state.experts.map((e) => ({
    id: e.id,
    name: e.name,
    weight: e.weight,
    answers: state.answers.get(e.id) ?? new Map(),
  }));
}

export async function toSurvey(db: Executor, state: SurveyState, now: Date): Promise<Survey> {
  const { record } = state;
  const applications = await listSurveyApplications(db, record.id);
  return {
    id: record.id,
    scorecard: record.scorecardCode,
    scorecardName: localized(record.scorecardNameEn, record.scorecardNameZh),
    basedOnWeightVersion: record.weightVersion,
    title: record.title,
    description: record.description,
    scale: record.scale,
    scaleMeanings: [...scaleMeanings(record.scale)],
    riTable: record.riTable,
    threshold: record.threshold,
    allowPartial: record.allowPartial,
    language: record.language,
    status: record.status,
    createdBy: record.createdBy,
    createdAt: isoTime(record.createdAt),
    closedAt: record.closedAt === null ? null : isoTime(record.closedAt),
    nodes: [...state.nodes],
    experts: state.experts.map((e) => toSurveyExpert(state, e, now)),
    applications: applications.map((a) => ({
      id: a.id,
      weightVersion: a.weightVersion,
      effectiveFrom: a.effectiveFrom,
      aggregation: a.aggregation,
      inconsistent: a.inconsistent,
      expertsCounted: a.expertsCounted,
      appliedBy: a.appliedBy,
      appliedAt: isoTime(a.appliedAt),
    })),
  };
}
