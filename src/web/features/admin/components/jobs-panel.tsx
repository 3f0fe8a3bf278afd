/**
 * The server's background jobs (installation admins): what each does, when it runs (cron and time zone), its next
 * run, its last run (state, when, the error of a failed attempt), its failures and waiting runs, and "run now".
 */
import { Alert, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  JobResource,
  JobRunResource,
  JobRunState,
  JobTriggerName,
} from '../../../../core/contracts/jobs.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useJobs, useRunJob } from '../../../lib/api/jobs.ts';
import { formatDateTime, formatNumber, NO_VALUE } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

/**
 * What each job does, by the key its registration names (src/server/jobs): a feature that registers a job adds
 * its key here and its words to the admin locales. A key not listed shows the job's name instead.
 */
const DESCRIPTION_KEYS = [
  'admin.jobs.catalog.sessionCleanup',
  'admin.jobs.catalog.mailSend',
  'admin.jobs.catalog.surveyReminders',
  'admin.jobs.catalog.reportMail',
  'admin.jobs.catalog.alertEvaluation',
  'admin.jobs.catalog.pullRun',
  'admin.jobs.catalog.pullSchedule',
  'admin.jobs.catalog.alertDigest',
] as const;
type DescriptionKey = (typeof DESCRIPTION_KEYS)[number];

function isDescriptionKey(key: string): key is DescriptionKey {
  return (DESCRIPTION_KEYS as readonly string[]).includes(key);
}

const STATE_KEYS = {
  created: 'admin.jobs.states.created',
  retry: 'admin.jobs.states.retry',
  active: 'admin.jobs.states.active',
  completed: 'admin.jobs.states.completed',
  cancelled: 'admin.jobs.states.cancelled',
  failed: 'admin.jobs.states.failed',
} as const satisfies Record<JobRunState, string>;

const STATE_COLORS = {
  created: 'default',
  retry: 'warning',
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
} as const satisfies Record<JobRunState, string>;

const TRIGGER_KEYS = {
  schedule: 'admin.jobs.triggers.schedule',
  manual: 'admin.jobs.triggers.manual',
  enqueue: 'admin.jobs.triggers.enqueue',
} as const satisfies Record<JobTriggerName, string>;

function LastRun({ run }: { readonly run: JobRunResource | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (run === null) return <Typography.Text type="secondary">{t('admin.jobs.never')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        <Tag color={STATE_COLORS[run.state]} data-testid="job-last-state" data-state={run.state}>
          {t(STATE_KEYS[run.state])}
        </Tag>
        <Typography.Text type="secondary">{t(TRIGGER_KEYS[run.trigger])}</Typography.Text>
      </Space>
      <span>{formatDateTime(run.startedAt, language)}</span>
      {run.attempt > 1 ? (
        <Typography.Text type="secondary">
          {t('admin.jobs.attempt', { attempt: run.attempt })}
        </Typography.Text>
      ) : null}
      {run.error === null ? null : (
        <Typography.Text type="danger" data-testid="job-last-error">
          {run.error}
        </Typography.Text>
      )}
    </Space>
  );
}

export function JobsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const jobs = useJobs();
  const run = useRunJob();
  const items = jobs.data?.items ?? [];

  return (
    <Panel title={t('admin.jobs.title')} testId="jobs-panel">
      {jobs.data === undefined || jobs.data.runsJobs ? null : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="jobs-not-run-here"
          title={t('admin.jobs.notRunHere')}
        />
      )}
      <ProblemAlert error={run.error} testId="job-run-problem" />
      {run.data === undefined ? null : (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => run.reset() }}
          style={{ marginBottom: 12 }}
          data-testid="job-queued"
          title={t('admin.jobs.queuedNow', { name: run.data.job.name })}
        />
      )}
      <LoadingPanel
        isLoading={jobs.isLoading}
        error={jobs.error}
        isEmpty={items.length === 0}
        emptyText={t('admin.jobs.empty')}
        onRetry={() => void jobs.refetch()}
      >
        <Table<JobResource>
          rowKey="name"
          size="small"
          scroll={{ x: true }}
          dataSource={items}
          pagination={false}
          onRow={(job) =>
            ({ 'data-testid': 'job-row', 'data-name': job.name }) as HTMLAttributes<HTMLElement>
          }
          footer={() => t('admin.jobs.historyNote', { days: jobs.data?.historyDays ?? 0 })}
          columns={[
            {
              key: 'job',
              title: t('admin.jobs.job'),
              render: (_, job) => (
                <Space orientation="vertical" size={0}>
                  <span>{isDescriptionKey(job.description) ? t(job.description) : job.name}</span>
                  <Typography.Text type="secondary" code>
                    {job.name}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'schedule',
              title: t('admin.jobs.schedule'),
              render: (_, job) =>
                job.cron === null ? (
                  <Typography.Text type="secondary">{t('admin.jobs.onDemand')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text code>{job.cron}</Typography.Text>
                    <Typography.Text type="secondary">{job.timezone}</Typography.Text>
                  </Space>
                ),
            },
            {
              key: 'next',
              title: t('admin.jobs.nextRun'),
              render: (_, job) =>
                job.nextRunAt === null ? NO_VALUE : formatDateTime(job.nextRunAt, language),
            },
            {
              key: 'last',
              title: t('admin.jobs.lastRun'),
              render: (_, job) => <LastRun run={job.lastRun} />,
            },
            {
              key: 'failures',
              title: t('admin.jobs.failures'),
              align: 'right',
              render: (_, job) =>
                job.failures === 0 ? (
                  formatNumber(0, language)
                ) : (
                  <Tag color="error" data-testid="job-failures">
                    {formatNumber(job.failures, language)}
                  </Tag>
                ),
            },
            {
              key: 'queued',
              title: t('admin.jobs.queued'),
              align: 'right',
              render: (_, job) => formatNumber(job.queued, language),
            },
            {
              key: 'actions',
              title: t('admin.actions'),
              render: (_, job) => (
                <Popconfirm
                  title={t('admin.jobs.runNowConfirm', { name: job.name })}
                  okText={t('admin.jobs.runNow')}
                  cancelText={t('admin.cancel')}
                  onConfirm={() => run.mutate(job.name)}
                >
                  <Tooltip title={jobs.data?.runsJobs === false ? t('admin.jobs.notRunHere') : undefined}>
                    <Button
                      size="small"
                      data-testid="job-run-now"
                      loading={run.isPending && run.variables === job.name}
                    >
                      {t('admin.jobs.runNow')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              ),
            },
          ]}
        />
      </LoadingPanel>
    </Panel>
  );
}
