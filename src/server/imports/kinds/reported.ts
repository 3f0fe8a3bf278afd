/**
 * Reported indicator values (`reported_value`): `org_unit,period[,scorecard],indicator,value[,comment]`, rates a
 * source publishes (src/ingest/check-reported.ts). Entered by data entry roles; approved values lock (by unit,
 * period and scorecard) and a commit raises `root-inputs` per organisation, as the table's spec says.
 */
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import { listReportedValues } from '../../../db/repositories/value-lists.repository.ts';
import { checkReportedValues, readReportedRows } from '../../../ingest/index.ts';
import { createCodeLookup, normalizePeriod } from '../import-metadata.ts';
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
  storedNumber,
  storedText,
  tablePlan,
} from '../import-plan.ts';
import { defineTableKind, scorecardRowsExport, scorecardRowsExporter } from './table-kind.ts';

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
  const findStored = storedLookup(
    stored,
    (row) => [
      unitCodes.get(Number(row.key.org_unit_id)),
      row.key.period_id,
      scorecardIds.get(Number(row.key.scorecard_id)),
      row.key.indicator_code,
    ],
    (row) => ({ value: storedNumber(row, 'value'), comment: storedText(row, 'comment') }),
  );
  const report = await checkReportedValues(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    scorecards: meta.scorecards,
    normalizePeriod,
    ...(defaultScorecard === undefined ? {} : { defaultScorecard }),
    existing: (k) => findStored(k.orgUnit, k.period, k.scorecard, k.indicator),
  });
  return tablePlan('reported_value', report, formatted, (r) => {
    const scorecard = meta.scorecards.get(r.scorecard);
    return scorecard === undefined
      ? null
      : indicatorValueWrite(meta, scorecard, r, { value: r.value, comment: r.comment });
  });
}

/** The reported values of a scorecard in their import format, within the actor's scope. */
export const exportReportedValues = scorecardRowsExporter({
  suffix: 'reported',
  header: ['org_unit', 'period', 'scorecard', 'indicator', 'value', 'comment'],
  textColumns: [0, 1, 2, 3],
  list: (db, scorecardId, scope, window) => listReportedValues(db, { scorecardId, scope }, window),
  cells: (r) => [r.orgUnit, r.period, r.scorecard, r.indicator, r.value, r.comment],
});

export const reportedKind = defineTableKind({
  roles: DATA_ENTRY_ROLES,
  table: 'reported_value',
  plan: planReported,
  export: scorecardRowsExport('reported', exportReportedValues),
});
