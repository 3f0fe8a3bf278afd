/** Import and export of tables (CSV, XLSX): read, check whole, report. Writes nothing; see README.md. */
export type { StreamSource, TableSource } from './byte-source.ts';
export type {
  AssessmentContext,
  AssessmentKey,
  AssessmentRecord,
  BaseContext,
  DataElementRef,
  DataValueContext,
  DataValueKey,
  DataValueRecord,
  IndicatorRef,
  OrgUnitRef,
  PeriodNormalizer,
  TargetContext,
  TargetKey,
  TargetRecord,
  TargetScope,
  TargetValues,
} from './check-context.ts';
export { sameNumber } from './check-context.ts';
export { checkAssessments, checkDataValues, checkTargets } from './check-import.ts';
export {
  checkOrgUnitList,
  type ListedUnit,
  type OrgUnitListContext,
  type OrgUnitRecord,
  type OrgUnitRow,
  readOrgUnitRows,
  type StoredUnitRef,
} from './check-org-units.ts';
export {
  checkReportedValues,
  type ReportedContext,
  type ReportedKey,
  type ReportedRecord,
  type ReportedRow,
  readReportedRows,
  type ScorecardRef,
} from './check-reported.ts';
export { COLUMN_ALIASES, type ColumnName, columnNameOf, NAMES_ROW_MARKERS } from './column-names.ts';
export type { CsvDelimiter } from './csv-tokenizer.ts';
export { type DecodedText, decodeText, findUndecodable, type TextPosition } from './decode-text.ts';
export {
  type DetectedEncodingName,
  detectEncoding,
  type EncodingDetection,
  type EncodingOption,
  type TextEncodingName,
} from './detect-encoding.ts';
export {
  checkInflation,
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
} from './import-limits.ts';
export {
  DEFAULT_MAX_ERRORS,
  definitionError,
  definitionErrorOfCode,
  type ErrorPlace,
  type ImportAction,
  type ImportClear,
  type ImportError,
  type ImportErrorCode,
  type ImportReport,
  type RowErrorParams,
  rowError,
  rowErrorOfCode,
} from './import-report.ts';
export { type ParsedNumber, parseNumber } from './parse-number.ts';
export {
  type ReadProgress,
  type ReadTableOptions,
  readTable,
  type Table,
  type TableInfo,
  type TableRow,
} from './read-table.ts';
export {
  type AssessmentRow,
  type Cell,
  type DataValueCell,
  type DataValueRow,
  type FormatRows,
  isLongDataValueHeader,
  type RowProblem,
  readAssessmentRows,
  readDataValueRows,
  readTargetRows,
  type TableLike,
  type TargetRow,
} from './row-formats.ts';
export {
  buildWideTemplate,
  type TableCellValue,
  type TableFormat,
  type WideTemplateInput,
  type WriteTableOptions,
  writeTable,
} from './templates.ts';
