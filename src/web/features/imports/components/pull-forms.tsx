/**
 * The forms of the Database pulls tab (pulls-panel.tsx): a connection (kind, host, credentials; an empty password
 * keeps the stored one) and a pull (query, mapping profile, schedule, period offset), each adding or changing one.
 */
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemDetail } from '../../../components/problem-words.ts';
import {
  type Pull,
  type PullConnection,
  type PullInput,
  useCreatePull,
  useCreatePullConnection,
  usePullConnections,
  useUpdatePull,
  useUpdatePullConnection,
} from '../../../lib/api/pulls.ts';

export const KINDS = ['postgres', 'mysql', 'sqlserver', 'oracle'] as const;
export const KIND_KEYS = {
  postgres: 'pulls.kinds.postgres',
  mysql: 'pulls.kinds.mysql',
  sqlserver: 'pulls.kinds.sqlserver',
  oracle: 'pulls.kinds.oracle',
} as const;
const PERIOD_TYPE_KEYS = {
  month: 'pulls.periodTypes.month',
  quarter: 'pulls.periodTypes.quarter',
  year: 'pulls.periodTypes.year',
} as const;
const DEFAULT_PORTS = { postgres: 5432, mysql: 3306, sqlserver: 1433, oracle: 1521 } as const;

interface ConnectionFields {
  code: string;
  orgUnit: string;
  kind: (typeof KINDS)[number];
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/** Adds a connection, or changes `editing` (its unit fixed; an empty password keeps the stored one). */
export function ConnectionForm({
  editing,
  onDone,
}: {
  readonly editing: PullConnection | null;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePullConnection();
  const update = useUpdatePullConnection();
  const write = editing === null ? create : update;
  const [form] = Form.useForm<ConnectionFields>();
  const submit = (v: ConnectionFields) => {
    const { password, ...rest } = v;
    const typed = password === undefined || password === '' ? {} : { password };
    const done = {
      onSuccess: () => {
        form.resetFields();
        onDone();
      },
    };
    if (editing === null) create.mutate({ ...rest, ...typed, options: {} }, done);
    else update.mutate({ id: editing.id, body: { ...rest, ...typed, options: editing.options } }, done);
  };
  return (
    <Card
      size="small"
      title={
        editing === null ? t('pulls.connections.add') : t('pulls.connections.edit', { code: editing.code })
      }
      data-testid="pull-connection-form"
    >
      <Form
        form={form}
        layout="inline"
        initialValues={
          editing === null
            ? { kind: 'postgres', port: 5432, host: '127.0.0.1' }
            : {
                code: editing.code,
                orgUnit: editing.orgUnit,
                kind: editing.kind,
                host: editing.host,
                port: editing.port,
                database: editing.database,
                user: editing.user,
              }
        }
        onFinish={submit}
      >
        <Form.Item name={['code']} label={t('pulls.fields.code')} rules={[{ required: true }]}>
          <Input data-testid="pull-connection-code" />
        </Form.Item>
        <Form.Item name={['orgUnit']} label={t('pulls.fields.orgUnit')} rules={[{ required: true }]}>
          <Input data-testid="pull-connection-unit" disabled={editing !== null} />
        </Form.Item>
        <Form.Item name={['kind']} label={t('pulls.fields.kind')}>
          <Select
            style={{ width: 130 }}
            options={KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
            onChange={(k: (typeof KINDS)[number]) => form.setFieldValue('port', DEFAULT_PORTS[k])}
          />
        </Form.Item>
        <Form.Item name={['host']} label={t('pulls.fields.host')} rules={[{ required: true }]}>
          <Input data-testid="pull-connection-host" />
        </Form.Item>
        <Form.Item name={['port']} label={t('pulls.fields.port')} rules={[{ required: true }]}>
          <InputNumber min={1} max={65535} data-testid="pull-connection-port" />
        </Form.Item>
        <Form.Item name={['database']} label={t('pulls.fields.database')} rules={[{ required: true }]}>
          <Input data-testid="pull-connection-database" />
        </Form.Item>
        <Form.Item name={['user']} label={t('pulls.fields.user')} rules={[{ required: true }]}>
          <Input data-testid="pull-connection-user" />
        </Form.Item>
        <Form.Item
          name={['password']}
          label={t('pulls.fields.password')}
          rules={[{ required: editing === null }]}
          tooltip={editing === null ? undefined : t('pulls.passwordKeep')}
        >
          <Input.Password
            data-testid="pull-connection-password"
            autoComplete="new-password"
            placeholder={editing === null ? undefined : t('pulls.passwordKeep')}
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={write.isPending}
            data-testid="pull-connection-save"
          >
            {t('pulls.save')}
          </Button>
          {editing === null ? null : <Button onClick={onDone}>{t('pulls.cancel')}</Button>}
        </Space>
      </Form>
      {write.error ? <Alert type="error" showIcon message={problemDetail(t, write.error)} /> : null}
    </Card>
  );
}

interface PullFields {
  code: string;
  orgUnit: string;
  connection: string;
  query: string;
  profile: string;
  schedule: string;
  timeZone: string;
  periodType: 'month' | 'quarter' | 'year';
  periodOffset: number;
}

/** The body that writes `pull` back as it is, but for `changes` (enabling, disabling). */
export function pullInput(pull: Pull, changes: Partial<PullInput> = {}): PullInput {
  return {
    code: pull.code,
    orgUnit: pull.orgUnit,
    connection: pull.connection,
    query: pull.query,
    profile: pull.profile,
    schedule: pull.schedule,
    timeZone: pull.timeZone,
    periodType: pull.periodType,
    periodOffset: pull.periodOffset,
    timeoutSeconds: pull.timeoutSeconds,
    enabled: pull.enabled,
    ...changes,
  };
}

/** Adds a pull, or changes `editing` (its unit fixed). */
export function PullForm({
  editing,
  onDone,
}: {
  readonly editing: Pull | null;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const connections = usePullConnections();
  const create = useCreatePull();
  const update = useUpdatePull();
  const write = editing === null ? create : update;
  const [form] = Form.useForm<PullFields>();
  const [profileError, setProfileError] = useState<string | null>(null);
  const submit = (v: PullFields) => {
    let profile: unknown;
    try {
      profile = JSON.parse(v.profile);
    } catch (error) {
      setProfileError(error instanceof Error ? error.message : String(error));
      return;
    }
    setProfileError(null);
    const body = {
      code: v.code,
      orgUnit: v.orgUnit,
      connection: v.connection,
      query: v.query,
      // The server checks the profile against healthbsc/profile@1 and names each wrong field.
      profile: profile as PullInputProfile,
      schedule: v.schedule === undefined || v.schedule.trim() === '' ? null : v.schedule.trim(),
      timeZone: v.timeZone,
      periodType: v.periodType,
      periodOffset: v.periodOffset,
    };
    const done = {
      onSuccess: () => {
        form.resetFields();
        onDone();
      },
    };
    if (editing === null) create.mutate(body, done);
    else
      update.mutate(
        {
          id: editing.id,
          body: { ...body, timeoutSeconds: editing.timeoutSeconds, enabled: editing.enabled },
        },
        done,
      );
  };
  return (
    <Card
      size="small"
      title={editing === null ? t('pulls.pulls.add') : t('pulls.pulls.edit', { code: editing.code })}
      data-testid="pull-form"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing === null
            ? { timeZone: 'Asia/Shanghai', periodType: 'month', periodOffset: -1, schedule: '0 6 3 * *' }
            : {
                code: editing.code,
                orgUnit: editing.orgUnit,
                connection: editing.connection,
                query: editing.query,
                profile: JSON.stringify(editing.profile, null, 2),
                schedule: editing.schedule ?? '',
                timeZone: editing.timeZone,
                periodType: editing.periodType,
                periodOffset: editing.periodOffset,
              }
        }
        onFinish={submit}
      >
        <Space wrap>
          <Form.Item name={['code']} label={t('pulls.fields.code')} rules={[{ required: true }]}>
            <Input data-testid="pull-code" />
          </Form.Item>
          <Form.Item name={['orgUnit']} label={t('pulls.fields.orgUnit')} rules={[{ required: true }]}>
            <Input data-testid="pull-unit" disabled={editing !== null} />
          </Form.Item>
          <Form.Item name={['connection']} label={t('pulls.fields.connection')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              data-testid="pull-connection"
              options={(connections.data?.items ?? []).map((c) => ({
                value: c.code,
                label: `${c.code} (${c.orgUnit})`,
              }))}
            />
          </Form.Item>
          <Form.Item name={['schedule']} label={t('pulls.fields.schedule')} extra={t('pulls.scheduleHelp')}>
            <Input data-testid="pull-schedule" />
          </Form.Item>
          <Form.Item name={['timeZone']} label={t('pulls.fields.timeZone')}>
            <Input data-testid="pull-time-zone" />
          </Form.Item>
          <Form.Item name={['periodType']} label={t('pulls.fields.periodType')}>
            <Select
              style={{ width: 110 }}
              options={(['month', 'quarter', 'year'] as const).map((p) => ({
                value: p,
                label: t(PERIOD_TYPE_KEYS[p]),
              }))}
            />
          </Form.Item>
          <Form.Item name={['periodOffset']} label={t('pulls.fields.periodOffset')}>
            <InputNumber min={-24} max={0} data-testid="pull-period-offset" />
          </Form.Item>
        </Space>
        <Form.Item
          name={['query']}
          label={t('pulls.fields.query')}
          extra={t('pulls.queryHelp')}
          rules={[{ required: true }]}
        >
          <Input.TextArea
            rows={5}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid="pull-query"
          />
        </Form.Item>
        <Form.Item name={['profile']} label={t('pulls.fields.profile')} rules={[{ required: true }]}>
          <Input.TextArea
            rows={6}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid="pull-profile"
          />
        </Form.Item>
        <Space>
          <input
            type="file"
            accept=".json,application/json"
            aria-label={t('pulls.profileFile')}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) form.setFieldValue('profile', await file.text());
            }}
          />
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="pull-save">
            {t('pulls.save')}
          </Button>
          {editing === null ? null : <Button onClick={onDone}>{t('pulls.cancel')}</Button>}
        </Space>
      </Form>
      {profileError !== null ? (
        <Alert type="error" showIcon message={t('pulls.profileNotJson', { detail: profileError })} />
      ) : null}
      {write.error ? <Alert type="error" showIcon message={problemDetail(t, write.error)} /> : null}
    </Card>
  );
}

type PullInputProfile = Parameters<ReturnType<typeof useCreatePull>['mutate']>[0]['profile'];
