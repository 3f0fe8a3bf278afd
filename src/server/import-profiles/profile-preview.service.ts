/**
 * The wizard's looks at an uploaded file before anything is imported: its columns (header, samples, guessed
 * types, the period format) and a profile applied to its first rows (the mapped values and every cell that
 * cannot be mapped, by row, column and reason). Read only; the whole file is checked by the dry run.
 */
import { gunzipSync } from 'node:zlib';
import { READ_ROLES } from '../../core/access/policy.ts';
import type {
  ImportProfile,
  ProfileInspection,
  ProfilePreview,
} from '../../core/contracts/import-profiles.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import { compileProfile, createProfileMapper, inspectColumns } from '../../core/import-profiles/index.ts';
import { identifierMap } from '../../db/repositories/org-unit-identifier.repository.ts';
import { readTable, type Table } from '../../ingest/index.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';

/** Rows the wizard looks at: enough to see the types and a screen of mapped values. */
export const PREVIEW_ROWS = 200;
const SHOWN_ROWS = 10;
const SHOWN_VALUES = 50;

const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

export interface FileSource {
  readonly bytes: Uint8Array;
  readonly source?: ImportProfile['source'];
}

function open(file: FileSource): Promise<Table> {
  const bytes = isGzip(file.bytes) ? new Uint8Array(gunzipSync(file.bytes)) : file.bytes;
  const source = file.source;
  return readTable(bytes, {
    encoding: source?.encoding ?? 'auto',
    ...(source?.delimiter === undefined ? {} : { delimiter: source.delimiter }),
    ...(source?.sheet === undefined ? {} : { sheet: source.sheet }),
  });
}

async function firstRows(table: Table, n: number) {
  const rows: { line: number; cells: string[] }[] = [];
  for await (const row of table.rows) {
    rows.push({ line: row.line, cells: [...row.cells] });
    if (rows.length >= n) break;
  }
  return rows;
}

/**
 * The columns of an uploaded table, from its first rows.
 *
 * @example (await inspectFile(ctx, actor, { bytes })).periodColumn // 'date'
 */
export async function inspectFile(
  _ctx: ServerContext,
  actor: Actor,
  file: FileSource,
): Promise<ProfileInspection> {
  requireSomeRole(actor, READ_ROLES);
  const table = await open(file);
  const rows = await firstRows(table, PREVIEW_ROWS);
  const inspection = inspectColumns(
    table.header,
    rows.map((r) => r.cells),
  );
  return {
    ...inspection,
    columns: inspection.columns.map((c) => ({ ...c, samples: [...c.samples], distinct: [...c.distinct] })),
    rows: rows.slice(0, SHOWN_ROWS).map((r) => r.cells),
  };
}

/** `profile` applied to the first rows of the file: what it maps and what it cannot (nothing is written). */
export async function previewProfile(
  ctx: ServerContext,
  actor: Actor,
  file: FileSource & { readonly profile: ImportProfile },
): Promise<ProfilePreview> {
  requireSomeRole(actor, READ_ROLES);
  const { profile } = file;
  const table = await open({ bytes: file.bytes, source: profile.source });
  const system = profile.unit.identifierSystem;
  const identifiers = system === undefined ? undefined : await identifierMap(ctx.db.kysely, system);
  const mapper = createProfileMapper(compileProfile(profile, table.header), {
    ...(identifiers === undefined ? {} : { identifiers }),
  });
  for (const row of await firstRows(table, PREVIEW_ROWS)) mapper.add(row);
  const mapped = mapper.finish();
  return {
    rowsRead: mapped.rowsRead,
    rowsFiltered: mapped.rowsFiltered,
    cellsMissing: mapped.cellsMissing,
    values: mapped.values.slice(0, SHOWN_VALUES).map((v) => ({ ...v })),
    orgUnits: mapped.orgUnits.length,
    errors: mapped.errors.map((e) => ({ ...e, reason: wordProblem(`import-row.${e.code}`, e.params) })),
    errorCount: mapped.errors.length,
  };
}
