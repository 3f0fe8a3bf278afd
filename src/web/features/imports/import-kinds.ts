/**
 * The kinds of file the server imports (src/server/imports/README.md, "Kinds"): the columns each expects, the
 * file types it takes, whether it names a scorecard, and the form fields of an upload. Pure, so it is tested.
 */
import {
  type ImportEncoding,
  type ImportKind,
  importEncodingSchema,
  importKindSchema,
} from '../../../core/contracts/import.ts';

/** The kinds in the contracts' order: the one list (core/contracts/import.ts), never written out here. */
export const IMPORT_KINDS: readonly ImportKind[] = importKindSchema.options;

export const IMPORT_ENCODINGS: readonly ImportEncoding[] = importEncodingSchema.options;

/**
 * Whether a kind names a scorecard: targets and assessments need one (the server guesses only when a single
 * scorecard exists), reported values may name it in a column or here, data values never.
 */
export type ScorecardNeed = 'required' | 'optional' | 'none';

/** What the first step shows and sends for one kind. */
interface KindForm {
  /** The header it expects (`[…]` optional), as the server's README writes it: column names are code. */
  readonly columns: string;
  readonly scorecard: ScorecardNeed;
  /** The file chooser's `accept`. */
  readonly extensions: readonly string[];
  /** Whether the chosen scorecard's data-entry template is offered: the template is a file of this kind. */
  readonly template: boolean;
  /** Whether the file is read by a definition uploaded beside it (an extract's aggregate definition). */
  readonly definition: boolean;
}

const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;
const METADATA_EXTENSIONS = ['.csv', '.xlsx', '.yaml', '.yml', '.json'] as const;

/**
 * Each kind's form, keyed by the contracts' kinds: a kind added there does not compile here until it has its
 * form (and its labels, labels.ts), and nothing here lists the kinds again.
 */
const KIND_FORMS = {
  data: {
    columns: 'org_unit,period,data_element,value[,comment]',
    scorecard: 'none',
    extensions: TABLE_EXTENSIONS,
    template: true,
    definition: false,
  },
  targets: {
    columns: 'org_unit,period,indicator,target[,reference][,lower,upper][,source]',
    scorecard: 'required',
    extensions: TABLE_EXTENSIONS,
    template: false,
    definition: false,
  },
  assessments: {
    columns: 'org_unit,period,indicator,rater,score[,evidence]',
    scorecard: 'required',
    extensions: TABLE_EXTENSIONS,
    template: false,
    definition: false,
  },
  reported: {
    columns: 'org_unit,period[,scorecard],indicator,value[,comment]',
    scorecard: 'optional',
    extensions: TABLE_EXTENSIONS,
    template: false,
    definition: false,
  },
  metadata: {
    columns: 'scorecard.yaml | code,parent,type,name_en[,name_zh][,role][,sort_order]',
    scorecard: 'none',
    extensions: METADATA_EXTENSIONS,
    template: false,
    definition: false,
  },
  extract: {
    columns: 'records (CSV, CSV.gz, Parquet) + definition.yaml',
    scorecard: 'none',
    extensions: ['.csv', '.gz', '.parquet'],
    template: false,
    definition: true,
  },
} as const satisfies Record<ImportKind, KindForm>;

/** @example needsDefinition('data') // false */
export function needsDefinition(kind: ImportKind): boolean {
  return KIND_FORMS[kind].definition;
}

/** @example kindColumns('assessments') // 'org_unit,period,indicator,rater,score[,evidence]' */
export function kindColumns(kind: ImportKind): string {
  return KIND_FORMS[kind].columns;
}

/** @example scorecardNeed('targets') // 'required' */
export function scorecardNeed(kind: ImportKind): ScorecardNeed {
  return KIND_FORMS[kind].scorecard;
}

/** @example offersTemplate('data') // true */
export function offersTemplate(kind: ImportKind): boolean {
  return KIND_FORMS[kind].template;
}

/** The file chooser's `accept`. */
export function acceptedExtensions(kind: ImportKind): readonly string[] {
  return KIND_FORMS[kind].extensions;
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
  /** Why a commit goes ahead although values break rules of importance high (sent with a commit only). */
  readonly overrideReason?: string;
  /** The definition file's name and text, for a kind that needs one. */
  readonly definition?: { readonly name: string; readonly text: string };
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
  const reason = settings.overrideReason?.trim() ?? '';
  if (!dryRun && reason !== '') fields.overrideReason = reason;
  if (settings.definition !== undefined && needsDefinition(settings.kind))
    fields.definition = settings.definition.text;
  return fields;
}
