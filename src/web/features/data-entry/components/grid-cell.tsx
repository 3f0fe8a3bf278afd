/**
 * One cell of the grid: a labelled input ("<element> <month>"), its error read out with it
 * (aria-invalid + aria-describedby), a mark when it differs from what is stored, a button for its comment, and
 * the data-quality warnings of its stored value (a broken rule, an unusual value).
 *
 * A grid draws a hundred and more of these at once, so a cell holds no hook of its own: its words and colours
 * come from the grid (`CellLook`), worded once, and its comment button says what it does in a native title
 * rather than an Ant Design tooltip (a tooltip per cell was the largest part of drawing AZ Hospital's grid).
 */
import { CommentOutlined, MessageFilled } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { type ClipboardEvent, memo } from 'react';
import type { CellError } from '../cell-validation.ts';

/** What every cell of a grid shares: its words and colours, made once per language and theme. */
export interface CellLook {
  /** The comment button's name, for the cell's label. */
  readonly commentOpen: (label: string) => string;
  /** The words of an error. */
  readonly errorText: (error: CellError) => string;
  readonly colors: {
    readonly readOnly: string;
    readonly copied: string;
    readonly changed: string;
    readonly error: string;
    readonly warning: string;
    readonly comment: string;
  };
}

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
  readonly look: CellLook;
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
  look,
}: GridCellProps) {
  const { colors } = look;
  const commentLabel = look.commentOpen(label);
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
              ? colors.readOnly
              : copiedFrom !== null
                ? colors.copied
                : changed
                  ? colors.changed
                  : undefined,
          }}
          onChange={(event) => onType(dataElement, month, event.target.value)}
          onPaste={onPaste}
        />
        <Button
          size="small"
          type="text"
          aria-label={commentLabel}
          title={commentLabel}
          data-testid="cell-comment"
          icon={hasComment ? <MessageFilled style={{ color: colors.comment }} /> : <CommentOutlined />}
          onClick={() => onComment(dataElement, month)}
        />
      </div>
      {error === null ? null : (
        <div
          id={errorId}
          role="alert"
          data-testid="cell-error"
          style={{ color: colors.error, fontSize: 12, lineHeight: 1.3, maxWidth: 140 }}
        >
          {look.errorText(error)}
        </div>
      )}
      {warnings.length === 0 ? null : (
        <div
          id={warningId}
          data-testid="cell-warning"
          style={{ color: colors.warning, fontSize: 12, lineHeight: 1.3, maxWidth: 160 }}
        >
          {warnings.map((warning) => (
            <div key={warning}>⚠ {warning}</div>
          ))}
        </div>
      )}
    </div>
  );
});
