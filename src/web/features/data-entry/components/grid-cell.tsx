/**
 * One cell of the grid: a labelled input ("<element> <month>"), its error read out with it
 * (aria-invalid + aria-describedby), a mark when it differs from what is stored, a button for its comment, and
 * the data-quality warnings of its stored value (a broken rule, an unusual value).
 *
 * A grid draws a hundred and more of these at once, so a cell is plain elements in Ant Design's look
 * (grid-cell.css) and holds no hook of its own: its words come from the grid (`CellWords`), made once, and its
 * comment button says what it does in a native title rather than a tooltip. An Ant Design Input, Button and
 * Tooltip per cell, each with its own hooks, were most of the time to draw AZ Hospital's grid.
 */
import { CommentOutlined, MessageFilled } from '@ant-design/icons';
import { type ClipboardEvent, memo } from 'react';
import type { CellError } from '../cell-validation.ts';
import './grid-cell.css';

/** What every cell of a grid says alike, made once per language. */
export interface CellWords {
  /** The comment button's name, for the cell's label. */
  readonly commentOpen: (label: string) => string;
  /** The words of an error. */
  readonly errorText: (error: CellError) => string;
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
  readonly words: CellWords;
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
  words,
}: GridCellProps) {
  const commentLabel = words.commentOpen(label);
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const describedBy = [error === null ? null : errorId, warnings.length === 0 ? null : warningId]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="grid-cell" data-testid="grid-cell" data-cell={`${dataElement}/${month}`}>
      <div className="grid-cell-row">
        <input
          id={id}
          className="grid-cell-input"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          readOnly={readOnly}
          aria-label={label}
          aria-invalid={error !== null}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          data-status={
            error !== null || conflicted ? 'error' : changed || warnings.length > 0 ? 'warning' : undefined
          }
          data-testid="cell-input"
          data-changed={changed ? 'true' : 'false'}
          data-copied={copiedFrom === null ? 'false' : 'true'}
          title={copiedFrom ?? undefined}
          data-warned={warnings.length > 0 ? 'true' : 'false'}
          onChange={(event) => onType(dataElement, month, event.target.value)}
          onPaste={onPaste}
        />
        <button
          type="button"
          className="grid-cell-comment"
          aria-label={commentLabel}
          title={commentLabel}
          data-testid="cell-comment"
          data-has-comment={hasComment ? 'true' : 'false'}
          onClick={() => onComment(dataElement, month)}
        >
          {hasComment ? <MessageFilled /> : <CommentOutlined />}
        </button>
      </div>
      {error === null ? null : (
        <div id={errorId} role="alert" data-testid="cell-error" className="grid-cell-error">
          {words.errorText(error)}
        </div>
      )}
      {warnings.length === 0 ? null : (
        <div id={warningId} data-testid="cell-warning" className="grid-cell-warning">
          {warnings.map((warning) => (
            <div key={warning}>⚠ {warning}</div>
          ))}
        </div>
      )}
    </div>
  );
});
