/**
 * Evaluation and group reports as files (issue 15 §1): gathers a unit's published evaluation (or, for a period
 * not published, today's computation, reported as a draft), the periods it is compared with, its rank among its
 * peers, the weights with their AHP checks and the published source its method reproduces; builds the report's
 * content in core/reports and renders it as PDF or XLSX. Whoever reads the unit reads its report.
 */

import { MAX_PAGE_SIZE } from '../../core/contracts/common.ts';
import { type EvaluationJson, evaluationSchema } from '../../core/contracts/evaluation.ts';
import { REPORT_CONTENT_TYPES, type ReportQuery, reportFileName } from '../../core/contracts/reports.ts';
import type { MessageLang } from '../../core/errors/messages/define-messages.ts';
import { isProblemError } from '../../core/errors/problem.ts';
import {
  parsePeriod,
  periodContaining,
  previousPeriod,
  samePeriodLastYear,
  tryParsePeriod,
} from '../../core/periods/index.ts';
import {
  buildEvaluationReport,
  buildGroupReport,
  type EvaluationReport,
  type GroupReport,
  reportWord,
  weightSetsOf,
} from '../../core/reports/index.ts';
import { comparePublished } from '../../core/scorecard/index.ts';
import { listActionRows } from '../../db/repositories/action.repository.ts';
import type { OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { findPublishedResult, type PublicationRecord } from '../../db/repositories/publication.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { ScorecardRecord } from '../../db/repositories/scorecard.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { rankAs } from '../evaluation/evaluation.service.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { requireReadableUnit } from '../services/access.ts';
import { requireScorecard } from '../services/lookups.ts';
import { publishedSourceOf } from './published-sources.ts';
import { writeEvaluationReportPdf, writeGroupReportPdf } from './report-pdf.ts';
import { writeEvaluationReportXlsx, writeGroupReportXlsx } from './report-xlsx.ts';

/** How many periods the trend chart shows, the reported one last. */
const TREND_PERIODS = 5;

export interface ReportFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

interface Sourced {
  readonly evaluation: EvaluationJson;
  readonly publication: PublicationRecord | null;
}

const localizedName = (record: { nameEn: string; nameZh: string | null }) =>
  record.nameZh === null ? { en: record.nameEn } : { en: record.nameEn, zh: record.nameZh };

/** "2026-12-06 16:40 UTC": the report's times, to the minute. */
const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The unit's published evaluation of the period, else today's computation (null when the period cannot be evaluated). */
async function sourced(
  ctx: ServerContext,
  engine: EvaluationEngine,
  scorecard: ScorecardRecord,
  unit: OrgUnitRecord,
  period: string,
): Promise<Sourced | null> {
  const published = await findPublishedResult(ctx.db.kysely, {
    scorecardId: scorecard.id,
    periodId: period,
    rootId: unit.rootId,
    orgUnitId: unit.id,
    asOf: null,
  });
  if (published !== undefined) {
    return { evaluation: evaluationSchema.parse(published.evaluation), publication: published.publication };
  }
  try {
    return {
      evaluation: await engine.evaluate({ scorecard: scorecard.code, orgUnit: unit.code, period }),
      publication: null,
    };
  } catch (error) {
    // A period the scheme cannot evaluate (not assigned, not in effect) is simply not compared with.
    if (isProblemError(error)) return null;
    throw error;
  }
}

async function rankAmongPeers(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  unit: OrgUnitRecord,
  query: ReportQuery,
): Promise<{ rank: number | null; count: number } | null> {
  if (unit.parentCode === null) return null;
  try {
    const items = await rankAs(ctx, engine, actor, {
      scorecard: query.scorecard,
      period: query.period,
      parent: unit.parentCode,
      depth: 'children',
      mix: false,
    });
    const mine = items.find((item) => item.orgUnit === unit.code);
    if (mine === undefined) return null;
    return { rank: mine.rank, count: items.filter((item) => item.cohort === mine.cohort).length };
  } catch (error) {
    if (isProblemError(error)) return null;
    throw error;
  }
}

/**
 * The unit's action plans on this scorecard for the report's period or a period inside it (a month's action in a
 * year's report), worded per indicator: title, status and due date, in due-date order.
 */
async function actionsOf(
  db: Executor,
  scorecard: ScorecardRecord,
  unit: OrgUnitRecord,
  period: string,
  lang: MessageLang,
): Promise<Map<string, string[]>> {
  const type = tryParsePeriod(period)?.type;
  const within = (p: string) =>
    p === period ||
    (type !== undefined && tryParsePeriod(p)?.type === 'month' && periodContaining(p, type) === period);
  const { rows } = await listActionRows(
    db,
    { scorecardId: scorecard.id, orgUnitId: unit.id },
    { limit: MAX_PAGE_SIZE, offset: 0 },
  );
  const byIndicator = new Map<string, string[]>();
  for (const row of rows) {
    if (!within(row.period_id)) continue;
    const line = reportWord('actionLine', lang, {
      title: row.title,
      status: reportWord(`actionStatus.${row.status}`, lang),
      due: row.due_date,
    });
    byIndicator.set(row.indicator, [...(byIndicator.get(row.indicator) ?? []), line]);
  }
  return byIndicator;
}

/** The content of a unit's evaluation report (403 outside the actor's scope, 404 for unknown codes). */
export async function evaluationReportAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ReportQuery,
): Promise<EvaluationReport> {
  const db = ctx.db.kysely;
  const unit = await requireReadableUnit(db, actor, query.orgUnit);
  const scorecard = await requireScorecard(db, query.scorecard);
  const period = parsePeriod(query.period, ['period']).id;
  const current = await sourced(ctx, engine, scorecard, unit, period);
  const main = current ?? {
    evaluation: await engine.evaluate({ scorecard: scorecard.code, orgUnit: unit.code, period }),
    publication: null,
  };
  const previousId = previousPeriod(period);
  const yearBeforeId = samePeriodLastYear(period);
  const previous = await sourced(ctx, engine, scorecard, unit, previousId);
  const yearBefore =
    yearBeforeId === previousId ? previous : await sourced(ctx, engine, scorecard, unit, yearBeforeId);
  const trendPeriods = [period];
  while (trendPeriods.length < TREND_PERIODS) trendPeriods.unshift(previousPeriod(trendPeriods[0] ?? period));
  const trend = [];
  for (const p of trendPeriods) {
    const found =
      p === period ? main : p === previousId ? previous : await sourced(ctx, engine, scorecard, unit, p);
    trend.push({ period: p, total: found?.evaluation.total ?? null });
  }
  const compiled = await engine.compiledFor({ scorecard: scorecard.code, orgUnit: unit.code, period });
  const actions = await actionsOf(db, scorecard, unit, period, query.lang);
  const source = await publishedSourceOf(scorecard.code);
  const publication = main.publication;
  return buildEvaluationReport({
    lang: query.lang,
    scorecard: { code: scorecard.code, name: localizedName(scorecard) },
    orgUnit: { code: unit.code, name: localizedName(unit) },
    period,
    evaluation: main.evaluation,
    publication:
      publication === null
        ? null
        : {
            id: publication.id,
            at: minute(publication.publishedAt),
            by: publication.publishedBy,
            unapprovedPeriods: publication.unapprovedPeriods,
          },
    previous: { period: previousId, evaluation: previous?.evaluation ?? null },
    yearBefore: { period: yearBeforeId, evaluation: yearBefore?.evaluation ?? null },
    rank: await rankAmongPeers(ctx, engine, actor, unit, query),
    actions,
    weightSets: weightSetsOf(compiled, main.evaluation),
    trend,
    method:
      source === null
        ? null
        : { source: source.source, differences: comparePublished(main.evaluation, source) },
    generatedAt: minute(ctx.now()),
  });
}

/** The content of a group report: the children of `orgUnit` ranked, with their published evaluations. */
export async function groupReportAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ReportQuery,
): Promise<GroupReport> {
  const db = ctx.db.kysely;
  const parent = await requireReadableUnit(db, actor, query.orgUnit);
  const scorecard = await requireScorecard(db, query.scorecard);
  const period = parsePeriod(query.period, ['period']).id;
  const ranked = await rankAs(ctx, engine, actor, {
    scorecard: scorecard.code,
    period,
    parent: parent.code,
    depth: query.depth,
    mix: false,
  });
  let published = true;
  const units = [];
  for (const item of ranked) {
    const unit = await requireReadableUnit(db, actor, item.orgUnit);
    const found = await findPublishedResult(db, {
      scorecardId: scorecard.id,
      periodId: period,
      rootId: unit.rootId,
      orgUnitId: unit.id,
      asOf: null,
    });
    if (found === undefined) published = false;
    units.push({
      rank: item.rank,
      orgUnit: item.orgUnit,
      name: item.name,
      role: item.role,
      evaluation: found === undefined ? item.evaluation : evaluationSchema.parse(found.evaluation),
    });
  }
  return buildGroupReport({
    lang: query.lang,
    scorecard: { code: scorecard.code, name: localizedName(scorecard) },
    orgUnit: { code: parent.code, name: localizedName(parent) },
    period,
    published,
    units,
    generatedAt: minute(ctx.now()),
  });
}

/** A unit's evaluation report as a PDF or XLSX file. */
export async function evaluationReportFile(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ReportQuery,
): Promise<ReportFile> {
  const report = await evaluationReportAs(ctx, engine, actor, query);
  const bytes =
    query.format === 'pdf' ? await writeEvaluationReportPdf(report) : await writeEvaluationReportXlsx(report);
  return {
    bytes,
    contentType: REPORT_CONTENT_TYPES[query.format],
    filename: reportFileName('evaluation', query),
  };
}

/** A group report as a PDF or XLSX file. */
export async function groupReportFile(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ReportQuery,
): Promise<ReportFile> {
  const report = await groupReportAs(ctx, engine, actor, query);
  const bytes =
    query.format === 'pdf' ? await writeGroupReportPdf(report) : await writeGroupReportXlsx(report);
  return { bytes, contentType: REPORT_CONTENT_TYPES[query.format], filename: reportFileName('group', query) };
}
