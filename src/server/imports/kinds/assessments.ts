/**
 * Qualitative assessments (`assessment`) of a scorecard: `org_unit,period,indicator,rater,score[,evidence]`, a
 * score of 0–100 per rater (src/ingest/README.md "Qualitative assessments"). Entered by data entry roles;
 * approved ratings lock (by unit, period and scorecard); a commit raises `root-inputs` per organisation.
 */
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import { listAssessments } from '../../../db/repositories/assessment.repository.ts';
import type { TableFormat } from '../../../ingest/index.ts';
import { checkAssessments, readAssessmentRows, writeTable } from '../../../ingest/index.ts';
import type { Actor, ServerContext } from '../../context.ts';
import { readScope } from '../../services/access.ts';
import { requireScorecard } from '../../services/lookups.ts';
import {
  allPages,
  type DownloadFile,
  download,
  exportFormat,
  exportScorecardCode,
  mapRows,
} from '../export.service.ts';
import { rootInputEvents } from '../import-effects.ts';
import { rowLocks } from '../import-locks.ts';
import { normalizePeriod } from '../import-metadata.ts';
import {
  checking,
  chooseScorecard,
  collect,
  distinctNumbers,
  fetchOrNothing,
  type ImportPlan,
  type PlanInput,
  type PlannedWrite,
  resolveKeys,
  unitOf,
} from '../import-plan.ts';
import { defineTableKind } from './table-kind.ts';

async function planAssessments(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const scorecard = chooseScorecard(meta, input.scorecard);
  const formatted = readAssessmentRows(input.table);
  const rows = await collect(formatted.rows);
  const keys = resolveKeys(
    meta,
    rows.map((r) => r.orgUnit.text),
    rows.map((r) => r.period.text),
  );
  const units = [...keys.units.values()];
  const stored = await fetchOrNothing(input.db, 'assessment', {
    root_id: distinctNumbers(units.map((u) => u.rootId)),
    scorecard_id: [scorecard.id],
    org_unit_id: units.map((u) => u.id),
    period_id: [...keys.periods],
  });
  const unitCodes = new Map(units.map((u) => [u.id, u.code]));
  const existing = new Map<string, { score: number; evidence: string | null }>();
  for (const row of stored) {
    const k = row.key;
    existing.set(
      [unitCodes.get(Number(k.org_unit_id)), k.period_id, k.indicator_code, k.rater].join('\u0000'),
      {
        score: Number(row.values.score),
        evidence: row.values.evidence === null ? null : String(row.values.evidence),
      },
    );
  }
  const report = await checkAssessments(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    indicators: scorecard.indicators,
    normalizePeriod,
    existing: (k) => existing.get([k.orgUnit, k.period, k.indicator, k.rater].join('\u0000')),
  });
  const writes: PlannedWrite[] = [];
  for (const r of report.records) {
    if (r.action === 'unchanged') continue;
    const unit = unitOf(meta, r.orgUnit);
    writes.push({
      key: {
        root_id: unit.rootId,
        scorecard_id: scorecard.id,
        indicator_code: r.indicator,
        org_unit_id: unit.id,
        period_id: r.period,
        rater: r.rater,
      },
      values: { score: r.score, evidence: r.evidence },
      labels: { scorecard: scorecard.code, orgUnit: r.orgUnit },
      orgUnitId: unit.id,
      rootId: unit.rootId,
    });
  }
  return {
    table: 'assessment',
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keepWhenNull: [],
  };
}

/** The assessments of a scorecard in their import format, within the actor's scope. */
export async function exportAssessments(
  ctx: ServerContext,
  actor: Actor,
  scorecardCode: string,
  format: TableFormat,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, scorecardCode);
  const scope = readScope(actor);
  const rows = allPages((window) => listAssessments(db, { scorecardId: scorecard.id, scope }, window));
  const bytes = await writeTable(
    ['org_unit', 'period', 'indicator', 'rater', 'score', 'evidence'],
    mapRows(rows, (a) => [a.orgUnitCode, a.periodId, a.indicatorCode, a.rater, a.score, a.evidence]),
    format,
    { textColumns: [0, 1, 2, 3] },
  );
  return download(bytes, `${scorecard.code}-assessments`, format);
}

export const assessmentsKind = defineTableKind({
  roles: DATA_ENTRY_ROLES,
  plan: planAssessments,
  locks: (changes) => rowLocks(changes, 'scorecard_id'),
  events: rootInputEvents,
  export: {
    formats: ['csv', 'xlsx'],
    needsScorecard: true,
    run: (ctx, actor, request) =>
      exportAssessments(
        ctx,
        actor,
        exportScorecardCode('assessments', request.scorecard),
        exportFormat('assessments', ['csv', 'xlsx'], request.format),
      ),
  },
});
