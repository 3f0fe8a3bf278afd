/**
 * Imports and exports over HTTP: uploading a file (checked whole as a dry run, then committed in one
 * transaction), the history of committed files, undoing one, the data-entry template and the exports.
 * The report lists every error with its row and column; the records themselves are never sent back (a file
 * may hold 100,000 of them), only their counts.
 */

import { z } from 'zod';
import {
  codeRefSchema,
  pageSchema,
  paginationQuerySchema,
  periodIdSchema,
  problemNoteSchema,
  problemParamsSchema,
  problemSchema,
  queryBooleanSchema,
  queryListSchema,
  timestampSchema,
} from './common.ts';
import { ruleViolationSchema } from './data-quality.ts';

/**
 * What a file holds: the ONE list of import kinds. Each kind is defined by one file of
 * src/server/imports/kinds/ (its roles, formats, plan, locks, effects and export), collected in a registry
 * typed `satisfies Record<ImportKind, …>`; the database does not list them. `data`: data values, long (`org_unit,period,data_element,value[,comment]`) or wide (the
 * template); `targets`; `assessments` (qualitative ratings); `reported` (indicator values reported directly:
 * `org_unit,period[,scorecard],indicator,value[,comment]`); `metadata`: a scorecard file (YAML or JSON) or an
 * org-unit list (CSV or XLSX: `code,parent,type,name_en[,name_zh][,role][,sort_order]`); `extract`: a record-level
 * extract (CSV, gzip CSV or Parquet) aggregated to data values by its `definition` (core/contracts/extracts.ts).
 */
export const importKindSchema = z.enum(['data', 'targets', 'assessments', 'reported', 'metadata', 'extract']);

export const importFormatSchema = z.enum(['csv', 'xlsx', 'yaml', 'json']);

/** The text encoding of a CSV: detected (`auto`) or named. */
export const importEncodingSchema = z.enum(['auto', 'utf-8', 'gb18030', 'gbk', 'windows-1252']);

/**
 * Why a cell was refused. `invalid-definition` is a scorecard file's problem, or an org unit that would move;
 * `invalid-value` an org-unit list's code, type or role; `out-of-scope` a row of an org unit the importer has
 * no role over. Each code is worded as the problem code `import-row.<code>` (core/errors/messages/import-rows.ts).
 */
export const importErrorCodeSchema = z.enum([
  'unknown-org-unit',
  'unknown-period',
  'unknown-data-element',
  'unknown-indicator',
  'unknown-scorecard',
  'wrong-indicator-kind',
  'non-numeric',
  'not-integer',
  'period-not-month',
  'period-not-quarter',
  'period-not-year',
  'out-of-range',
  'missing-value',
  'invalid-band',
  'duplicate-key',
  'undecodable',
  'extra-cell',
  'unterminated-quote',
  'invalid-definition',
  'invalid-value',
  'out-of-scope',
]);

export const importErrorSchema = z.object({
  /** 1-based line of the file (CSV, YAML, JSON) or Excel row number (XLSX). */
  row: z.number().int(),
  /** The column's header as written, or a path inside a scorecard file (`perspectives[0].indicators[2]`). */
  column: z.string(),
  value: z.string(),
  /** Short and stable; the client words it as `import-row.<code>` with `params`. */
  code: importErrorCodeSchema,
  /** The values the wording fills in (`{ value: 'n/a' }`, `{ firstRow: 2, key: 'ICU, 2024-03, beds' }`). */
  params: problemParamsSchema,
  /** The code worded in English. */
  reason: z.string(),
});

/** A validation rule a data file's values break (core/contracts/data-quality.ts), with the rows of its values. */
export const importViolationSchema = ruleViolationSchema.extend({
  /** The file's rows (lines) whose values the rule reads. */
  rows: z.array(z.number().int()),
});

/** `?dryRun=&kind=&encoding=&scorecard=&fileName=` (multipart uploads send the same as form fields). */
export const importQuerySchema = z
  .object({
    /** Default true: check and report, write nothing. */
    dryRun: queryBooleanSchema.default(true),
    kind: importKindSchema.optional(),
    format: importFormatSchema.optional(),
    encoding: importEncodingSchema.default('auto'),
    /** The scorecard whose indicators targets, assessments and reported values name. */
    scorecard: codeRefSchema.optional(),
    /** The file's name, for the history (an octet-stream upload has no other). */
    fileName: z.string().min(1).max(255).optional(),
    /** XLSX: the worksheet's tab name; default the first (refused when it is hidden). */
    sheet: z.string().min(1).max(31).optional(),
    /** Why a commit goes ahead although values break rules of importance `high` (audited with the batch). */
    overrideReason: z.string().trim().min(1).max(2000).optional(),
    /** The definition a kind reads its file by (`extract`: the extract definition, YAML or JSON text). */
    definition: z.string().min(1).max(200_000).optional(),
  })
  .strict();

export const importReportSchema = z.object({
  kind: importKindSchema,
  format: importFormatSchema,
  /** The encoding used for a CSV (detected or named), null for XLSX, YAML and JSON. */
  encoding: z.string().nullable(),
  /** Why that encoding was chosen (an `encoding.*` note with the counts that decided), null without one. */
  encodingReason: problemNoteSchema.nullable(),
  /** The worksheet read, for a workbook (absent for other files). */
  sheet: z.string().optional(),
  fileName: z.string(),
  /** SHA-256 of the file's bytes, hex. */
  checksum: z.string(),
  rowsRead: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
  errorsNotListed: z.number().int(),
  /** Header cells the format does not use. */
  ignoredColumns: z.array(z.string()),
  /**
   * Stored attributes (a comment, evidence, a reference value, a source, a Chinese name, a role, a sort order)
   * that the import clears, by column as the file names it: an empty cell in a column the file has clears what
   * is stored; a column the file does not have leaves it alone. An empty value cell is "no value given", never
   * a delete. A dry run counts what its commit would clear.
   */
  clears: z.array(z.object({ column: z.string(), count: z.number().int().min(1) })),
  /** Remarks that are not errors (a file converted from an older format, say), worded by code. */
  notices: z.array(problemNoteSchema),
  /**
   * Validation rules the file's data values break (data files only; absent when none): each with the rows of
   * its values. One of importance `high` blocks the commit unless `overrideReason` is given.
   */
  violations: z.array(importViolationSchema).optional(),
  /** False for a dry run and for a file that changed nothing. */
  committed: z.boolean(),
  /** The batch a commit recorded; null for a dry run or a file that changed nothing. */
  batchId: z.number().int().nullable(),
  /** A committed batch with the same checksum, kind and scorecard, if one exists (the file was seen before). */
  sameAsBatchId: z.number().int().nullable(),
});

/** The 400 of a commit refused because the file has errors: the problem plus the whole report. */
export const importRejectedProblemSchema = problemSchema.extend({ report: importReportSchema });

/** One line of `Accept: application/x-ndjson`: progress, then the report or a problem. */
export const importProgressSchema = z.object({
  phase: z.enum(['reading', 'checking', 'writing']),
  done: z.number().int(),
  /** null while the total is unknown (a stream without its size). */
  total: z.number().int().nullable(),
});

export const importStreamLineSchema = z.union([
  importProgressSchema,
  z.object({ report: importReportSchema }),
  z.object({ problem: importRejectedProblemSchema.partial({ report: true }) }),
]);

export const importBatchSchema = z.object({
  id: z.number().int(),
  kind: importKindSchema,
  fileName: z.string(),
  format: importFormatSchema,
  encoding: z.string().nullable(),
  checksum: z.string(),
  status: z.enum(['committed', 'undone']),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  undoneBy: z.string().nullable(),
  undoneAt: timestampSchema.nullable(),
});

/** One row an import changed: its key (codes and ids) and its value before and after. */
export const importChangeSchema = z.object({
  seq: z.number().int(),
  table: z.string(),
  key: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** null: the import created the row. */
  oldValue: z.record(z.string(), z.unknown()).nullable(),
  newValue: z.record(z.string(), z.unknown()).nullable(),
});

export const importBatchPageSchema = pageSchema(importBatchSchema);

export const importBatchDetailSchema = importBatchSchema.extend({ changes: pageSchema(importChangeSchema) });

export const listImportsQuerySchema = paginationQuerySchema.strict();

export const importIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

export const undoImportBodySchema = z.object({ reason: z.string().max(2000).optional() }).strict();

export const undoImportResultSchema = z.object({
  batch: importBatchSchema,
  /** Rows set back to their value before the import. */
  restored: z.number().int(),
  /** Rows the import had created, now deleted. */
  deleted: z.number().int(),
});

export const tableFormatSchema = z.enum(['csv', 'xlsx']);

/** `GET /api/templates/:scorecard?format=&orgUnit=&from=&to=` */
export const templateQuerySchema = z
  .object({
    format: tableFormatSchema.default('xlsx'),
    /** Rows for this unit and its subtree; default the scorecard's units (or every unit if it names none). */
    orgUnit: codeRefSchema.optional(),
    /** First and last period of the rows; default the current month. */
    from: periodIdSchema.optional(),
    to: periodIdSchema.optional(),
  })
  .strict();

/** `GET /api/exports/data-values?…`: the filters of the data-values list, without the page. */
export const exportDataValuesQuerySchema = z
  .object({
    format: tableFormatSchema.default('csv'),
    orgUnit: codeRefSchema.optional(),
    includeDescendants: queryBooleanSchema.default(false),
    dataElement: queryListSchema.optional(),
    period: queryListSchema.optional(),
    from: periodIdSchema.optional(),
    to: periodIdSchema.optional(),
  })
  .strict();

export const exportScorecardQuerySchema = z
  .object({ format: z.enum(['yaml', 'json']).default('yaml') })
  .strict();

export type ImportKind = z.infer<typeof importKindSchema>;
export type ImportFormat = z.infer<typeof importFormatSchema>;
export type ImportEncoding = z.infer<typeof importEncodingSchema>;
export type ImportErrorCode = z.infer<typeof importErrorCodeSchema>;
export type ImportErrorBody = z.infer<typeof importErrorSchema>;
export type ImportNotice = z.infer<typeof problemNoteSchema>;
export type ImportQuery = z.infer<typeof importQuerySchema>;
export type ImportReportBody = z.infer<typeof importReportSchema>;
export type ImportViolation = z.infer<typeof importViolationSchema>;
export type ImportProgress = z.infer<typeof importProgressSchema>;
export type ImportBatch = z.infer<typeof importBatchSchema>;
export type ImportChange = z.infer<typeof importChangeSchema>;
export type ImportBatchDetail = z.infer<typeof importBatchDetailSchema>;
export type UndoImportResult = z.infer<typeof undoImportResultSchema>;
export type TemplateQuery = z.infer<typeof templateQuerySchema>;
export type ExportDataValuesQuery = z.infer<typeof exportDataValuesQuerySchema>;
export type ExportScorecardQuery = z.infer<typeof exportScorecardQuerySchema>;
