/**
 * The imports committed so far (`GET /api/imports`, newest first): who, when, what kind, which file, the
 * counts and the status, with Undo. Undo asks first; the server refuses with 409 when a row changed since the
 * import or an approval locks it, and that answer is shown in the dialog. The table fits a 1366 px screen (issue
 * 17: status and Undo were off screen): fixed column widths, the file name cut with an ellipsis (in full on
 * hover), who under when, and the counts and the undo note wrapping.
 */
import { Alert, Button, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch, UndoImportResult } from '../../../../core/contracts/import.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import { isApiError } from '../../../lib/api/api-error.ts';
import { useImportHistory, useUndoImport } from '../../../lib/api/imports.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { KIND_LABELS } from '../labels.ts';
import { canUndo } from '../report-rows.ts';
import { ImportProblem } from './import-problem.tsx';

const PAGE_SIZE = 10;

export function ImportHistory() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const history = useImportHistory({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const undo = useUndoImport();
  const [target, setTarget] = useState<ImportBatch | null>(null);
  const [reason, setReason] = useState('');
  const [undone, setUndone] = useState<UndoImportResult | null>(null);
  const data = history.data;

  const close = () => {
    setTarget(null);
    setReason('');
    undo.reset();
  };

  const confirm = () => {
    if (target === null) return;
    undo.mutate(
      { id: target.id, reason },
      {
        onSuccess: (result) => {
          setUndone(result);
          close();
        },
      },
    );
  };

  return (
    <div style={{ display: 'grid', gap: 12, minWidth: 0 }}>
      {undone !== null && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setUndone(null)}
          data-testid="undo-result"
          title={t('imports.undo.done', {
            id: undone.batch.id,
            restored: formatNumber(undone.restored, language),
            deleted: formatNumber(undone.deleted, language),
          })}
        />
      )}
      <LoadingPanel
        isLoading={history.isPending}
        error={history.error}
        isEmpty={data !== undefined && data.total === 0}
        emptyText={t('imports.history.empty')}
        onRetry={() => void history.refetch()}
      >
        <ExportableTable>
          <Table<ImportBatch>
            data-testid="import-history"
            size="small"
            rowKey="id"
            dataSource={data?.items ?? []}
            loading={history.isFetching && !history.isPending}
            tableLayout="fixed"
            onRow={(batch) => ({ 'data-testid': 'import-history-row', 'data-id': batch.id }) as object}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: setPage,
            }}
            columns={[
              { key: 'id', title: t('imports.history.id'), dataIndex: 'id', width: 56 },
              {
                key: 'when',
                title: `${t('imports.history.when')} / ${t('imports.history.who')}`,
                width: 190,
                render: (_: unknown, batch: ImportBatch) => (
                  <div>
                    <div>{formatDateTime(batch.createdAt, language)}</div>
                    <Typography.Text
                      type="secondary"
                      ellipsis={{ tooltip: batch.createdBy }}
                      style={{ fontSize: 12, maxWidth: '100%' }}
                      data-testid="import-history-who"
                    >
                      {batch.createdBy}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                key: 'kind',
                title: t('imports.history.kind'),
                width: 120,
                render: (_: unknown, batch: ImportBatch) => t(KIND_LABELS[batch.kind]),
              },
              {
                key: 'file',
                title: t('imports.history.file'),
                ellipsis: { showTitle: false },
                render: (_: unknown, batch: ImportBatch) => (
                  <Typography.Text ellipsis={{ tooltip: batch.fileName }} data-testid="import-history-file">
                    {batch.fileName}
                  </Typography.Text>
                ),
              },
              {
                key: 'counts',
                title: t('imports.history.counts'),
                width: 240,
                render: (_: unknown, batch: ImportBatch) => (
                  <span data-testid="import-history-counts">
                    {t('imports.history.countsText', {
                      rows: formatNumber(batch.rowsRead, language),
                      created: formatNumber(batch.created, language),
                      updated: formatNumber(batch.updated, language),
                      unchanged: formatNumber(batch.unchanged, language),
                    })}
                  </span>
                ),
              },
              {
                key: 'status',
                title: t('imports.history.status'),
                width: 150,
                render: (_: unknown, batch: ImportBatch) =>
                  batch.status === 'committed' ? (
                    <Tag color="green" data-testid="import-history-status" data-status={batch.status}>
                      {t('imports.history.committed')}
                    </Tag>
                  ) : (
                    <span>
                      <Tag data-testid="import-history-status" data-status={batch.status}>
                        {t('imports.history.undone')}
                      </Tag>
                      {batch.undoneBy !== null && batch.undoneAt !== null && (
                        <Typography.Text type="secondary">
                          {t('imports.history.undoneBy', {
                            who: batch.undoneBy,
                            when: formatDateTime(batch.undoneAt, language),
                          })}
                        </Typography.Text>
                      )}
                    </span>
                  ),
              },
              {
                key: 'actions',
                title: t('imports.history.actions'),
                width: 96,
                render: (_: unknown, batch: ImportBatch) => (
                  <Button
                    size="small"
                    danger
                    data-testid="import-undo"
                    disabled={!canUndo(batch)}
                    aria-label={t('imports.undo.label', { id: batch.id, file: batch.fileName })}
                    onClick={() => setTarget(batch)}
                  >
                    {t('imports.history.undo')}
                  </Button>
                ),
              },
            ]}
          />
        </ExportableTable>
      </LoadingPanel>
      <Modal
        open={target !== null}
        title={target === null ? '' : t('imports.undo.title', { id: target.id })}
        okText={t('imports.undo.confirm')}
        cancelText={t('imports.undo.cancel')}
        okButtonProps={{ danger: true, loading: undo.isPending, 'data-testid': 'import-undo-confirm' }}
        onOk={confirm}
        onCancel={close}
        destroyOnHidden
      >
        {target !== null && (
          <div style={{ display: 'grid', gap: 12 }} data-testid="import-undo-dialog">
            <p>{t('imports.undo.text', { file: target.fileName })}</p>
            <label htmlFor="import-undo-reason">{t('imports.undo.reason')}</label>
            <Input.TextArea
              id="import-undo-reason"
              value={reason}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              onChange={(event) => setReason(event.target.value)}
            />
            {undo.error !== null && isApiError(undo.error) && (
              <ImportProblem error={undo.error} testId="import-undo-problem" />
            )}
          </div>
        )}
      </Modal>
    </div>
  );
}
