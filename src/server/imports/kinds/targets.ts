/**
 * Targets (`target`) of a scorecard: `org_unit,period,indicator,target[,reference][,lower,upper][,source]`; an
 * empty org_unit is every unit of the scorecard, a group's code a group (src/ingest/README.md "Targets").
 * Designed by strategists; targets are metadata, so they never lock and raise a `metadata` event, as the
 * table's spec says.
 */
import { DESIGN_ROLES } from '../../../core/access/policy.ts';
import { listTargets, targetRootId } from '../../../db/repositories/target.repository.ts';
import { findStoredWhere } from '../../../db/repositories/value-store.repository.ts';
import { checkTargets, type OrgUnitRef, readTargetRows } from '../../../ingest/index.ts';
import { normalizePeriod } from '../import-metadata.ts';
import {
  checking,
  chooseScorecard,
  collect,
  type ImportPlan,
  type PlanInput,
  storedLookup,
  storedNumber,
  storedText,
  tablePlan,
  unitOf,
} from '../import-plan.ts';
import { defineTableKind, scorecardRowsExport, scorecardRowsExporter } from './table-kind.ts';

async function planTargets(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const scorecard = chooseScorecard(meta, input.scorecard);
  const formatted = readTargetRows(input.table);
  const rows = await collect(formatted.rows);
  // Targets by tree level are not addressed by files.
  const stored = (await findStoredWhere(input.db, 'target', { scorecard_id: [scorecard.id] })).filter(
    (row) => row.key.level === null,
  );
  const unitCodes = new Map([...meta.unitsByCode.values()].map((u) => [u.id, u.code]));
  const groupCodes = new Map([...meta.groupsByCode.values()].map((g) => [g.id, g.code]));
  const findStored = storedLookup(
    stored,
    (row) => {
      const unit = row.key.org_unit_id === null ? null : (unitCodes.get(Number(row.key.org_unit_id)) ?? null);
      const group =
        row.key.org_unit_group_id === null
          ? null
          : (groupCodes.get(Number(row.key.org_unit_group_id)) ?? null);
      const scope = unit !== null ? 'unit' : group !== null ? 'group' : 'all';
      return [scope, unit ?? group ?? '', row.key.period_id, row.key.indicator_code];
    },
    (row) => ({
      target: storedNumber(row, 'target'),
      reference: storedNumber(row, 'reference'),
      lower: storedNumber(row, 'lower'),
      upper: storedNumber(row, 'upper'),
      source: storedText(row, 'source'),
    }),
  );
  const groupRefs = new Map<string, OrgUnitRef>(
    [...meta.groupsByCode.keys()].map((code) => [code, { code }]),
  );
  const report = await checkTargets(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    orgUnitGroups: groupRefs,
    indicators: scorecard.indicators,
    normalizePeriod,
    existing: (k) => findStored(k.scope, k.orgUnit ?? '', k.period, k.indicator),
  });
  return tablePlan('target', report, formatted, (r) => {
    const unit = r.scope === 'unit' && r.orgUnit !== null ? unitOf(meta, r.orgUnit) : null;
    const group = r.scope === 'group' && r.orgUnit !== null ? meta.groupsByCode.get(r.orgUnit) : undefined;
    return {
      key: {
        root_id: targetRootId(unit),
        scorecard_id: scorecard.id,
        indicator_code: r.indicator,
        period_id: r.period,
        org_unit_id: unit?.id ?? null,
        org_unit_group_id: group?.id ?? null,
        level: null,
      },
      values: { target: r.target, lower: r.lower, upper: r.upper, reference: r.reference, source: r.source },
      labels: {
        scorecard: scorecard.code,
        orgUnit: unit === null ? null : r.orgUnit,
        orgUnitGroup: group?.code ?? null,
      },
      orgUnitId: unit?.id ?? null,
      rootId: unit?.rootId ?? null,
    };
  });
}

/**
 * The targets of a scorecard in their import format, within the actor's scope. Targets set by tree level have
 * no place in the file (its org_unit column holds a unit or a group) and are left out.
 */
export const exportTargets = scorecardRowsExporter({
  suffix: 'targets',
  header: ['org_unit', 'period', 'indicator', 'target', 'reference', 'lower', 'upper', 'source'],
  textColumns: [0, 1, 2],
  list: (db, scorecardId, unitScope, window) => listTargets(db, { scorecardId, unitScope }, window),
  cells: (t) =>
    t.level !== null
      ? null
      : [
          t.orgUnitCode ?? t.orgUnitGroupCode ?? '',
          t.periodId,
          t.indicatorCode,
          t.target,
          t.reference,
          t.lower,
          t.upper,
          t.source,
        ],
});

export const targetsKind = defineTableKind({
  roles: DESIGN_ROLES,
  table: 'target',
  plan: planTargets,
  export: scorecardRowsExport('targets', exportTargets),
});
