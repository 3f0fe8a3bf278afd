/**
 * Targets (`target`) of a scorecard: `org_unit,period,indicator,target[,reference][,lower,upper][,source]`; an
 * empty org_unit is every unit of the scorecard, a group's code a group (src/ingest/README.md "Targets").
 * Designed by strategists; targets are metadata, so they never lock and raise a `metadata` event.
 */
import { DESIGN_ROLES } from '../../../core/access/policy.ts';
import { findStoredWhere } from '../../../db/repositories/import-values.repository.ts';
import { listTargets } from '../../../db/repositories/target.repository.ts';
import type { TableFormat } from '../../../ingest/index.ts';
import {
  checkTargets,
  type OrgUnitRef,
  readTargetRows,
  type TargetValues,
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
} from '../export.service.ts';
import { metadataEvents } from '../import-effects.ts';
import { noLocks } from '../import-locks.ts';
import { normalizePeriod } from '../import-metadata.ts';
import {
  checking,
  chooseScorecard,
  collect,
  type ImportPlan,
  type PlanInput,
  type PlannedWrite,
  unitOf,
} from '../import-plan.ts';
import { defineTableKind } from './table-kind.ts';

async function planTargets(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const scorecard = chooseScorecard(meta, input.scorecard);
  const formatted = readTargetRows(input.table);
  const rows = await collect(formatted.rows);
  const stored = await findStoredWhere(input.db, 'target', { scorecard_id: [scorecard.id] });
  const unitCodes = new Map([...meta.unitsByCode.values()].map((u) => [u.id, u.code]));
  const groupCodes = new Map([...meta.groupsByCode.values()].map((g) => [g.id, g.code]));
  const existing = new Map<string, TargetValues>();
  for (const row of stored) {
    if (row.key.level !== null) continue; // targets by tree level are not addressed by files
    const unit = row.key.org_unit_id === null ? null : (unitCodes.get(Number(row.key.org_unit_id)) ?? null);
    const group =
      row.key.org_unit_group_id === null ? null : (groupCodes.get(Number(row.key.org_unit_group_id)) ?? null);
    const scope = unit !== null ? 'unit' : group !== null ? 'group' : 'all';
    const v = row.values;
    existing.set([scope, unit ?? group ?? '', row.key.period_id, row.key.indicator_code].join('\u0000'), {
      target: v.target === null ? null : Number(v.target),
      reference: v.reference === null ? null : Number(v.reference),
      lower: v.lower === null ? null : Number(v.lower),
      upper: v.upper === null ? null : Number(v.upper),
    });
  }
  const groupRefs = new Map<string, OrgUnitRef>(
    [...meta.groupsByCode.keys()].map((code) => [code, { code }]),
  );
  const report = await checkTargets(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    orgUnitGroups: groupRefs,
    indicators: scorecard.indicators,
    normalizePeriod,
    existing: (k) => existing.get([k.scope, k.orgUnit ?? '', k.period, k.indicator].join('\u0000')),
  });
  const writes: PlannedWrite[] = [];
  for (const r of report.records) {
    if (r.action === 'unchanged') continue;
    const unit = r.scope === 'unit' && r.orgUnit !== null ? unitOf(meta, r.orgUnit) : null;
    const group = r.scope === 'group' && r.orgUnit !== null ? meta.groupsByCode.get(r.orgUnit) : undefined;
    writes.push({
      key: {
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
    });
  }
  return {
    table: 'target',
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keepWhenNull: ['source'],
  };
}

/**
 * The targets of a scorecard in their import format, within the actor's scope. Targets set by tree level have
 * no place in the file (its org_unit column holds a unit or a group) and are left out.
 */
export async function exportTargets(
  ctx: ServerContext,
  actor: Actor,
  scorecardCode: string,
  format: TableFormat,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, scorecardCode);
  const unitScope = readScope(actor);
  const rows = allPages((window) => listTargets(db, { scorecardId: scorecard.id, unitScope }, window));
  const bytes = await writeTable(
    ['org_unit', 'period', 'indicator', 'target', 'reference', 'lower', 'upper', 'source'],
    (async function* () {
      for await (const t of rows) {
        if (t.level !== null) continue;
        yield [
          t.orgUnitCode ?? t.orgUnitGroupCode ?? '',
          t.periodId,
          t.indicatorCode,
          t.target,
          t.reference,
          t.lower,
          t.upper,
          t.source,
        ];
      }
    })(),
    format,
    { textColumns: [0, 1, 2] },
  );
  return download(bytes, `${scorecard.code}-targets`, format);
}

export const targetsKind = defineTableKind({
  roles: DESIGN_ROLES,
  plan: planTargets,
  locks: noLocks,
  events: metadataEvents,
  export: {
    formats: ['csv', 'xlsx'],
    needsScorecard: true,
    run: (ctx, actor, request) =>
      exportTargets(
        ctx,
        actor,
        exportScorecardCode('targets', request.scorecard),
        exportFormat('targets', ['csv', 'xlsx'], request.format),
      ),
  },
});
