/**
 * The kinds of file the server imports (src/server/imports/README.md, "Kinds"): the columns each expects, the
 * file types it takes, whether it names a scorecard, and the form fields of an upload. Pure, so it is tested.
 */
import type { ImportEncoding, ImportKind } from '../../../core/contracts/import.ts';

export const IMPORT_KINDS: readonly ImportKind[] = ['data', 'targets', 'assessments', 'reported', 'metadata'];

export const IMPORT_ENCODINGS: readonly ImportEncoding[] = [
  'auto',
  'utf-8',
  'gb18030',
  'gbk',
  'windows-1252',
];

/** The header each kind expects (`[…]` optional), as the server's README writes it: column names are code. */
export const KIND_COLUMNS: Readonly<Record<ImportKind, string>> = {
  data: 'org_unit,period,data_element,value[,comment]',
  targets: 'org_unit,period,indicator,target[,reference][,lower,upper][,source]',
  assessments: 'org_unit,period,indicator,rater,score[,evidence]',
  reported: 'org_unit,period[,scorecard],indicator,value[,comment]',
  metadata: 'scorecard.yaml | code,parent,type,name_en[,name_zh][,role][,sort_order]',
};

/**
 * Whether a kind names a scorecard: targets and assessments need one (the server guesses only when a single
 * scorecard exists), reported values may name it in a column or here, data values never.
 */
export function scorecardNeed(kind: ImportKind): 'required' | 'optional' | 'none' {
  if (kind === 'targets' || kind === 'assessments') return 'required';
  return kind === 'reported' ? 'optional' : 'none';
}

const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;
const METADATA_EXTENSIONS = ['.csv', '.xlsx', '.yaml', '.yml', '.json'] as const;

/** The file chooser's `accept`. */
export function acceptedExtensions(kind: ImportKind): readonly string[] {
  return kind === 'metadata' ? METADATA_EXTENSIONS : TABLE_EXTENSIONS;
}

/** @example isAcceptedFile('Values 2024.CSV', 'data') // true */
export function isAcceptedFile(fileName: string, kind: ImportKind): boolean {
  const name = fileName.toLowerCase();
  return acceptedExtensions(kind).some((extension) => name.endsWith(extension));
}

export interface ImportSettings {
  readonly kind: ImportKind;
  readonly encoding: ImportEncoding;
  /** A scorecard's code, or null. */
  readonly scorecard: string | null;
}

/**
 * The multipart form fields of an upload (the file goes in the `file` part). The scorecard is sent only when
 * the kind uses one; `dryRun` is always explicit, so a commit can never be mistaken for a check.
 *
 * @example importFields({ kind: 'data', encoding: 'auto', scorecard: 'UMG-BSC' }, 'a.csv', true)
 * // { dryRun: 'true', kind: 'data', encoding: 'auto', fileName: 'a.csv' }
 */
export function importFields(
  settings: ImportSettings,
  fileName: string,
  dryRun: boolean,
): Record<string, string> {
  const fields: Record<string, string> = {
    dryRun: String(dryRun),
    kind: settings.kind,
    encoding: settings.encoding,
    fileName: fileName.slice(0, 255),
  };
  if (settings.scorecard !== null && scorecardNeed(settings.kind) !== 'none')
    fields.scorecard = settings.scorecard;
  return fields;
}
