/**
 * Imports any table with a mapping profile (core/import-profiles): the file is read as it is (CSV, gzip CSV,
 * XLSX), mapped row by row, and what it maps to goes through the checked imports that exist: an org-unit list
 * (kind `metadata`) when the profile builds the tree, then long data values (kind `data`), so units, data
 * elements, numbers, data-quality rules and approval locks are checked as for any import, and the data batch
 * is undone as any batch. Nothing is written unless the whole file maps and checks: the data is checked (dry
 * run) before anything is written, units the profile is about to create counting as known; then the org
 * units, their identifiers (`unit.identifierSystem`) and the values are written in ONE transaction, so a
 * refusal at the write (a period approved meanwhile) leaves no unit behind either.
 */
import { gunzipSync } from 'node:zlib';
import { DATA_ENTRY_ROLES } from '../../core/access/policy.ts';
import type { ImportProgress, ImportReportBody } from '../../core/contracts/import.ts';
import type { ImportProfile, ProfileImportReport } from '../../core/contracts/import-profiles.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import { compileProfile, createProfileMapper, type MappedValue } from '../../core/import-profiles/index.ts';
import { writeAudit } from '../../db/repositories/audit.repository.ts';
import { insertImportChanges, nextImportChangeSeq } from '../../db/repositories/import.repository.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { identifierMap, insertIdentifiers } from '../../db/repositories/org-unit-identifier.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { readTable, writeTable } from '../../ingest/index.ts';
import { ChangeBus, type ChangeEvent } from '../change-bus.ts';
import type { Actor, ServerContext } from '../context.ts';
import { identifierChange } from '../imports/identifier-undo.ts';
import {
  commitImport,
  dryRunImport,
  type ImportInput,
  ImportRejectedError,
} from '../imports/import.service.ts';
import { requireSomeRole } from '../services/access.ts';
import { joinTransaction } from './joined-transaction.ts';

export interface ProfileImportInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly profile: ImportProfile;
  readonly dryRun: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

type ImportError = ProfileImportReport['errors'][number];

async function runKind(
  ctx: ServerContext,
  actor: Actor,
  input: ImportInput,
  dryRun: boolean,
): Promise<ImportReportBody> {
  try {
    return dryRun ? await dryRunImport(ctx, actor, input) : await commitImport(ctx, actor, input);
  } catch (error) {
    if (error instanceof ImportRejectedError) return error.report;
    throw error;
  }
}

/**
 * Maps and imports `bytes` with `profile`; a dry run writes nothing. Errors name the source file's rows and
 * columns (a data error found on a mapped value points back at the cell it came from).
 *
 * @example const report = await importWithProfile(ctx, actor, { bytes, fileName: 'ae.csv', profile, dryRun: true });
 */
export async function importWithProfile(
  ctx: ServerContext,
  actor: Actor,
  input: ProfileImportInput,
): Promise<ProfileImportReport> {
  // The data kind's roles, before the file is read: a profile import is a data import.
  requireSomeRole(actor, DATA_ENTRY_ROLES);
  const { profile } = input;
  const bytes = isGzip(input.bytes) ? new Uint8Array(gunzipSync(input.bytes)) : input.bytes;
  const table = await readTable(bytes, {
    encoding: profile.source.encoding,
    ...(profile.source.delimiter === undefined ? {} : { delimiter: profile.source.delimiter }),
    ...(profile.source.sheet === undefined ? {} : { sheet: profile.source.sheet }),
    onProgress: (p) => input.onProgress?.({ phase: 'reading', done: p.bytesRead, total: p.totalBytes }),
  });
  const system = profile.unit.identifierSystem;
  const identifiers = system === undefined ? undefined : await identifierMap(ctx.db.kysely, system);
  const mapper = createProfileMapper(compileProfile(profile, table.header), {
    ...(identifiers === undefined ? {} : { identifiers }),
  });
  for await (const row of table.rows) mapper.add(row);
  const mapped = mapper.finish();
  const base = {
    profile: profile.code,
    fileName: input.fileName,
    rowsRead: mapped.rowsRead,
    rowsFiltered: mapped.rowsFiltered,
    cellsMissing: mapped.cellsMissing,
    valuesMapped: mapped.values.length,
  };
  const none = { toCreate: 0, toUpdate: 0, unchanged: 0, batchId: null };
  if (mapped.errors.length > 0) {
    const errors = mapped.errors.map((e) => ({
      ...e,
      reason: wordProblem(`import-row.${e.code}`, e.params),
    }));
    return { ...base, orgUnits: null, values: none, errors, errorCount: errors.length, committed: false };
  }

  const units = mapped.orgUnits.length === 0 ? null : await orgUnitFile(mapped.orgUnits);
  const unitFile = (bytes: Uint8Array): ImportInput => ({
    bytes,
    fileName: `${input.fileName} (org units)`,
    kind: 'metadata',
    format: 'csv',
    encoding: 'utf-8',
  });
  const creating = new Set(mapped.orgUnits.map((u) => u.code));
  const data = await dataFile(mapped.values);
  const dataInput: ImportInput = {
    bytes: data,
    fileName: input.fileName,
    kind: 'data',
    format: 'csv',
    encoding: 'utf-8',
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
  };
  const hasValues = mapped.values.length > 0;
  const { unitCheck, dataCheck } =
    units !== null && input.dryRun
      ? await checkOnBuiltUnits(ctx, actor, unitFile(units), hasValues ? dataInput : null)
      : {
          unitCheck: units === null ? null : await runKind(ctx, actor, unitFile(units), true),
          dataCheck: hasValues ? await runKind(ctx, actor, dataInput, true) : null,
        };
  // Units the profile creates are unknown to the data check until they are written (before a real import).
  const errors = [
    ...(unitCheck?.errors ?? []),
    ...(dataCheck?.errors ?? [])
      .filter((e) => !(e.code === 'unknown-org-unit' && creating.has(e.value)))
      .map((e) => toSource(e, mapped.values, profile)),
  ];
  const orgUnits = (r: ImportReportBody | null) =>
    r === null ? null : { toCreate: r.toCreate, toUpdate: r.toUpdate, batchId: r.batchId };
  // A check made before the units are written refuses the values of units still to be created: they count as
  // values to create.
  const counts = (r: ImportReportBody | null) =>
    r === null
      ? none
      : {
          toCreate:
            r.toCreate +
            r.errors.filter((e) => e.code === 'unknown-org-unit' && creating.has(e.value)).length,
          toUpdate: r.toUpdate,
          unchanged: r.unchanged,
          batchId: r.batchId,
        };
  if (errors.length > 0 || input.dryRun)
    return {
      ...base,
      orgUnits: orgUnits(unitCheck),
      values: counts(dataCheck),
      errors,
      errorCount: errors.length,
      committed: false,
    };

  let written: { unitReport: ImportReportBody | null; dataReport: ImportReportBody | null };
  const heldChanges = new ChangeBus();
  const held: ChangeEvent[] = [];
  heldChanges.subscribe((event) => held.push(event));
  try {
    written = await ctx.db.kysely.transaction().execute(async (trx) => {
      // The imports publish their changes when they think they committed; held until this transaction has.
      const joined: ServerContext = { ...joinTransaction(ctx, trx), changes: heldChanges };
      const unitReport = units === null ? null : await commitImport(joined, actor, unitFile(units));
      const dataReport = hasValues ? await commitImport(joined, actor, dataInput) : null;
      // Kept with the batch that undoes them: the units' batch (undo deletes the units), else the values'.
      const batchId = unitReport?.batchId ?? dataReport?.batchId ?? null;
      if (system !== undefined)
        await recordIdentifiers(trx, actor, ctx.now(), system, mapped.orgUnits, batchId);
      return { unitReport, dataReport };
    });
  } catch (error) {
    // Refused at the write (a period approved since the check): the transaction, units too, rolled back.
    if (!(error instanceof ImportRejectedError)) throw error;
    const late = error.report.errors.map((e) => toSource(e, mapped.values, profile));
    return {
      ...base,
      orgUnits: orgUnits(unitCheck),
      values: counts(dataCheck),
      errors: late,
      errorCount: late.length,
      committed: false,
    };
  }
  for (const event of held) ctx.changes.publish(event);
  const { unitReport, dataReport } = written;
  return {
    ...base,
    orgUnits: orgUnits(unitReport),
    values: counts(dataReport),
    errors: [],
    errorCount: 0,
    committed: (dataReport ?? unitReport)?.committed ?? false,
  };
}

/** Thrown to roll back the transaction of a dry run's check. */
class DryRunRollback extends Error {}

/**
 * A dry run's check of a file that builds units: the units are written, then the values checked as the import
 * will check them, in one transaction that is rolled back. Checking the values beside units not yet written
 * would refuse each of their values as an unknown unit, and a report lists only its first 1,000 errors: past
 * them the values to create were miscounted and any other error went unseen. Nothing is committed, so the
 * changes are announced on a bus of their own, which nobody hears.
 */
async function checkOnBuiltUnits(
  ctx: ServerContext,
  actor: Actor,
  unitInput: ImportInput,
  dataInput: ImportInput | null,
): Promise<{ unitCheck: ImportReportBody; dataCheck: ImportReportBody | null }> {
  let checked: { unitCheck: ImportReportBody; dataCheck: ImportReportBody | null } | undefined;
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const joined: ServerContext = { ...joinTransaction(ctx, trx), changes: new ChangeBus() };
      const units = await runKind(joined, actor, unitInput, false);
      checked = {
        unitCheck: { ...units, committed: false, batchId: null },
        dataCheck: dataInput === null ? null : await runKind(joined, actor, dataInput, true),
      };
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  if (checked === undefined) throw new Error('The dry run ended without its check.');
  return checked;
}

/**
 * Gives each unit the profile built from a source cell that cell as its identifier of `system` (audited). Those
 * added are noted as changes of `batchId`, so undoing the batch removes them (imports/identifier-undo.ts).
 */
async function recordIdentifiers(
  trx: Executor,
  actor: Actor,
  at: Date,
  system: string,
  built: ReturnType<ReturnType<typeof createProfileMapper>['finish']>['orgUnits'],
  batchId: number | null,
): Promise<void> {
  const sourced = built.flatMap((u) => (u.source === undefined ? [] : [{ code: u.code, value: u.source }]));
  const ids = await findOrgUnitsByCodes(
    trx,
    sourced.map((u) => u.code),
  );
  const rows = sourced.flatMap((u) => {
    const unit = ids.get(u.code);
    return unit === undefined
      ? []
      : [
          {
            orgUnitId: unit.id,
            rootId: unit.rootId,
            system,
            value: u.value,
            createdBy: actor.id,
            createdAt: at,
          },
        ];
  });
  const added = await insertIdentifiers(trx, rows);
  if (added.length === 0) return;
  const codeOf = new Map([...ids].map(([code, unit]) => [unit.id, code]));
  if (batchId !== null) {
    await insertImportChanges(
      trx,
      batchId,
      added.map((a) => identifierChange(codeOf.get(a.orgUnitId) ?? '', system, a.value)),
      await nextImportChangeSeq(trx, batchId),
    );
  }
  await writeAudit(
    trx,
    actor,
    rows.map((r) => ({
      action: 'create',
      entity: 'org_unit_identifier',
      entityKey: `${sourced.find((u) => ids.get(u.code)?.id === r.orgUnitId)?.code ?? ''} ${system}|${r.value}`,
      newValue: { system, value: r.value },
      orgUnitId: r.orgUnitId,
    })),
  );
}

/** The org-unit list the profile builds, parents first (kinds/org-unit-list.ts reads it). */
function orgUnitFile(
  units: ReturnType<ReturnType<typeof createProfileMapper>['finish']>['orgUnits'],
): Promise<Uint8Array> {
  return writeTable(
    ['code', 'parent', 'type', 'name_en', 'name_zh'],
    units.map((u) => [u.code, u.parent ?? '', u.type, u.name.en, u.name.zh ?? '']),
    'csv',
  );
}

/** The mapped values as the long data format; line i + 2 of it is values[i] (line 1 is the header). */
function dataFile(values: readonly MappedValue[]): Promise<Uint8Array> {
  return writeTable(
    ['org_unit', 'period', 'data_element', 'value'],
    values.map((v) => [v.orgUnit, v.period, v.dataElement, v.value]),
    'csv',
  );
}

/** A data check's error on the generated file, pointed back at the source cell its value came from. */
function toSource(error: ImportError, values: readonly MappedValue[], profile: ImportProfile): ImportError {
  const value = values[error.row - 2];
  if (value === undefined) return error;
  const column =
    error.column === 'org_unit'
      ? profile.unit.column
      : error.column === 'period'
        ? (profile.period?.column ?? error.column)
        : value.column;
  return { ...error, row: value.row, column };
}
