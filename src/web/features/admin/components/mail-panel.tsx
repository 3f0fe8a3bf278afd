/**
 * The e-mail outbox (installation admins): whether e-mail is configured and from which address, a test mail,
 * and the mails newest first with their status, attempts and the last error of the mail server.
 */
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailStatusName } from '../../../../core/contracts/mail.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type MailItem, useMailOutbox, useSendTestMail } from '../../../lib/api/mail.ts';
import { formatDateTime, formatNumber, NO_VALUE } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

const PAGE_SIZE = 50;

const STATUS_KEYS = {
  queued: 'admin.mail.statuses.queued',
  sent: 'admin.mail.statuses.sent',
  failed: 'admin.mail.statuses.failed',
  'not-configured': 'admin.mail.statuses.not-configured',
} as const satisfies Record<MailStatusName, string>;

const STATUS_COLORS = {
  queued: 'processing',
  sent: 'success',
  failed: 'error',
  'not-configured': 'default',
} as const satisfies Record<MailStatusName, string>;

function TestMailForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const send = useSendTestMail();
  const [to, setTo] = useState('');
  const [mailLanguage, setMailLanguage] = useState<'zh-CN' | 'en'>(language === 'en' ? 'en' : 'zh-CN');
  return (
    <>
      <ProblemAlert error={send.error} testId="mail-test-problem" />
      {send.data === undefined ? null : (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => send.reset() }}
          style={{ marginBottom: 12 }}
          data-testid="mail-test-queued"
          title={t('admin.mail.testQueued', { id: send.data.id })}
        />
      )}
      <Form
        layout="inline"
        style={{ marginBottom: 12 }}
        onFinish={() => send.mutate({ to, language: mailLanguage })}
      >
        <Form.Item label={t('admin.mail.testTo')}>
          <Input
            data-testid="mail-test-to"
            type="email"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label={t('admin.mail.testLanguage')}>
          <Select
            data-testid="mail-test-language"
            value={mailLanguage}
            onChange={setMailLanguage}
            style={{ width: 120 }}
            options={[
              { value: 'zh-CN', label: t('admin.mail.languages.zh-CN') },
              { value: 'en', label: t('admin.mail.languages.en') },
            ]}
          />
        </Form.Item>
        <Button
          htmlType="submit"
          data-testid="mail-test-send"
          loading={send.isPending}
          disabled={to.trim() === ''}
        >
          {t('admin.mail.testSend')}
        </Button>
      </Form>
    </>
  );
}

export function MailPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [offset, setOffset] = useState(0);
  const outbox = useMailOutbox({ limit: PAGE_SIZE, offset });
  const items = outbox.data?.items ?? [];

  return (
    <Panel title={t('admin.mail.title')} testId="mail-panel">
      {outbox.data === undefined ? null : (
        <Alert
          type={outbox.data.configured ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="mail-configured"
          data-configured={String(outbox.data.configured)}
          title={
            outbox.data.configured
              ? t('admin.mail.configured', { from: outbox.data.from ?? '' })
              : t('admin.mail.notConfigured')
          }
        />
      )}
      <Typography.Title level={5}>{t('admin.mail.testTitle')}</Typography.Title>
      <TestMailForm />
      <LoadingPanel
        isLoading={outbox.isLoading}
        error={outbox.error}
        isEmpty={items.length === 0}
        emptyText={t('admin.mail.empty')}
        onRetry={() => void outbox.refetch()}
      >
        <Table<MailItem>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={items}
          pagination={{
            current: Math.floor(offset / PAGE_SIZE) + 1,
            pageSize: PAGE_SIZE,
            total: outbox.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setOffset((page - 1) * PAGE_SIZE),
          }}
          onRow={(mail) =>
            ({ 'data-testid': 'mail-row', 'data-status': mail.status }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'created',
              title: t('admin.mail.created'),
              render: (_, mail) => formatDateTime(mail.createdAt, language),
            },
            { key: 'recipient', title: t('admin.mail.recipient'), dataIndex: 'recipient' },
            {
              key: 'subject',
              title: t('admin.mail.subject'),
              render: (_, mail) => (
                <Space orientation="vertical" size={0}>
                  <span>{mail.subject}</span>
                  {mail.attachments.length === 0 ? null : (
                    <Typography.Text type="secondary">
                      {t('admin.mail.attachments')}: {mail.attachments.join(', ')}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: 'kind',
              title: t('admin.mail.kind'),
              render: (_, mail) => <Typography.Text code>{mail.kind}</Typography.Text>,
            },
            {
              key: 'status',
              title: t('admin.mail.status'),
              render: (_, mail) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLORS[mail.status]} data-testid="mail-status">
                    {t(STATUS_KEYS[mail.status])}
                  </Tag>
                  {mail.sentAt === null ? null : (
                    <Typography.Text type="secondary">
                      {formatDateTime(mail.sentAt, language)}
                    </Typography.Text>
                  )}
                  {mail.status === 'queued' && mail.attempts > 0 ? (
                    <Typography.Text type="secondary">
                      {t('admin.mail.nextAttempt')}: {formatDateTime(mail.nextAttemptAt, language)}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'attempts',
              title: t('admin.mail.attempts'),
              align: 'right',
              render: (_, mail) => formatNumber(mail.attempts, language),
            },
            {
              key: 'error',
              title: t('admin.mail.error'),
              render: (_, mail) =>
                mail.lastError === null ? (
                  NO_VALUE
                ) : (
                  <Typography.Text
                    type={mail.status === 'sent' ? 'secondary' : 'danger'}
                    data-testid="mail-error"
                  >
                    {mail.lastError}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </LoadingPanel>
    </Panel>
  );
}
