/**
 * The registry of import kinds: one definition per kind of `importKindSchema` (core/contracts/import.ts), each
 * in its own file here. Adding a kind is a new file exporting its `ImportKindDefinition`, its entry below and
 * its name in the contracts' list (README.md "Adding a kind"); the type below fails until all three agree.
 */
import { type ImportKind, importKindSchema } from '../../../core/contracts/import.ts';
import { conflict } from '../../../core/errors/problem.ts';
import { assessmentsKind } from './assessments.ts';
import { dataKind } from './data.ts';
import { extractKind } from './extract.ts';
import type { ImportKindDefinition, KindExport } from './kind.ts';
import { metadataKind } from './metadata.ts';
import { reportedKind } from './reported.ts';
import { targetsKind } from './targets.ts';

export type { ImportKindDefinition, KindExport } from './kind.ts';

export const IMPORT_KINDS = {
  data: dataKind,
  targets: targetsKind,
  assessments: assessmentsKind,
  reported: reportedKind,
  metadata: metadataKind,
  extract: extractKind,
} as const satisfies Record<ImportKind, ImportKindDefinition>;

/** The kind of a file whose kind was not named: the kind that claims its name, else data values. */
const DEFAULT_KIND: ImportKind = 'data';

function isImportKind(kind: string): kind is ImportKind {
  return Object.hasOwn(IMPORT_KINDS, kind);
}

/**
 * The definition of a kind; 409 for a kind this server does not define (a batch written by a newer version:
 * the database does not list kinds).
 *
 * @example importKind('data').roles // ['admin', 'entry', 'steward']
 */
export function importKind(kind: string): ImportKindDefinition {
  if (!isImportKind(kind)) throw conflict('import.unknown-kind', { kind });
  return IMPORT_KINDS[kind];
}

/**
 * The kind of a file the caller did not say the kind of, from its name.
 *
 * @example kindOfFile('bsc.yaml') // 'metadata'
 * @example kindOfFile('march.csv') // 'data'
 */
export function kindOfFile(fileName: string): ImportKind {
  const claimed = importKindSchema.options.find((kind) => {
    const definition: ImportKindDefinition = IMPORT_KINDS[kind];
    return definition.claimsFileName?.test(fileName) === true;
  });
  return claimed ?? DEFAULT_KIND;
}

/** The kinds' exports by the word that names them after `healthbsc export`, in the contracts' order. */
export function exportCommands(): ReadonlyMap<string, KindExport> {
  const commands = new Map<string, KindExport>();
  for (const kind of importKindSchema.options) {
    const definition: ImportKindDefinition = IMPORT_KINDS[kind];
    if (definition.export !== undefined) commands.set(definition.export.command ?? kind, definition.export);
  }
  return commands;
}
