/**
 * Data elements: a table searched and paged on the server (`GET /api/data-elements?q=`), with create, edit and
 * delete for designers. Deleting an element that still has values is refused by the server; its problem is
 * shown above the table.
 */
import { Button, Input, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useDataElementPage, useDeleteDataElement } from '../../../lib/api/data-elements.ts';
import { formatNumber, formatUnit, NO_VALUE } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { AGGREGATION_KEYS, VALUE_TYPE_KEYS } from '../labels.ts';
import { DataElementForm } from './data-element-form.tsx';

const PAGE_SIZE = 20;

export function DataElementsTab({ canWrite }: { readonly canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<DataElement | null | 'new'>(null);
  const elements = useDataElementPage({ q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const remove = useDeleteDataElement();

  return (
    <Panel
      title={t('admin.dataElements.title')}
      testId="data-elements-panel"
      extra={
        canWrite ? (
          <Button type="primary" data-testid="data-element-add" onClick={() => setEditing('new')}>
            {t('admin.dataElements.add')}
          </Button>
        ) : null
      }
    >
      <Input.Search
        allowClear
        aria-label={t('admin.dataElements.search')}
        placeholder={t('admin.dataElements.search')}
        onSearch={(text) => {
          setQ(text);
          setPage(1);
        }}
        style={{ marginBottom: 12, maxWidth: 360 }}
        data-testid="data-element-search"
      />
      <ProblemAlert error={remove.error} testId="data-element-delete-problem" />
      <LoadingPanel
        isLoading={elements.isLoading}
        error={elements.error}
        isEmpty={elements.data?.total === 0}
        emptyText={q === '' ? t('admin.dataElements.empty') : t('admin.dataElements.noMatch')}
        onRetry={() => void elements.refetch()}
      >
        <Table<DataElement>
          data-testid="data-element-table"
          rowKey="code"
          size="small"
          scroll={{ x: true }}
          loading={elements.isFetching}
          dataSource={elements.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: elements.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              key: 'code',
              title: t('admin.dataElements.code'),
              dataIndex: 'code',
              render: (code: string) => <code>{code}</code>,
            },
            { key: 'name', title: t('admin.name'), render: (_, element) => localize(element.name, language) },
            {
              key: 'valueType',
              title: t('admin.dataElements.valueType'),
              render: (_, element) => t(VALUE_TYPE_KEYS[element.valueType]),
            },
            {
              key: 'unit',
              title: t('admin.dataElements.unit'),
              render: (_, element) => formatUnit(element.unit, language) || NO_VALUE,
            },
            {
              key: 'aggregation',
              title: t('admin.dataElements.aggregation'),
              render: (_, element) =>
                `${t(AGGREGATION_KEYS[element.aggregation])} / ${t(AGGREGATION_KEYS[element.timeAggregation])}`,
            },
            {
              key: 'range',
              title: t('admin.dataElements.range'),
              render: (_, element) =>
                element.min === null && element.max === null
                  ? '—'
                  : `${formatNumber(element.min, language, 2)} – ${formatNumber(element.max, language, 2)}`,
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('admin.actions'),
                    render: (_: unknown, element: DataElement) => (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => setEditing(element)}
                          data-testid={`data-element-edit-${element.code}`}
                        >
                          {t('admin.edit')}
                        </Button>
                        <Popconfirm
                          title={t('admin.dataElements.deleteConfirm', { code: element.code })}
                          okText={t('admin.delete')}
                          cancelText={t('admin.cancel')}
                          onConfirm={() => remove.mutate(element.code)}
                        >
                          <Button size="small" danger data-testid={`data-element-delete-${element.code}`}>
                            {t('admin.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </LoadingPanel>
      {editing === null ? null : (
        <DataElementForm element={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Panel>
  );
}
