/**
 * Translation keys of the contract's codes, written out so the i18n check sees every key used and the type
 * checker proves every code has one.
 */
import type { ImportEncoding, ImportErrorCode, ImportKind } from '../../../core/contracts/import.ts';
import type { ReportCountKey } from './report-rows.ts';

export const KIND_LABELS = {
  data: 'imports.kind.data',
  targets: 'imports.kind.targets',
  assessments: 'imports.kind.assessments',
  reported: 'imports.kind.reported',
  metadata: 'imports.kind.metadata',
  extract: 'imports.kind.extract',
} as const satisfies Record<ImportKind, string>;

export const KIND_HELP = {
  data: 'imports.kindHelp.data',
  targets: 'imports.kindHelp.targets',
  assessments: 'imports.kindHelp.assessments',
  reported: 'imports.kindHelp.reported',
  metadata: 'imports.kindHelp.metadata',
  extract: 'imports.kindHelp.extract',
} as const satisfies Record<ImportKind, string>;

export const ENCODING_LABELS = {
  auto: 'imports.encoding.auto',
  'utf-8': 'imports.encoding.utf8',
  gb18030: 'imports.encoding.gb18030',
  gbk: 'imports.encoding.gbk',
  'windows-1252': 'imports.encoding.windows1252',
} as const satisfies Record<ImportEncoding, string>;

export const COUNT_LABELS = {
  rowsRead: 'imports.counts.rowsRead',
  toCreate: 'imports.counts.toCreate',
  toUpdate: 'imports.counts.toUpdate',
  unchanged: 'imports.counts.unchanged',
  errorCount: 'imports.counts.errorCount',
} as const satisfies Record<ReportCountKey, string>;

export const PHASE_LABELS = {
  reading: 'imports.phase.reading',
  checking: 'imports.phase.checking',
  writing: 'imports.phase.writing',
} as const;

export const ERROR_CODE_LABELS = {
  'unknown-org-unit': 'imports.errorCodes.unknownOrgUnit',
  'unknown-period': 'imports.errorCodes.unknownPeriod',
  'unknown-data-element': 'imports.errorCodes.unknownDataElement',
  'unknown-indicator': 'imports.errorCodes.unknownIndicator',
  'unknown-scorecard': 'imports.errorCodes.unknownScorecard',
  'wrong-indicator-kind': 'imports.errorCodes.wrongIndicatorKind',
  'non-numeric': 'imports.errorCodes.nonNumeric',
  'not-integer': 'imports.errorCodes.notInteger',
  'period-not-month': 'imports.errorCodes.periodNotMonth',
  'period-not-quarter': 'imports.errorCodes.periodNotQuarter',
  'period-not-year': 'imports.errorCodes.periodNotYear',
  'out-of-range': 'imports.errorCodes.outOfRange',
  'missing-value': 'imports.errorCodes.missingValue',
  'invalid-band': 'imports.errorCodes.invalidBand',
  'duplicate-key': 'imports.errorCodes.duplicateKey',
  undecodable: 'imports.errorCodes.undecodable',
  'extra-cell': 'imports.errorCodes.extraCell',
  'unterminated-quote': 'imports.errorCodes.unterminatedQuote',
  'invalid-definition': 'imports.errorCodes.invalidDefinition',
  'invalid-value': 'imports.errorCodes.invalidValue',
  'out-of-scope': 'imports.errorCodes.outOfScope',
} as const satisfies Record<ImportErrorCode, string>;
