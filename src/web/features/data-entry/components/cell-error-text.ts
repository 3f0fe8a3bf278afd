/** The words of a cell's error, in the interface's language. */
import type { TFunction } from 'i18next';
import type { CellError, CellErrorCode } from '../cell-validation.ts';

const MESSAGES = {
  notNumber: 'dataEntry.validation.notNumber',
  notInteger: 'dataEntry.validation.notInteger',
  percentageRange: 'dataEntry.validation.percentageRange',
  negativeMoney: 'dataEntry.validation.negativeMoney',
  belowMin: 'dataEntry.validation.belowMin',
  aboveMax: 'dataEntry.validation.aboveMax',
  commentNeedsValue: 'dataEntry.validation.commentNeedsValue',
} as const satisfies Record<CellErrorCode, string>;

export function cellErrorText(t: TFunction, error: CellError): string {
  // The bound as the element defines it, unrounded: 0.5 must not read as 1.
  const limit = error.limit === undefined ? '' : String(error.limit);
  return t(MESSAGES[error.code], { limit });
}
