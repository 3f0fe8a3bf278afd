/**
 * Data values (`data_value`): long `org_unit,period,data_element,value[,comment]` or the wide template
 * (src/ingest/README.md "Formats"). Written by data entry roles; approved values lock (by unit and period) and
 * each commit raises a `data-values` event per organisation with the new values, as the table's spec says.
 */
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import type { ExportDataValuesQuery } from '../../../core/contracts/import.ts';
import { badRequest } from '../../../core/errors/problem.ts';
import { loadImportDataElements } from '../../../db/repositories/import.repository.ts';
import { listDataValues } from '../../../db/repositories/value-lists.repository.ts';
import { checkDataValues, readDataValueRows, writeTable } from '../../../ingest/index.ts';
import type { Actor, ServerContext } from '../../context.ts';
import { importViolations } from '../../data-quality/import-check.ts';
import { resolveValueFilter } from '../../services/value-filters.ts';
import { allPages, type DownloadFile, download, exportFormat, mapRows } from '../export.service.ts';
import { createCodeLookup, normalizePeriod } from '../import-metadata.ts';
import {
  checking,
  collect,
  distinctNumbers,
  fetchOrNothing,
  type ImportPlan,
  type PlanInput,
  resolveKeys,
  storedLookup,
  storedNumber,
  storedText,
  tablePlan,
  unitOf,
} from '../import-plan.ts';
import { defineTableKind } from './table-kind.ts';

async function planData(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const formatted = readDataValueRows(input.table);
  const rows = await collect(formatted.rows);
  const keys = resolveKeys(
    meta,
    rows.map((r) => r.orgUnit.text),
    rows.map((r) => r.period.text),
  );
  const findElement = createCodeLookup(meta.elementsByCode);
  const elements = new Map<number, string>();
  for (const row of rows) {
    for (const cell of row.values) {
      const element = findElement(cell.dataElement.text.trim());
      if (element !== undefined) elements.set(element.id, element.code);
    }
  }
  const units = [...keys.units.values()];
  const stored = await fetchOrNothing(input.db, 'data_value', {
    root_id: distinctNumbers(units.map((u) => u.rootId)),
    org_unit_id: units.map((u) => u.id),
    data_element_id: [...elements.keys()],
    period_id: [...keys.periods],
  });
  const unitCodes = new Map(units.map((u) => [u.id, u.code]));
  const findStored = storedLookup(
    stored,
    (row) => [
      unitCodes.get(Number(row.key.org_unit_id)),
      row.key.period_id,
      elements.get(Number(row.key.data_element_id)),
    ],
    (row) => ({ value: storedNumber(row, 'value'), comment: storedText(row, 'comment') }),
  );
  const report = await checkDataValues(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    dataElements: meta.elementRefs,
    normalizePeriod,
    existing: (k) => findStored(k.orgUnit, k.period, k.dataElement),
  });
  const violations = await importViolations(
    input.db,
    report.records.flatMap((record) => {
      const unit = meta.unitsByCode.get(record.orgUnit);
      return unit === undefined ? [] : [{ ...record, orgUnitId: unit.id, rootId: unit.rootId }];
    }),
  );
  const plan = tablePlan('data_value', report, formatted, (record) => {
    const unit = unitOf(meta, record.orgUnit);
    const element = meta.elementsByCode.get(record.dataElement);
    if (element === undefined) return null;
    return {
      key: {
        root_id: unit.rootId,
        org_unit_id: unit.id,
        data_element_id: element.id,
        period_id: record.period,
      },
      values: { value: record.value, comment: record.comment },
      labels: { orgUnit: record.orgUnit, dataElement: record.dataElement },
      orgUnitId: unit.id,
      rootId: unit.rootId,
    };
  });
  return violations.length === 0 ? plan : { ...plan, report: { ...plan.report, violations } };
}

/**
 * Data values in the long import format `org_unit,period,data_element,value,comment`, within the actor's scope.
 *
 * @example await exportDataValues(ctx, actor, { format: 'csv', includeDescendants: true, orgUnit: 'PUMCH' })
 */
export async function exportDataValues(
  ctx: ServerContext,
  actor: Actor,
  query: ExportDataValuesQuery,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const filter = await resolveValueFilter(db, actor, { ...query, limit: 1, offset: 0 });
  const elements = new Map((await loadImportDataElements(db)).map((e) => [e.code, e.id]));
  const dataElementIds = query.dataElement?.map((code, i) => {
    const id = elements.get(code);
    if (id === undefined) throw badRequest('import.unknown-data-element', { code }, ['dataElement', i]);
    return id;
  });
  const rows = allPages((window) =>
    listDataValues(db, { ...filter, ...(dataElementIds === undefined ? {} : { dataElementIds }) }, window),
  );
  const bytes = await writeTable(
    ['org_unit', 'period', 'data_element', 'value', 'comment'],
    mapRows(rows, (r) => [r.orgUnit, r.period, r.dataElement, r.value, r.comment]),
    query.format,
    { textColumns: [0, 1, 2] },
  );
  return download(bytes, 'data-values', query.format);
}

export const dataKind = defineTableKind({
  roles: DATA_ENTRY_ROLES,
  table: 'data_value',
  plan: planData,
  export: {
    formats: ['csv', 'xlsx'],
    needsScorecard: false,
    run: (ctx, actor, request) =>
      exportDataValues(ctx, actor, {
        includeDescendants: false,
        ...request.filters,
        format: exportFormat('data', ['csv', 'xlsx'], request.format),
      }),
  },
});
