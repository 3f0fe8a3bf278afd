/**
 * API tokens for integrations: the list (never the tokens themselves), creating one with a role over some
 * units (the token is shown once, right after, because the server keeps only its hash) and revoking one.
 */
import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiTokenResource,
  CreateApiTokenBody,
  CreatedApiToken,
} from '../../../../core/contracts/accounts.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../../../lib/api/tokens.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { ROLE_KEYS } from '../labels.ts';

const TOKEN_ROLES = ['strategist', 'steward', 'entry', 'approver', 'viewer'] as const;

interface Values {
  name: string;
  role: CreateApiTokenBody['role'];
  orgUnits: string[];
  expiresInDays?: number | null;
}

function TokenForm({
  onClose,
  onCreated,
}: {
  readonly onClose: () => void;
  readonly onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const units = useOrgUnits();

  async function submit(values: Values): Promise<void> {
    const days = values.expiresInDays ?? null;
    const created = await create.mutateAsync({
      name: values.name.trim(),
      role: values.role,
      orgUnits: values.orgUnits,
      ...(days === null ? {} : { expiresInDays: days }),
    });
    onCreated(created);
  }

  return (
    <Modal
      open
      title={t('admin.tokens.createTitle')}
      onCancel={onClose}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'token-form-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} testId="token-form-problem" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'viewer', orgUnits: [], expiresInDays: 90 }}
        onFinish={(values) => void submit(values).catch(() => undefined)}
      >
        <Form.Item
          name={['name']}
          label={t('admin.tokens.name')}
          extra={t('admin.tokens.nameHelp')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input data-testid="token-form-name" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['role']} label={t('admin.users.role')}>
          <Select options={TOKEN_ROLES.map((role) => ({ value: role, label: t(ROLE_KEYS[role]) }))} />
        </Form.Item>
        <Form.Item
          name={['orgUnits']}
          label={t('admin.tokens.orgUnits')}
          extra={t('admin.tokens.orgUnitsHelp')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Select
            data-testid="token-form-org-units"
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={(units.data ?? []).map((unit) => ({ value: unit.code, label: unit.code }))}
          />
        </Form.Item>
        <Form.Item name={['expiresInDays']} label={t('admin.tokens.expiresInDays')}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TokensPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const when = (iso: string | null) => (iso === null ? '—' : formatDateTime(iso, language));

  return (
    <Panel
      title={t('admin.tokens.title')}
      testId="tokens-panel"
      extra={
        <Button data-testid="token-add" onClick={() => setCreating(true)}>
          {t('admin.tokens.add')}
        </Button>
      }
    >
      {created === null ? null : (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(null) }}
          style={{ marginBottom: 12 }}
          data-testid="token-created"
          title={t('admin.tokens.createdOnce', { name: created.name })}
          description={
            <Typography.Paragraph copyable={{ text: created.token }} style={{ margin: 0 }}>
              <code data-testid="token-value" style={{ wordBreak: 'break-all' }}>
                {created.token}
              </code>
            </Typography.Paragraph>
          }
        />
      )}
      <ProblemAlert error={revoke.error} testId="token-revoke-problem" />
      <LoadingPanel
        isLoading={tokens.isLoading}
        error={tokens.error}
        isEmpty={(tokens.data?.length ?? 0) === 0}
        emptyText={t('admin.tokens.empty')}
        onRetry={() => void tokens.refetch()}
      >
        <Table<ApiTokenResource>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={tokens.data ?? []}
          onRow={(token) =>
            ({ 'data-testid': 'token-row', 'data-name': token.name }) as HTMLAttributes<HTMLElement>
          }
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              key: 'name',
              title: t('admin.tokens.name'),
              dataIndex: 'name',
              render: (name: string) => <code>{name}</code>,
            },
            {
              key: 'role',
              title: t('admin.users.role'),
              render: (_, token) => t(ROLE_KEYS[token.role]),
            },
            {
              key: 'units',
              title: t('admin.tokens.orgUnits'),
              render: (_, token) =>
                token.orgUnits.length === 0
                  ? t('admin.users.wholeInstallation')
                  : token.orgUnits.map((code) => <Tag key={code}>{code}</Tag>),
            },
            { key: 'createdBy', title: t('admin.tokens.createdBy'), dataIndex: 'createdBy' },
            {
              key: 'createdAt',
              title: t('admin.tokens.createdAt'),
              render: (_, token) => when(token.createdAt),
            },
            {
              key: 'expiresAt',
              title: t('admin.tokens.expiresAt'),
              render: (_, token) => when(token.expiresAt),
            },
            {
              key: 'lastUsed',
              title: t('admin.tokens.lastUsed'),
              render: (_, token) => when(token.lastUsedAt),
            },
            {
              key: 'actions',
              title: t('admin.actions'),
              render: (_, token) =>
                token.revokedAt !== null ? (
                  <Tag color="red">{t('admin.tokens.revokedAt', { when: when(token.revokedAt) })}</Tag>
                ) : (
                  <Popconfirm
                    title={t('admin.tokens.revokeConfirm', { name: token.name })}
                    okText={t('admin.tokens.revoke')}
                    cancelText={t('admin.cancel')}
                    onConfirm={() => revoke.mutate(token.id)}
                  >
                    <Button size="small" danger data-testid="token-revoke">
                      {t('admin.tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </LoadingPanel>
      {creating ? (
        <TokenForm
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
          }}
        />
      ) : null}
    </Panel>
  );
}
