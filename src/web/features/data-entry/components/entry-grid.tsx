/**
 * The grid: one row per data element the scorecard reads (its name, unit and value type), one column per
 * month, then per quarter and for the year when an element is reported so; a row has cells in the columns of
 * its own period type only. Wide grids scroll sideways inside the table, never the page.
 */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import { formatPeriod, formatUnit } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { cellText } from '../cell-validation.ts';
import { type CellConflict, checkEdit, type Edits, type StoredValues } from '../grid-edits.ts';
import { cellKey, columnType } from '../grid-model.ts';
import type { QualityMark } from '../quality-marks.ts';
import { GridCell } from './grid-cell.tsx';
import { useMarkText } from './quality-words.ts';

/** A row: the element, or only its code when the server does not know it. */
export interface GridRow {
  readonly code: string;
  readonly element: DataElement | undefined;
}

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
  readonly edits: Edits;
  readonly conflicts: ReadonlyMap<string, CellConflict>;
  /** The data-quality marks of the stored values, by cell key. */
  readonly marks: ReadonlyMap<string, readonly QualityMark[]>;
  readonly readOnly: boolean;
  readonly onType: (dataElement: string, month: string, text: string) => void;
  readonly onComment: (dataElement: string, month: string) => void;
}

export function EntryGrid({
  rows,
  months,
  stored,
  edits,
  conflicts,
  marks,
  readOnly,
  onType,
  onComment,
}: EntryGridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markText = useMarkText();
  const nameOf = (row: GridRow) =>
    row.element === undefined ? row.code : localize(row.element.name, language);

  const columns: ColumnsType<GridRow> = [
    {
      key: 'element',
      title: t('dataEntry.grid.element'),
      fixed: 'left',
      width: 200,
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
      title: formatPeriod(month, language),
      width: 150,
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
        const edit = edits.get(key);
        const value = stored.get(key);
        const check = edit === undefined || row.element === undefined ? null : checkEdit(edit, row.element);
        const comment = edit?.comment === undefined ? (value?.comment ?? null) : edit.comment;
        return (
          <GridCell
            id={`cell-${row.code}-${month}`}
            label={`${nameOf(row)} ${formatPeriod(month, language)}`}
            text={edit?.text ?? cellText(value?.value)}
            error={check === null || check.ok ? null : check.error}
            changed={edit !== undefined}
            conflicted={conflicts.has(key)}
            hasComment={comment !== null && comment !== ''}
            warnings={(marks.get(key) ?? []).map(markText)}
            readOnly={readOnly || row.element === undefined}
            dataElement={row.code}
            month={month}
            onType={onType}
            onComment={onComment}
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
      dataSource={[...rows]}
      scroll={{ x: 'max-content' }}
    />
  );
}
