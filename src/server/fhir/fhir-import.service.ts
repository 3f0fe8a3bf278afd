/**
 * FHIR imports (core/fhir): a `Measure` becomes a scorecard file imported as metadata (its data elements and,
 * unless a cohort, its indicator); `MeasureReport`s, alone or in a Bundle, become data values imported through
 * the checked data import (org units, data elements, numbers, approval locks, undo as any batch). Nothing is
 * written when any report has a problem; every problem is answered with the FHIRPath of its element.
 */
import type { Bundle, Measure, MeasureReport } from '@medplum/fhirtypes';
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import { createDataElementBodySchema } from '../../core/contracts/data-elements.ts';
import type { ImportProgress, ImportReportBody } from '../../core/contracts/import.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import {
  type FhirIssue,
  type FhirValue,
  measureToScorecard,
  readMeasureReports,
} from '../../core/fhir/index.ts';
import { findDataElementByCode } from '../../db/repositories/data-element.repository.ts';
import { identifierMap } from '../../db/repositories/org-unit-identifier.repository.ts';
import { writeTable } from '../../ingest/index.ts';
import type { Actor, ServerContext } from '../context.ts';
import { commitImport, dryRunImport, ImportRejectedError } from '../imports/import.service.ts';
import { requireSomeRole } from '../services/access.ts';
import { createDataElement } from '../services/data-elements.service.ts';

export interface FhirImportResult {
  /** Values read from the reports, and the data import's report (null when a report could not be read). */
  readonly reports: number;
  readonly values: number;
  readonly report: ImportReportBody | null;
  /** Every problem, by FHIRPath; empty when all was imported (or, in a dry run, would be). */
  readonly issues: readonly FhirIssue[];
}

async function run(
  ctx: ServerContext,
  actor: Actor,
  input: Parameters<typeof commitImport>[2],
  dryRun: boolean,
) {
  try {
    return dryRun ? await dryRunImport(ctx, actor, input) : await commitImport(ctx, actor, input);
  } catch (error) {
    if (error instanceof ImportRejectedError) return error.report;
    throw error;
  }
}

/**
 * Imports the MeasureReports of `resource` (a MeasureReport or a Bundle of them).
 *
 * @example const { issues } = await importMeasureReports(ctx, actor, bundle, { dryRun: false });
 */
export async function importMeasureReports(
  ctx: ServerContext,
  actor: Actor,
  resource: MeasureReport | Bundle,
  options: { readonly dryRun: boolean; readonly onProgress?: (p: ImportProgress) => void },
): Promise<FhirImportResult> {
  const read = readMeasureReports(resource);
  const { issues, reports } = read;
  if (issues.length > 0) return { reports, values: read.values.length, report: null, issues };
  const values = await unitsByIdentifier(ctx, read.values);
  const bytes = await writeTable(
    ['org_unit', 'period', 'data_element', 'value'],
    values.map((v) => [v.orgUnit, v.period, v.dataElement, v.value]),
    'csv',
  );
  const report = await run(
    ctx,
    actor,
    {
      bytes,
      fileName: `fhir-${resource.resourceType}.csv`,
      kind: 'data',
      format: 'csv',
      encoding: 'utf-8',
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    },
    options.dryRun,
  );
  return { reports, values: values.length, report, issues: report.errors.map((e) => issueAt(e, values)) };
}

/**
 * Each value's unit: the one holding the reporter's identifier (system and value) in `org_unit_identifier`,
 * else the unit whose code is the identifier's value.
 */
async function unitsByIdentifier(ctx: ServerContext, values: readonly FhirValue[]): Promise<FhirValue[]> {
  const systems = [
    ...new Set(values.flatMap((v) => (v.identifierSystem === null ? [] : [v.identifierSystem]))),
  ];
  const maps = new Map(
    await Promise.all(systems.map(async (s) => [s, await identifierMap(ctx.db.kysely, s)] as const)),
  );
  return values.map((v) => {
    const code = v.identifierSystem === null ? undefined : maps.get(v.identifierSystem)?.get(v.orgUnit);
    return code === undefined ? v : { ...v, orgUnit: code };
  });
}

/** A data check's error on line `row` of the generated table, at the FHIRPath of the count it came from. */
function issueAt(error: ImportReportBody['errors'][number], values: readonly FhirValue[]): FhirIssue {
  const value = values[error.row - 2];
  const path =
    value === undefined
      ? 'MeasureReport'
      : error.column === 'org_unit'
        ? value.path.replace(/\.group\[\d+\].*$/, '.reporter.identifier.value')
        : value.path;
  const detail = wordProblem(`import-row.${error.code}`, error.params);
  if (error.code === 'unknown-org-unit')
    return {
      path,
      code: 'fhir.unknown-org-unit',
      params: { value: error.value },
      message: wordProblem('fhir.unknown-org-unit', { value: error.value }),
    };
  return {
    path,
    code: 'fhir.import-refused',
    params: { detail },
    message: wordProblem('fhir.import-refused', { detail }),
  };
}

/**
 * Imports a Measure: a proportion or ratio measure as a scorecard (code `FHIR-<name>`) with its data elements
 * and indicator; a cohort measure as its data elements only (a scorecard needs an indicator).
 *
 * @example (await importMeasure(ctx, actor, cms108, { dryRun: true })).scorecard // 'FHIR-CMS108VTEProphylaxisFHIR'
 */
export async function importMeasure(
  ctx: ServerContext,
  actor: Actor,
  measure: Measure,
  options: { readonly dryRun: boolean },
): Promise<{
  readonly scorecard: string | null;
  readonly dataElements: readonly string[];
  readonly created: number;
  readonly errors: readonly { readonly column: string; readonly reason: string }[];
}> {
  const definitions = measureToScorecard(measure);
  const elements = definitions.scorecard.dataElements;
  if (!definitions.hasIndicator) {
    requireSomeRole(actor, DESIGN_ROLES);
    const missing = [];
    for (const element of elements)
      if ((await findDataElementByCode(ctx.db.kysely, element.code)) === undefined) missing.push(element);
    if (!options.dryRun)
      for (const element of missing)
        await createDataElement(ctx, actor, createDataElementBodySchema.parse(element));
    return {
      scorecard: null,
      dataElements: elements.map((e) => e.code),
      created: missing.length,
      errors: [],
    };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(definitions.scorecard));
  const report = await run(
    ctx,
    actor,
    { bytes, fileName: `${definitions.name}.json`, kind: 'metadata', format: 'json' },
    options.dryRun,
  );
  return {
    scorecard: definitions.scorecard.code,
    dataElements: elements.map((e) => e.code),
    created: report.toCreate,
    errors: report.errors.map((e) => ({ column: e.column, reason: e.reason })),
  };
}
