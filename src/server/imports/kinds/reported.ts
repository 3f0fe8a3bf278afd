/**
 * Reported indicator values (`reported_value`): `org_unit,period[,scorecard],indicator,value[,comment]`, rates a
 * source publishes (src/ingest/check-reported.ts). Entered by data entry roles; approved values lock (by unit,
 * period and scorecard); a commit raises `root-inputs` per organisation.
 */
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import { listReportedValues } from '../../../db/repositories/reported-value.repository.ts';
import {
  checkReportedValues,
  readReportedRows,
  type TableFormat,
  writeTable,
} from '../../../ingest/index.ts';
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
import { createCodeLookup, normalizePeriod } from '../import-metadata.ts';
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

async function planReported(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const defaultScorecard =
    input.scorecard === undefined ? undefined : chooseScorecard(meta, input.scorecard).code;
  const formatted = readReportedRows(input.table);
  const rows = await collect(formatted.rows);
  const keys = resolveKeys(
    meta,
    rows.map((r) => r.orgUnit.text),
    [],
  );
  const findScorecard = createCodeLookup(meta.scorecards);
  const scorecardIds = new Map<number, string>();
  for (const row of rows) {
    const found = findScorecard(row.scorecard.text.trim() || defaultScorecard || '');
    if (found !== undefined) scorecardIds.set(found.id, found.code);
  }
  const units = [...keys.units.values()];
  const stored = await fetchOrNothing(input.db, 'reported_value', {
    root_id: distinctNumbers(units.map((u) => u.rootId)),
    scorecard_id: [...scorecardIds.keys()],
    org_unit_id: units.map((u) => u.id),
  });
  const unitCodes = new Map([...meta.unitsByCode.values()].map((u) => [u.id, u.code]));
  const existing = new Map<string, number>();
  for (const row of stored) {
    const k = row.key;
    const key = [
      unitCodes.get(Number(k.org_unit_id)),
      k.period_id,
      scorecardIds.get(Number(k.scorecard_id)),
      k.indicator_code,
    ];
    existing.set(key.join('\u0000'), Number(row.values.value));
  }
  const report = await checkReportedValues(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    scorecards: meta.scorecards,
    normalizePeriod,
    ...(defaultScorecard === undefined ? {} : { defaultScorecard }),
    existing: (k) => existing.get([k.orgUnit, k.period, k.scorecard, k.indicator].join('\u0000')),
  });
  const writes: PlannedWrite[] = [];
  for (const r of report.records) {
    if (r.action === 'unchanged') continue;
    const unit = unitOf(meta, r.orgUnit);
    const scorecard = meta.scorecards.get(r.scorecard);
    if (scorecard === undefined) continue;
    writes.push({
      key: {
        root_id: unit.rootId,
        scorecard_id: scorecard.id,
        indicator_code: r.indicator,
        org_unit_id: unit.id,
        period_id: r.period,
      },
      values: { value: r.value, comment: r.comment },
      labels: { scorecard: scorecard.code, orgUnit: r.orgUnit },
      orgUnitId: unit.id,
      rootId: unit.rootId,
    });
  }
  return {
    table: 'reported_value',
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keepWhenNull: ['comment'],
  };
}

/** The reported values of a scorecard in their import format, within the actor's scope. */
export async function exportReportedValues(
  ctx: ServerContext,
  actor: Actor,
  scorecardCode: string,
  format: TableFormat,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, scorecardCode);
  const scope = readScope(actor);
  const rows = allPages((window) => listReportedValues(db, { scorecardId: scorecard.id, scope }, window));
  const bytes = await writeTable(
    ['org_unit', 'period', 'scorecard', 'indicator', 'value', 'comment'],
    mapRows(rows, (r) => [r.orgUnitCode, r.periodId, r.scorecardCode, r.indicatorCode, r.value, r.comment]),
    format,
    { textColumns: [0, 1, 2, 3] },
  );
  return download(bytes, `${scorecard.code}-reported`, format);
}

export const reportedKind = defineTableKind({
  roles: DATA_ENTRY_ROLES,
  plan: planReported,
  locks: (changes) => rowLocks(changes, 'scorecard_id'),
  events: rootInputEvents,
  export: {
    formats: ['csv', 'xlsx'],
    needsScorecard: true,
    run: (ctx, actor, request) =>
      exportReportedValues(
        ctx,
        actor,
        exportScorecardCode('reported', request.scorecard),
        exportFormat('reported', ['csv', 'xlsx'], request.format),
      ),
  },
});
