/**
 * Webhooks (installation admins): the hospital's messaging systems that hear alerts — a generic JSON POST signed
 * with HMAC-SHA256, or the WeCom, DingTalk and Feishu robots with their own payloads and signing. Each hook shows
 * its delivery history (attempts, the receiver's status, the last error) when its row is expanded.
 */
import { Button, Form, Input, Popconfirm, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  useSaveWebhook,
  useWebhookDeliveries,
  useWebhooks,
  WEBHOOK_KINDS,
  type WebhookDeliveryResource,
  type WebhookKind,
  type WebhookResource,
} from '../../../lib/api/webhooks.ts';
import { formatDateTime, NO_VALUE } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

const KIND_KEYS = {
  generic: 'alerts.webhooks.kinds.generic',
  wecom: 'alerts.webhooks.kinds.wecom',
  dingtalk: 'alerts.webhooks.kinds.dingtalk',
  feishu: 'alerts.webhooks.kinds.feishu',
} as const satisfies Record<WebhookKind, string>;

const DELIVERY_COLORS = { pending: 'gold', delivered: 'green', failed: 'red' } as const;
const DELIVERY_KEYS = {
  pending: 'alerts.webhooks.pending',
  delivered: 'alerts.webhooks.delivered',
  failed: 'alerts.webhooks.failed',
} as const;

interface NewWebhook {
  readonly name: string;
  readonly kind: WebhookKind;
  readonly url: string;
  readonly secret: string;
}

/** The form's field names (keys of its values, never shown). */
const FIELD = {
  // i18n-ignore: a form field's name, never shown
  name: 'name',
  kind: 'kind',
  url: 'url',
  secret: 'secret',
} as const satisfies Record<keyof NewWebhook, string>;

function Deliveries({ id }: { readonly id: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const deliveries = useWebhookDeliveries(id);
  const columns: TableColumnsType<WebhookDeliveryResource> = [
    { key: 'at', title: t('alerts.webhooks.at'), render: (_, d) => formatDateTime(d.createdAt, language) },
    {
      key: 'status',
      title: t('alerts.webhooks.status'),
      render: (_, d) => <Tag color={DELIVERY_COLORS[d.status]}>{t(DELIVERY_KEYS[d.status])}</Tag>,
    },
    { key: 'attempts', title: t('alerts.webhooks.attempts'), dataIndex: 'attempts' },
    { key: 'code', title: t('alerts.webhooks.response'), render: (_, d) => d.lastStatusCode ?? NO_VALUE },
    { key: 'error', title: t('alerts.webhooks.error'), render: (_, d) => d.lastError ?? NO_VALUE },
  ];
  return (
    <LoadingPanel isLoading={deliveries.isPending} error={deliveries.error} minHeight={60}>
      <Table<WebhookDeliveryResource>
        size="small"
        rowKey="id"
        data-testid={`webhook-deliveries-${id}`}
        pagination={false}
        columns={columns}
        dataSource={deliveries.data?.items ?? []}
        locale={{ emptyText: t('alerts.webhooks.noDeliveries') }}
      />
    </LoadingPanel>
  );
}

export function WebhooksTab() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const save = useSaveWebhook();
  const [form] = Form.useForm<NewWebhook>();
  const [expanded, setExpanded] = useState<readonly number[]>([]);

  const columns: TableColumnsType<WebhookResource> = [
    { key: 'name', title: t('alerts.webhooks.name'), dataIndex: 'name' },
    { key: 'kind', title: t('alerts.webhooks.kind'), render: (_, w) => t(KIND_KEYS[w.kind]) },
    {
      key: 'url',
      title: t('alerts.webhooks.url'),
      render: (_, w) => <code style={{ wordBreak: 'break-all' }}>{w.url}</code>,
    },
    {
      key: 'secret',
      title: t('alerts.webhooks.secret'),
      render: (_, w) => (w.hasSecret ? t('alerts.settings.yes') : t('alerts.settings.no')),
    },
    {
      key: 'buttons',
      title: <span className="visually-hidden">{t('alerts.columns.actions')}</span>,
      render: (_, w) => (
        <Space size={4}>
          <Popconfirm
            title={t('alerts.webhooks.removeConfirm')}
            onConfirm={() => save.mutate({ kind: 'delete', id: w.id })}
          >
            <Button size="small" danger>
              {t('alerts.settings.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ProblemAlert error={save.error} />
      <LoadingPanel
        isLoading={webhooks.isPending}
        error={webhooks.error}
        onRetry={() => void webhooks.refetch()}
      >
        <Table<WebhookResource>
          size="small"
          rowKey="id"
          data-testid="webhook-table"
          pagination={false}
          columns={columns}
          dataSource={webhooks.data?.webhooks ?? []}
          locale={{ emptyText: t('alerts.webhooks.none') }}
          expandable={{
            expandedRowKeys: [...expanded],
            onExpandedRowsChange: (keys) => setExpanded(keys.map(Number)),
            expandedRowRender: (w) => <Deliveries id={w.id} />,
          }}
        />
      </LoadingPanel>
      <Form<NewWebhook>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'generic', name: '', url: '', secret: '' }}
        onFinish={(fields) =>
          save.mutate(
            {
              kind: 'create',
              body: {
                name: fields.name,
                kind: fields.kind,
                url: fields.url,
                ...(fields.secret === '' ? {} : { secret: fields.secret }),
              },
            },
            { onSuccess: () => form.resetFields() },
          )
        }
        style={{ maxWidth: 640 }}
      >
        <h3 style={{ fontSize: 16 }}>{t('alerts.webhooks.add')}</h3>
        <Form.Item
          name={FIELD.name}
          label={t('alerts.webhooks.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item name={FIELD.kind} label={t('alerts.webhooks.kind')}>
          <Select<WebhookKind>
            data-testid="webhook-kind"
            options={WEBHOOK_KINDS.map((kind) => ({ value: kind, label: t(KIND_KEYS[kind]) }))}
          />
        </Form.Item>
        <Form.Item
          name={FIELD.url}
          label={t('alerts.webhooks.url')}
          rules={[{ required: true, type: 'url' }]}
        >
          <Input maxLength={2000} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item
          name={FIELD.secret}
          label={t('alerts.webhooks.secret')}
          extra={t('alerts.webhooks.secretHelp')}
        >
          <Input.Password maxLength={500} autoComplete="new-password" data-testid="webhook-secret" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="webhook-add">
          {t('alerts.webhooks.add')}
        </Button>
      </Form>
    </Space>
  );
}
