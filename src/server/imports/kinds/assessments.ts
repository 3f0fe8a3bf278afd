/**
 * Qualitative assessments (`assessment`) of a scorecard: `org_unit,period,indicator,rater,score[,evidence]`, a
 * score of 0–100 per rater (src/ingest/README.md "Qualitative assessments"). Entered by data entry roles;
 * approved ratings lock (by unit, period and scorecard) and a commit raises `root-inputs` per organisation, as
 * the table's spec says.
 */
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import { listAssessments } from '../../../db/repositories/value-lists.repository.ts';
import { checkAssessments, readAssessmentRows } from '../../../ingest/index.ts';
import { normalizePeriod } from '../import-metadata.ts';
import {
  checking,
  chooseScorecard,
  collect,
  distinctNumbers,
  fetchOrNothing,
  type ImportPlan,
  indicatorValueWrite,
  type PlanInput,
  resolveKeys,
  storedLookup,
  storedText,
  tablePlan,
} from '../import-plan.ts';
import { defineTableKind, scorecardRowsExport, scorecardRowsExporter } from './table-kind.ts';

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
  const findStored = storedLookup(
    stored,
    (row) => [
      unitCodes.get(Number(row.key.org_unit_id)),
      row.key.period_id,
      row.key.indicator_code,
      row.key.rater,
    ],
    (row) => ({ score: Number(row.values.score), evidence: storedText(row, 'evidence') }),
  );
  const report = await checkAssessments(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    indicators: scorecard.indicators,
    normalizePeriod,
    existing: (k) => findStored(k.orgUnit, k.period, k.indicator, k.rater),
  });
  return tablePlan('assessment', report, formatted, (r) =>
    indicatorValueWrite(meta, scorecard, r, { score: r.score, evidence: r.evidence }, { rater: r.rater }),
  );
}

/** The assessments of a scorecard in their import format, within the actor's scope. */
export const exportAssessments = scorecardRowsExporter({
  suffix: 'assessments',
  header: ['org_unit', 'period', 'indicator', 'rater', 'score', 'evidence'],
  textColumns: [0, 1, 2, 3],
  list: (db, scorecardId, scope, window) => listAssessments(db, { scorecardId, scope }, window),
  cells: (a) => [a.orgUnit, a.period, a.indicator, a.rater, a.score, a.evidence],
});

export const assessmentsKind = defineTableKind({
  roles: DATA_ENTRY_ROLES,
  table: 'assessment',
  plan: planAssessments,
  export: scorecardRowsExport('assessments', exportAssessments),
});
