/**
 * What an import kind is (README.md "Adding a kind"): one file per kind under kinds/ exports one
 * `ImportKindDefinition`, and kinds/index.ts collects them in one record typed
 * `satisfies Record<ImportKind, ImportKindDefinition>`. The service, the routes, commit, undo, effects, locks,
 * exports and the CLI dispatch through that record; nothing else names a kind.
 */
import type { Role } from '../../../core/access/principal.ts';
import type {
  ExportDataValuesQuery,
  ImportEncoding,
  ImportFormat,
  ImportKind,
  ImportProgress,
  ImportReportBody,
} from '../../../core/contracts/import.ts';
import type { ImportBatchRecord } from '../../../db/repositories/import.repository.ts';
import type { Executor } from '../../../db/repositories/query-helpers.ts';
import type { ChangeEvent } from '../../change-bus.ts';
import type { Actor, ServerContext } from '../../context.ts';
import type { PendingChange } from '../../services/approval-locks.ts';
import type { AppliedChange } from '../change-values.ts';
import type { DownloadFile } from '../export.service.ts';
import type { ProgressReporter } from '../progress.ts';

/** A file to import, as the service hands it to its kind. */
export interface KindInput {
  readonly kind: ImportKind;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Given by the caller, or undefined to tell it from the bytes and the name. Already one of `formats`. */
  readonly format?: ImportFormat;
  /** CSV only; default `auto`. */
  readonly encoding?: ImportEncoding;
  /** The scorecard the file belongs to, when the kind names one. */
  readonly scorecard?: string;
  /** XLSX: the worksheet to read (default the first; a hidden one only when named). */
  readonly sheet?: string;
  /** Why a commit goes ahead although values break rules of importance `high` (audited). */
  readonly overrideReason?: string;
  /** The definition the kind reads the file by (`extract`: its extract definition, YAML or JSON). */
  readonly definition?: string;
  /** SHA-256 of the bytes, hex: recorded with the batch. */
  readonly checksum: string;
  readonly progress: ProgressReporter;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** The report of a kind's check; the service adds the kind, the file's name and checksum, and the outcome. */
export type KindReport = Omit<
  ImportReportBody,
  'kind' | 'fileName' | 'checksum' | 'committed' | 'batchId' | 'sameAsBatchId'
>;

/** What a commit did: the batch it recorded (null when nothing needed writing) and the events to publish. */
export interface CommitOutcome {
  readonly batchId: number | null;
  readonly created: number;
  readonly updated: number;
  readonly events: readonly ChangeEvent[];
}

/** A checked file: its report, and the write of it (called only when the report has no error). */
export interface PreparedImport {
  readonly report: KindReport;
  commit(progress: ProgressReporter): Promise<CommitOutcome>;
}

/** What an undo did. Publish `events` after it returns (its transaction has committed). */
export interface UndoOutcome {
  readonly batch: ImportBatchRecord;
  readonly restored: number;
  readonly deleted: number;
  readonly events: readonly ChangeEvent[];
}

/** What an export is asked for; each kind's export takes what it needs and refuses what it lacks (400). */
export interface ExportRequest {
  readonly format?: string;
  /** The scorecard whose rows (or whose file) to export. */
  readonly scorecard?: string;
  /** Data values: the filters of the data-values list. */
  readonly filters?: Omit<ExportDataValuesQuery, 'format'>;
}

/** A kind's export: its stored rows in the kind's import format, so an export imported again round-trips. */
export interface KindExport {
  /** The word after `healthbsc export` (the kind's name when not given). */
  readonly command?: string;
  /** The formats it writes; the first is the default. */
  readonly formats: readonly [string, ...string[]];
  /** It exports one scorecard's rows (or file), named by `scorecard`. */
  readonly needsScorecard: boolean;
  run(ctx: ServerContext, actor: Actor, request: ExportRequest): Promise<DownloadFile>;
}

export interface ImportKindDefinition {
  /** Who may import files of this kind; each row must then be of a unit those roles cover. */
  readonly roles: readonly Role[];
  /** The formats a file of this kind may be in (a `format` outside them is refused before reading). */
  readonly formats: readonly ImportFormat[];
  /** A file whose name matches is of this kind when the caller names none (`data` otherwise). */
  readonly claimsFileName?: RegExp;
  /** Reads and checks a whole file against the database: the report, and its write. Writes nothing. */
  prepare(ctx: ServerContext, actor: Actor, input: KindInput): Promise<PreparedImport>;
  /** The approval locks the rows it changes are subject to (an import or an undo of approved data: 409). */
  locks(changes: readonly AppliedChange[]): PendingChange[];
  /** Bumps the change counters its changes touch, in `trx`; returns the events to publish after commit. */
  events(trx: Executor, changes: readonly AppliedChange[]): Promise<ChangeEvent[]>;
  /** Undoes a committed batch of this kind exactly, in one transaction (409 when a row changed since). */
  undo(
    ctx: ServerContext,
    actor: Actor,
    batch: ImportBatchRecord,
    reason: string | null,
  ): Promise<UndoOutcome>;
  /** Its rows written in its import format, when it has an export. */
  readonly export?: KindExport;
}
