/**
 * An import report: the counts, the encoding the server used (and why), what it clears (stored attributes
 * emptied by empty cells), its notices (what converting an older scorecard file changed, the compiler's
 * warnings), then the row errors in a paginated table (row number,
 * column, value, problem). Used for the dry run, the refused commit and the committed result. Everything the
 * server explains is worded in the user's language from its codes (components/problem-words.ts): a row error's
 * code under `problems.import-row.*`, the encoding's reason and the notices as notes.
 */
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReportBody } from '../../../../core/contracts/import.ts';
import { noteText } from '../../../components/problem-words.ts';
import { formatList, formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { COUNT_LABELS, ERROR_CODE_LABELS } from '../labels.ts';
import {
  clearedTotal,
  type ErrorRow,
  errorReason,
  errorRows,
  noticeRows,
  reportCounts,
} from '../report-rows.ts';

export function ReportCounts({
  report,
  testId,
}: {
  readonly report: ImportReportBody;
  readonly testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Descriptions
      data-testid={testId}
      bordered
      size="small"
      column={{ xs: 1, sm: 2, md: 3, lg: 5 }}
      items={reportCounts(report).map((count) => ({
        key: count.key,
        label: t(COUNT_LABELS[count.key]),
        children: (
          <span data-testid={`${testId}-${count.key}`} data-value={count.value}>
            {formatNumber(count.value, language)}
          </span>
        ),
      }))}
    />
  );
}

export function ReportDetails({ report }: { readonly report: ImportReportBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <Typography.Text type="secondary" data-testid="report-file">
        {t('imports.report.file', { name: report.fileName, format: report.format.toUpperCase() })}
        {report.encoding !== null && (
          <>
            {' · '}
            <span data-testid="report-encoding">
              {t('imports.report.encoding', { encoding: report.encoding })}
            </span>
            {report.encodingReason !== null && (
              <span data-testid="report-encoding-reason">
                {t('imports.report.encodingReason', { reason: noteText(t, report.encodingReason) })}
              </span>
            )}
          </>
        )}
      </Typography.Text>
      {report.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-ignored-columns"
          title={t('imports.report.ignoredColumns', { columns: formatList(report.ignoredColumns, language) })}
        />
      )}
      {report.sameAsBatchId !== null && (
        <Alert
          type="info"
          showIcon
          data-testid="report-same-as"
          title={t('imports.report.sameAs', { id: report.sameAsBatchId })}
        />
      )}
    </div>
  );
}

/**
 * What the import clears: stored attributes (comments, evidence, sources, Chinese names …) emptied by empty
 * cells of columns the file has, by column, so nobody clears them without being told. Said before the commit
 * (the dry run) and after it.
 */
export function ReportClears({ report }: { readonly report: ImportReportBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = clearedTotal(report);
  if (total === 0) return null;
  const entries = formatNumber(total, language);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="report-clears"
      data-value={total}
      title={
        report.committed
          ? t('imports.report.clearsDone', { entries })
          : t('imports.report.clearsPlanned', { entries })
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {report.clears.map((clear) => (
            <li key={clear.column} data-testid="report-clear" data-column={clear.column}>
              {t('imports.report.clearsColumn', {
                column: clear.column,
                entries: formatNumber(clear.count, language),
              })}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The report's notices: remarks, not errors, so a file with them may still be committed. */
export function ReportNotices({ report }: { readonly report: ImportReportBody }) {
  const { t } = useTranslation();
  if (report.notices.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="report-notices"
      title={t('imports.report.noticesTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {noticeRows(report).map((notice) => (
            <li key={notice.key} data-testid="report-notice" data-code={notice.code}>
              {noteText(t, notice)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The validation rules the file's values break, each with the rows of its values. */
export function ReportViolations({ report }: { readonly report: ImportReportBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const violations = report.violations ?? [];
  if (violations.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="report-violations"
      title={t('imports.report.violationsTitle', { count: violations.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {violations.map((v) => (
            <li key={`${v.scorecard}/${v.rule}/${v.orgUnit}/${v.period}`} data-testid="report-violation">
              {t('imports.report.violation', {
                rows: formatList(v.rows.map(String), language),
                orgUnit: v.orgUnit,
                period: v.period,
                message: localize(v.message, language),
                left: formatNumber(v.left, language, Number.isInteger(v.left) ? 0 : 2),
                operator: v.operator,
                right: formatNumber(v.right, language, Number.isInteger(v.right) ? 0 : 2),
              })}{' '}
              <Tag color={v.importance === 'high' ? 'red' : 'orange'}>
                {t(IMPORTANCE_LABELS[v.importance])}
              </Tag>
            </li>
          ))}
        </ul>
      }
    />
  );
}

const IMPORTANCE_LABELS = {
  low: 'imports.report.importance.low',
  medium: 'imports.report.importance.medium',
  high: 'imports.report.importance.high',
} as const satisfies Record<NonNullable<ImportReportBody['violations']>[number]['importance'], string>;

export function ReportErrors({ report }: { readonly report: ImportReportBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (report.errorCount === 0) return null;
  return (
    <section aria-labelledby="report-errors-title" style={{ minWidth: 0 }}>
      <Typography.Title level={4} id="report-errors-title" style={{ marginTop: 8 }}>
        {t('imports.report.errorsTitle')}
      </Typography.Title>
      <Table<ErrorRow>
        data-testid="report-errors"
        size="small"
        rowKey="key"
        dataSource={errorRows(report)}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(row) => ({ 'data-testid': 'report-error-row', 'data-row': row.row }) as object}
        columns={[
          {
            key: 'row',
            title: t('imports.errorTable.row'),
            dataIndex: 'row',
            width: 80,
            render: (row: number) => (
              <span data-testid="report-error-line">{formatNumber(row, language)}</span>
            ),
          },
          {
            key: 'column',
            title: t('imports.errorTable.column'),
            dataIndex: 'column',
            render: (column: string) => <Typography.Text code>{column}</Typography.Text>,
          },
          {
            key: 'value',
            title: t('imports.errorTable.value'),
            dataIndex: 'value',
            render: (value: string) => (value === '' ? '—' : value),
          },
          {
            key: 'message',
            title: t('imports.errorTable.message'),
            render: (_: unknown, row: ErrorRow) => (
              <span data-testid="report-error-message" data-code={row.code}>
                <Tag color="red">{t(ERROR_CODE_LABELS[row.code])}</Tag>
                <span data-testid="report-error-reason">{errorReason(t, row)}</span>
              </span>
            ),
          },
        ]}
      />
      {report.errorsNotListed > 0 && (
        <Typography.Text type="secondary" data-testid="report-errors-not-listed">
          {t('imports.report.notListed', { errors: formatNumber(report.errorsNotListed, language) })}
        </Typography.Text>
      )}
    </section>
  );
}
