/**
 * The audit trail (`GET /api/audit`): who changed what, when, from where, and the change as a compact diff;
 * filtered by entity, actor, org unit (with its subtree) and time, paged on the server. Installation admins get
 * a link to the whole filtered trail as CSV (`GET /api/audit/export`).
 */
import { Button, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryResource } from '../../../../core/contracts/audit.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import { auditExportUrl, useAudit } from '../../../lib/api/audit.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { type AuditFilters, auditQuery } from '../audit-query.ts';
import { AUDIT_ENTITIES, AUDIT_ENTITY_KEYS, auditWordKey } from '../audit-words.ts';
import { AuditDiffView } from './audit-diff-view.tsx';

const PAGE_SIZE = 25;

export function AuditTab({ canExport }: { readonly canExport: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [actor, setActor] = useState('');
  const [text, setText] = useState('');
  const word = (kind: 'entity' | 'action', value: string) => {
    const key = auditWordKey(kind, value);
    return key === null ? value : t(key);
  };
  const typed = () => ({ actor, orgUnit, q: text });
  const [orgUnit, setOrgUnit] = useState('');
  const [page, setPage] = useState(1);
  const audit = useAudit({ ...auditQuery(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  function apply(change: Partial<AuditFilters>): void {
    setFilters((current) => ({ ...current, ...change }));
    setPage(1);
  }

  const exportHref = auditExportUrl({ ...auditQuery(filters), format: 'csv' });

  return (
    <Panel
      title={t('admin.audit.title')}
      testId="audit-panel"
      extra={
        canExport ? (
          <a href={exportHref} download data-testid="audit-export">
            {t('admin.audit.export')}
          </a>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Select
          allowClear
          aria-label={t('admin.audit.entity')}
          placeholder={t('admin.audit.entity')}
          style={{ width: 200 }}
          value={filters.entity}
          onChange={(entity: string | undefined) => apply({ entity })}
          options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(AUDIT_ENTITY_KEYS[entity]) }))}
          data-testid="audit-filter-entity"
        />
        <Input
          aria-label={t('admin.audit.actor')}
          placeholder={t('admin.audit.actor')}
          value={actor}
          onChange={(event) => setActor(event.target.value)}
          onPressEnter={() => apply(typed())}
          style={{ width: 200 }}
          data-testid="audit-filter-actor"
        />
        <Input
          aria-label={t('admin.audit.orgUnit')}
          placeholder={t('admin.audit.orgUnit')}
          value={orgUnit}
          onChange={(event) => setOrgUnit(event.target.value)}
          onPressEnter={() => apply(typed())}
          style={{ width: 160 }}
          data-testid="audit-filter-org-unit"
        />
        <Input.Search
          aria-label={t('admin.audit.search')}
          placeholder={t('admin.audit.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => apply({ ...typed(), q: value })}
          style={{ width: 220 }}
          data-testid="audit-search"
        />
        <DatePicker.RangePicker
          aria-label={t('admin.audit.time')}
          showTime
          onChange={(range) => apply({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
        />
        <Button onClick={() => apply(typed())} data-testid="audit-filter-apply">
          {t('admin.audit.apply')}
        </Button>
      </Space>
      <LoadingPanel
        isLoading={audit.isLoading}
        error={audit.error}
        isEmpty={audit.data?.total === 0}
        emptyText={t('admin.audit.empty')}
        onRetry={() => void audit.refetch()}
      >
        <ExportableTable>
          <Table<AuditEntryResource>
            data-testid="audit-table"
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            loading={audit.isFetching}
            dataSource={audit.data?.items ?? []}
            onRow={(entry) =>
              ({
                'data-testid': 'audit-row',
                'data-entity': entry.entity,
                'data-key': entry.entityKey ?? '',
              }) as HTMLAttributes<HTMLElement>
            }
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: audit.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            columns={[
              {
                key: 'when',
                title: t('admin.audit.when'),
                render: (_, entry) => (
                  <span data-testid="audit-when">{formatDateTime(entry.occurredAt, language)}</span>
                ),
              },
              {
                key: 'who',
                title: t('admin.audit.who'),
                render: (_, entry) => <span data-testid="audit-who">{entry.actor}</span>,
              },
              { key: 'address', title: t('admin.audit.address'), render: (_, entry) => entry.address ?? '—' },
              {
                key: 'what',
                title: t('admin.audit.what'),
                render: (_, entry) => (
                  <span data-testid="audit-what">
                    <Tag data-action={entry.action}>{word('action', entry.action)}</Tag>
                    <span data-entity={entry.entity}>{word('entity', entry.entity)}</span>
                    {entry.entityKey === null ? null : <> {entry.entityKey}</>}
                  </span>
                ),
              },
              { key: 'unit', title: t('admin.audit.orgUnit'), render: (_, entry) => entry.orgUnit ?? '—' },
              {
                key: 'change',
                title: t('admin.audit.change'),
                render: (_, entry) => <AuditDiffView oldValue={entry.oldValue} newValue={entry.newValue} />,
              },
              { key: 'reason', title: t('admin.audit.reason'), render: (_, entry) => entry.reason ?? '—' },
            ]}
          />
        </ExportableTable>
      </LoadingPanel>
    </Panel>
  );
}
