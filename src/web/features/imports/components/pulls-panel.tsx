/**
 * Database pulls (src/server/pulls): the connections and pulls the user manages, a form for each, and per pull
 * "dry run" and "run now" with the run's phase while it goes, and its history (rows read, values imported,
 * problems worded by code). The mapping profile is the healthbsc/profile@1 JSON, typed or read from a file.
 */
import { Alert, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemDetail, wordCode } from '../../../components/problem-words.ts';
import {
  type Pull,
  type PullConnection,
  type PullRun,
  useDeletePull,
  useDeletePullConnection,
  usePullConnections,
  usePullRuns,
  usePulls,
  useRunPull,
  useTestPullConnection,
  useUpdatePull,
} from '../../../lib/api/pulls.ts';
import { ConnectionForm, KIND_KEYS, type KINDS, PullForm, pullInput } from './pull-forms.tsx';

const STATUS_KEYS = {
  running: 'pulls.statuses.running',
  succeeded: 'pulls.statuses.succeeded',
  failed: 'pulls.statuses.failed',
} as const;
const PHASE_KEYS = {
  queued: 'pulls.phases.queued',
  connecting: 'pulls.phases.connecting',
  querying: 'pulls.phases.querying',
  importing: 'pulls.phases.importing',
} as const;
const TRIGGER_KEYS = { schedule: 'pulls.triggers.schedule', user: 'pulls.triggers.user' } as const;

const STATUS_COLORS = { running: 'processing', succeeded: 'success', failed: 'error' } as const;

function RunHistory({ pull }: { readonly pull: Pull }) {
  const { t } = useTranslation();
  const run = useRunPull();
  const runs = usePullRuns(pull.id, run.isPending);
  // The run is a job: its outcome is the newest run of the history once it has ended.
  const newest = runs.data?.items[0];
  const latest = newest?.status === 'running' ? undefined : newest;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button
          onClick={() => run.mutate({ id: pull.id, dryRun: true })}
          loading={run.isPending && run.variables?.dryRun === true}
          data-testid={`pull-dry-run-${pull.code}`}
        >
          {t('pulls.dryRun')}
        </Button>
        <Button
          type="primary"
          onClick={() => run.mutate({ id: pull.id, dryRun: false })}
          loading={run.isPending && run.variables?.dryRun === false}
          data-testid={`pull-run-${pull.code}`}
        >
          {t('pulls.runNow')}
        </Button>
      </Space>
      {latest?.dryRun === true && latest.report !== null ? (
        <Alert
          type={latest.status === 'succeeded' ? 'info' : 'warning'}
          data-testid={`pull-preview-${pull.code}`}
          message={t('pulls.preview', {
            rows: latest.rowsRead ?? 0,
            create: latest.report.values.toCreate,
            update: latest.report.values.toUpdate,
            unchanged: latest.report.values.unchanged,
          })}
        />
      ) : null}
      <Table<PullRun>
        size="small"
        rowKey="id"
        loading={runs.isLoading}
        dataSource={runs.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          {
            title: t('pulls.runs.startedAt'),
            dataIndex: 'startedAt',
            render: (v: string) => new Date(v).toLocaleString(),
          },
          { title: t('pulls.runs.period'), dataIndex: 'period' },
          {
            title: t('pulls.runs.status'),
            render: (_, r) => (
              <Tag color={STATUS_COLORS[r.status]}>
                {r.status === 'running' && r.phase !== null
                  ? t(PHASE_KEYS[r.phase])
                  : t(STATUS_KEYS[r.status])}
                {r.dryRun ? ` · ${t('pulls.dryRun')}` : ''}
              </Tag>
            ),
          },
          { title: t('pulls.runs.trigger'), render: (_, r) => t(TRIGGER_KEYS[r.trigger]) },
          { title: t('pulls.runs.rowsRead'), dataIndex: 'rowsRead' },
          { title: t('pulls.runs.valuesImported'), dataIndex: 'valuesImported' },
          {
            title: t('pulls.runs.problems'),
            render: (_, r) => r.problems.map((p) => wordCode(t, p.code, p.params)).join(' '),
          },
        ]}
      />
    </Space>
  );
}

function ConnectionTest({ id }: { readonly id: number }) {
  const { t } = useTranslation();
  const test = useTestPullConnection();
  const result = test.data;
  return (
    <Space>
      <Button size="small" onClick={() => test.mutate(id)} loading={test.isPending}>
        {t('pulls.connections.test')}
      </Button>
      {result === undefined ? null : result.ok ? (
        <Tag color="success">{t('pulls.connections.ok')}</Tag>
      ) : (
        <Typography.Text type="danger">{wordCode(t, result.code ?? '', result.params)}</Typography.Text>
      )}
    </Space>
  );
}

function EnabledSwitch({ pull }: { readonly pull: Pull }) {
  const { t } = useTranslation();
  const update = useUpdatePull();
  return (
    <Switch
      size="small"
      checked={pull.enabled}
      loading={update.isPending}
      aria-label={t('pulls.enabled')}
      data-testid={`pull-enabled-${pull.code}`}
      onChange={(enabled) => update.mutate({ id: pull.id, body: pullInput(pull, { enabled }) })}
    />
  );
}

export function PullsPanel() {
  const { t } = useTranslation();
  const connections = usePullConnections();
  const pulls = usePulls();
  const removeConnection = useDeletePullConnection();
  const removePull = useDeletePull();
  const [editingConnection, setEditingConnection] = useState<PullConnection | null>(null);
  const [editingPull, setEditingPull] = useState<Pull | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="pulls-panel">
      <Typography.Paragraph type="secondary">{t('pulls.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('pulls.connections.title')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={connections.isLoading}
        dataSource={connections.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('pulls.fields.code'), dataIndex: 'code' },
          { title: t('pulls.fields.orgUnit'), dataIndex: 'orgUnit' },
          {
            title: t('pulls.fields.kind'),
            dataIndex: 'kind',
            render: (k: (typeof KINDS)[number]) => t(KIND_KEYS[k]),
          },
          { title: t('pulls.fields.host'), render: (_, c) => `${c.host}:${c.port}/${c.database}` },
          { title: t('pulls.fields.user'), dataIndex: 'user' },
          {
            title: t('pulls.actions'),
            render: (_, c) => (
              <Space>
                <ConnectionTest id={c.id} />
                <Button
                  size="small"
                  onClick={() => setEditingConnection(c)}
                  data-testid={`pull-connection-edit-${c.code}`}
                >
                  {t('pulls.edit')}
                </Button>
                <Popconfirm
                  title={t('pulls.connections.deleteConfirm', { code: c.code })}
                  okText={t('pulls.delete')}
                  cancelText={t('pulls.cancel')}
                  onConfirm={() => removeConnection.mutate(c.id)}
                >
                  <Button size="small" danger data-testid={`pull-connection-delete-${c.code}`}>
                    {t('pulls.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {removeConnection.error ? (
        <Alert type="error" showIcon message={problemDetail(t, removeConnection.error)} />
      ) : null}
      <ConnectionForm
        key={editingConnection === null ? 'new' : `edit-${editingConnection.id}`}
        editing={editingConnection}
        onDone={() => setEditingConnection(null)}
      />
      <Typography.Title level={5}>{t('pulls.pulls.title')}</Typography.Title>
      <Table<Pull>
        size="small"
        rowKey="id"
        loading={pulls.isLoading}
        dataSource={pulls.data?.items ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (p) => <RunHistory pull={p} /> }}
        columns={[
          { title: t('pulls.fields.code'), dataIndex: 'code' },
          { title: t('pulls.fields.orgUnit'), dataIndex: 'orgUnit' },
          { title: t('pulls.fields.connection'), dataIndex: 'connection' },
          {
            title: t('pulls.fields.schedule'),
            render: (_, p) => (
              <span data-testid={`pull-schedule-${p.code}`}>
                {p.schedule === null ? t('pulls.byHand') : `${p.schedule} (${p.timeZone})`}
              </span>
            ),
          },
          {
            title: t('pulls.nextRun'),
            render: (_, p) => (p.nextRunAt === null ? '—' : new Date(p.nextRunAt).toLocaleString()),
          },
          { title: t('pulls.enabled'), render: (_, p) => <EnabledSwitch pull={p} /> },
          {
            title: t('pulls.actions'),
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => setEditingPull(p)} data-testid={`pull-edit-${p.code}`}>
                  {t('pulls.edit')}
                </Button>
                <Popconfirm
                  title={t('pulls.pulls.deleteConfirm', { code: p.code })}
                  okText={t('pulls.delete')}
                  cancelText={t('pulls.cancel')}
                  onConfirm={() => removePull.mutate(p.id)}
                >
                  <Button size="small" danger data-testid={`pull-delete-${p.code}`}>
                    {t('pulls.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {removePull.error ? <Alert type="error" showIcon message={problemDetail(t, removePull.error)} /> : null}
      <PullForm
        key={editingPull === null ? 'new' : `edit-${editingPull.id}`}
        editing={editingPull}
        onDone={() => setEditingPull(null)}
      />
    </Space>
  );
}
