/**
 * One cell of the grid: a labelled input ("<element> <month>"), its error read out with it
 * (aria-invalid + aria-describedby), a mark when it differs from what is stored, a button for its comment, and
 * the data-quality warnings of its stored value (a broken rule, an unusual value).
 */
import { CommentOutlined, MessageFilled } from '@ant-design/icons';
import { Button, Input, Tooltip, theme } from 'antd';
import { type ClipboardEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellError } from '../cell-validation.ts';
import { useCellErrorText } from './cell-error-text.ts';

export interface GridCellProps {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  readonly error: CellError | null;
  readonly changed: boolean;
  /** Worded source of a copied, unsaved value (copy previous period); null: not copied. */
  readonly copiedFrom: string | null;
  readonly conflicted: boolean;
  readonly hasComment: boolean;
  /** The data-quality warnings of the stored value, worded; empty: none. */
  readonly warnings: readonly string[];
  readonly readOnly: boolean;
  readonly dataElement: string;
  readonly month: string;
  readonly onType: (dataElement: string, month: string, text: string) => void;
  readonly onComment: (dataElement: string, month: string) => void;
  /** Before the input's own paste: a block of cells is the grid's to spread. */
  readonly onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
}

export const GridCell = memo(function GridCell({
  id,
  label,
  text,
  error,
  changed,
  copiedFrom,
  conflicted,
  hasComment,
  warnings,
  readOnly,
  dataElement,
  month,
  onType,
  onComment,
  onPaste,
}: GridCellProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useCellErrorText(error);
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const describedBy = [error === null ? null : errorId, warnings.length === 0 ? null : warningId]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div data-testid="grid-cell" data-cell={`${dataElement}/${month}`} style={{ minWidth: 112 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Input
          id={id}
          size="small"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          readOnly={readOnly}
          aria-label={label}
          aria-invalid={error !== null}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          status={
            error !== null || conflicted ? 'error' : changed || warnings.length > 0 ? 'warning' : undefined
          }
          data-testid="cell-input"
          data-changed={changed ? 'true' : 'false'}
          data-copied={copiedFrom === null ? 'false' : 'true'}
          title={copiedFrom ?? undefined}
          data-warned={warnings.length > 0 ? 'true' : 'false'}
          style={{
            textAlign: 'right',
            background: readOnly
              ? token.colorFillTertiary
              : copiedFrom !== null
                ? token.colorInfoBg
                : changed
                  ? token.colorWarningBg
                  : undefined,
          }}
          onChange={(event) => onType(dataElement, month, event.target.value)}
          onPaste={onPaste}
        />
        <Tooltip title={t('dataEntry.comment.open', { cell: label })}>
          <Button
            size="small"
            type="text"
            aria-label={t('dataEntry.comment.open', { cell: label })}
            data-testid="cell-comment"
            icon={hasComment ? <MessageFilled style={{ color: token.colorPrimary }} /> : <CommentOutlined />}
            onClick={() => onComment(dataElement, month)}
          />
        </Tooltip>
      </div>
      {error === null ? null : (
        <div
          id={errorId}
          role="alert"
          data-testid="cell-error"
          style={{ color: token.colorError, fontSize: 12, lineHeight: 1.3, maxWidth: 140 }}
        >
          {errorText}
        </div>
      )}
      {warnings.length === 0 ? null : (
        <div
          id={warningId}
          data-testid="cell-warning"
          style={{ color: token.colorWarningText, fontSize: 12, lineHeight: 1.3, maxWidth: 160 }}
        >
          {warnings.map((warning) => (
            <div key={warning}>⚠ {warning}</div>
          ))}
        </div>
      )}
    </div>
  );
});
