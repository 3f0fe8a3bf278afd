/**
 * The grid: one row per data element the scorecard reads (its name, unit and value type), one column per
 * month, then per quarter and for the year when an element is reported so; a row has cells in the columns of
 * its own period type only. Wide grids scroll sideways inside the table, never the page.
 *
 * Typing does not draw the table again: the table's props stay the same while the user types (the edits live in
 * an EditStore), and each cell reads its own edit from the store (`EntryCell`).
 */
import { LockOutlined } from '@ant-design/icons';
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ClipboardEvent, memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalResource } from '../../../../core/contracts/approvals.ts';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import type { DataValue } from '../../../../core/contracts/data-values.ts';
import { formatPeriod, formatUnit } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { cellText } from '../cell-validation.ts';
import { type EditStore, useCellEdit } from '../edit-store.ts';
import { type CellConflict, checkEdit, type StoredValues } from '../grid-edits.ts';
import { cellKey, columnType, type GridRow } from '../grid-model.ts';
import { isBlock } from '../grid-paste.ts';
import type { QualityMark } from '../quality-marks.ts';
import { cellErrorText } from './cell-error-text.ts';
import { type CellWords, GridCell } from './grid-cell.tsx';
import { useMarkText } from './quality-words.ts';

export type { GridRow } from '../grid-model.ts';

const VALUE_TYPES = {
  number: 'dataEntry.valueType.number',
  integer: 'dataEntry.valueType.integer',
  percentage: 'dataEntry.valueType.percentage',
  money: 'dataEntry.valueType.money',
} as const satisfies Record<DataElement['valueType'], string>;

const REPORTED_PER = {
  month: 'dataEntry.grid.reportedMonthly',
  quarter: 'dataEntry.grid.reportedQuarterly',
  year: 'dataEntry.grid.reportedYearly',
} as const;

export interface EntryGridProps {
  readonly rows: readonly GridRow[];
  readonly months: readonly string[];
  readonly stored: StoredValues;
  /** The edits; each cell reads its own. */
  readonly store: EditStore;
  readonly conflicts: ReadonlyMap<string, CellConflict>;
  /** The data-quality marks of the stored values, by cell key. */
  readonly marks: ReadonlyMap<string, readonly QualityMark[]>;
  /** The approval locking each locked column (column-locks.ts): its cells are read-only. */
  readonly locks: ReadonlyMap<string, ApprovalResource>;
  readonly readOnly: boolean;
  /** The codes of the rows selected (for "copy previous period"); undefined: rows cannot be selected. */
  readonly selected?: readonly string[] | undefined;
  readonly onSelect?: (codes: readonly string[]) => void;
  readonly onType: (dataElement: string, month: string, text: string) => void;
  readonly onComment: (dataElement: string, month: string) => void;
  /** A block of cells pasted (from Excel or WPS) into this cell; a single value is the input's own paste. */
  readonly onPasteBlock: (dataElement: string, month: string, text: string) => void;
}

const NO_WARNINGS: readonly string[] = [];

/**
 * Above this many rows the table draws only the rows in its window (antd's virtual table): AZ Hospital's 41 rows
 * × 12 months drew 492 inputs before the first could be typed into. Smaller grids draw every row, so the whole
 * grid stays in the page (and in the browser's find).
 */
const VIRTUAL_ROWS = 20;
/** The window's height when virtual: most of a 768 px screen below the page's header and toolbar. */
const VIRTUAL_HEIGHT = 640;
const ELEMENT_WIDTH = 200;
const COLUMN_WIDTH = 150;
const SELECT_WIDTH = 36;

export const EntryGrid = memo(function EntryGrid({
  rows,
  months,
  stored,
  store,
  conflicts,
  marks,
  locks,
  readOnly,
  selected,
  onSelect,
  onType,
  onComment,
  onPasteBlock,
}: EntryGridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markText = useMarkText();
  const nameOf = (row: GridRow) =>
    row.element === undefined ? row.code : localize(row.element.name, language);
  // Worded once per change of the marks, so each cell's warnings keep their identity while the user types.
  const warnings = useMemo(
    () => new Map([...marks].map(([key, list]) => [key, list.map(markText)])),
    [marks, markText],
  );
  const dataSource = useMemo(() => [...rows], [rows]);
  // Worded once for every cell: a translation hook per cell cost more than the cell itself.
  const words = useMemo<EntryCellProps['words']>(
    () => ({
      commentOpen: (cell) => t('dataEntry.comment.open', { cell }),
      errorText: (error) => cellErrorText(t, error),
      copiedFrom: (period) => t('dataEntry.copy.copiedFrom', { period: formatPeriod(period, language) }),
    }),
    [t, language],
  );
  const virtual = rows.length > VIRTUAL_ROWS;

  const columns: ColumnsType<GridRow> = [
    {
      key: 'element',
      title: t('dataEntry.grid.element'),
      fixed: 'left',
      width: ELEMENT_WIDTH,
      render: (_, row) => (
        <div style={{ minWidth: 150, maxWidth: 200 }}>
          <div data-testid="row-name">{nameOf(row)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.element === undefined
              ? t('dataEntry.grid.unknownElement')
              : [formatUnit(row.element.unit, language), t(VALUE_TYPES[row.element.valueType])]
                  .filter(Boolean)
                  .join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    ...months.map((month) => ({
      key: month,
      title: <ColumnTitle month={month} lock={locks.get(month)} />,
      width: COLUMN_WIDTH,
      render: (_: unknown, row: GridRow) => {
        const reportedPer = row.element?.periodType ?? 'month';
        if (columnType(month) !== reportedPer) {
          // One period type per element: no cell where the server would refuse the value.
          return (
            <Typography.Text
              type="secondary"
              data-testid={`not-entered-${row.code}-${month}`}
              title={t(REPORTED_PER[reportedPer])}
            >
              —<span className="visually-hidden">{t(REPORTED_PER[reportedPer])}</span>
            </Typography.Text>
          );
        }
        const key = cellKey(row.code, month);
        return (
          <EntryCell
            store={store}
            words={words}
            cellKey={key}
            element={row.element}
            value={stored.get(key)}
            label={`${nameOf(row)} ${formatPeriod(month, language)}`}
            conflicted={conflicts.has(key)}
            warnings={warnings.get(key) ?? NO_WARNINGS}
            readOnly={readOnly || row.element === undefined || locks.has(month)}
            dataElement={row.code}
            month={month}
            onType={onType}
            onComment={onComment}
            onPasteBlock={onPasteBlock}
          />
        );
      },
    })),
  ];

  return (
    <Table<GridRow>
      data-testid="entry-grid"
      rowKey="code"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={dataSource}
      virtual={virtual}
      scroll={
        virtual
          ? { x: SELECT_WIDTH + ELEMENT_WIDTH + months.length * COLUMN_WIDTH, y: VIRTUAL_HEIGHT }
          : { x: 'max-content' }
      }
      rowSelection={
        selected === undefined || onSelect === undefined
          ? undefined
          : {
              fixed: 'left',
              columnWidth: SELECT_WIDTH,
              selectedRowKeys: [...selected],
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (row) => ({
                'aria-label': t('dataEntry.copy.selectRow', { name: nameOf(row) }),
              }),
            }
      }
    />
  );
});

/** A month's heading, with a lock when an approval or a submission keeps its cells read-only. */
function ColumnTitle({
  month,
  lock,
}: {
  readonly month: string;
  readonly lock: ApprovalResource | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const period = formatPeriod(month, language);
  if (lock === undefined) return <>{period}</>;
  const words = { period: formatPeriod(lock.period, language), user: lock.decidedBy ?? '' };
  const why =
    lock.status === 'submitted'
      ? t('dataEntry.columnLock.submitted', words)
      : lock.decidedBy === null
        ? t('dataEntry.columnLock.approvedNoUser', words)
        : t('dataEntry.columnLock.approved', words);
  return (
    <Tooltip title={why}>
      <span data-testid="column-lock" data-column={month} data-status={lock.status}>
        <LockOutlined aria-hidden /> {period}
        <span className="visually-hidden">{why}</span>
      </span>
    </Tooltip>
  );
}

interface EntryCellProps {
  readonly store: EditStore;
  readonly words: CellWords & { readonly copiedFrom: (period: string) => string };
  readonly cellKey: string;
  readonly element: DataElement | undefined;
  readonly value: DataValue | undefined;
  readonly label: string;
  readonly conflicted: boolean;
  readonly warnings: readonly string[];
  readonly readOnly: boolean;
  readonly dataElement: string;
  readonly month: string;
  readonly onType: (dataElement: string, month: string, text: string) => void;
  readonly onComment: (dataElement: string, month: string) => void;
  readonly onPasteBlock: (dataElement: string, month: string, text: string) => void;
}

/** One cell with its own edit from the store: typing redraws this cell only. */
function EntryCell({ store, words, cellKey: key, element, value, onPasteBlock, ...cell }: EntryCellProps) {
  const edit = useCellEdit(store, key);
  const copiedFrom = edit?.copiedFrom === undefined ? null : words.copiedFrom(edit.copiedFrom);
  const check = edit === undefined || element === undefined ? null : checkEdit(edit, element);
  const comment = edit?.comment === undefined ? (value?.comment ?? null) : edit.comment;
  return (
    <GridCell
      {...cell}
      words={words}
      id={`cell-${cell.dataElement}-${cell.month}`}
      text={edit?.text ?? cellText(value?.value)}
      error={check === null || check.ok ? null : check.error}
      changed={edit !== undefined}
      copiedFrom={copiedFrom}
      hasComment={comment !== null && comment !== ''}
      onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
        const text = event.clipboardData.getData('text/plain');
        if (!isBlock(text) || cell.readOnly) return;
        event.preventDefault();
        onPasteBlock(cell.dataElement, cell.month, text);
      }}
    />
  );
}
