/**
 * The signed-in user's own notification settings: the language of their e-mails and digests, and their
 * subscriptions (a unit's subtree or every unit × a rule or all rules, e-mail on or off, each alert at once or one
 * digest a day), changed in place in the table.
 */
import {
  Button,
  Form,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { ALERT_KINDS, KIND_KEYS } from '../../../lib/alert-labels.ts';
import type { AlertRuleKind } from '../../../lib/api/alerts.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import {
  type SubscriptionResource,
  usePreferences,
  useSavePreferences,
  useSaveSubscription,
  useSubscriptions,
} from '../../../lib/api/subscriptions.ts';
import { isLanguage, localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

interface NewSubscription {
  readonly orgUnit: string | null;
  readonly kind: AlertRuleKind | null;
  readonly email: boolean;
  readonly digest: 'none' | 'daily';
}

/** The form's field names (keys of its values, never shown). */
const FIELD = {
  orgUnit: 'orgUnit',
  kind: 'kind',
  email: 'email',
  digest: 'digest',
} as const satisfies Record<keyof NewSubscription, string>;

export function SubscriptionsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const preferences = usePreferences();
  const savePreferences = useSavePreferences();
  const subscriptions = useSubscriptions();
  const save = useSaveSubscription();
  const units = useOrgUnits();
  const [form] = Form.useForm<NewSubscription>();
  const unitName = (code: string | null) => {
    if (code === null) return t('alerts.settings.everyUnit');
    const unit = units.data?.find((item) => item.code === code);
    return unit === undefined ? code : localize(unit.name, language);
  };

  /** Changes one subscription's e-mail or delivery in place (immediate or the daily digest). */
  const change = (s: SubscriptionResource, fields: Partial<Pick<NewSubscription, 'email' | 'digest'>>) =>
    save.mutate({
      kind: 'replace',
      id: s.id,
      body: { orgUnit: s.orgUnit, kind: s.kind, email: s.email, digest: s.digest, ...fields },
    });

  const columns: TableColumnsType<SubscriptionResource> = [
    { key: 'unit', title: t('alerts.columns.unit'), render: (_, s) => unitName(s.orgUnit) },
    {
      key: 'kind',
      title: t('alerts.columns.kind'),
      render: (_, s) => (s.kind === null ? t('alerts.settings.everyKind') : t(KIND_KEYS[s.kind])),
    },
    {
      key: 'email',
      title: t('alerts.settings.email'),
      render: (_, s) => (
        <Switch
          size="small"
          checked={s.email}
          aria-label={t('alerts.settings.email')}
          data-testid={`subscription-email-${s.id}`}
          onChange={(email) => change(s, { email })}
        />
      ),
    },
    {
      key: 'digest',
      title: t('alerts.settings.digest'),
      render: (_, s) => (
        <Select<'none' | 'daily'>
          size="small"
          style={{ minWidth: 160 }}
          value={s.digest}
          disabled={!s.email}
          aria-label={t('alerts.settings.digest')}
          data-testid={`subscription-digest-${s.id}`}
          options={[
            { value: 'none', label: t('alerts.settings.each') },
            { value: 'daily', label: t('alerts.settings.daily') },
          ]}
          onChange={(digest) => change(s, { digest })}
        />
      ),
    },
    {
      key: 'remove',
      title: <span className="visually-hidden">{t('alerts.settings.remove')}</span>,
      render: (_, s) => (
        <Popconfirm
          title={t('alerts.settings.removeConfirm')}
          onConfirm={() => save.mutate({ kind: 'remove', id: s.id })}
        >
          <Button size="small" danger data-testid={`subscription-remove-${s.id}`}>
            {t('alerts.settings.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <span id="mail-language">{t('alerts.settings.mailLanguage')}</span>
        <Segmented
          aria-labelledby="mail-language"
          data-testid="preferred-language"
          disabled={preferences.data === undefined || savePreferences.isPending}
          value={preferences.data?.language ?? language}
          options={[
            { value: 'zh-CN', label: t('language.zhCN') },
            { value: 'en', label: t('language.en') },
          ]}
          onChange={(value) => {
            if (isLanguage(value)) savePreferences.mutate({ language: value });
          }}
        />
      </Space>
      <ProblemAlert error={savePreferences.error ?? save.error} />
      <LoadingPanel
        isLoading={subscriptions.isPending}
        error={subscriptions.error}
        onRetry={() => void subscriptions.refetch()}
      >
        <Table<SubscriptionResource>
          size="small"
          rowKey="id"
          data-testid="subscription-table"
          pagination={false}
          columns={columns}
          dataSource={subscriptions.data?.subscriptions ?? []}
          locale={{ emptyText: t('alerts.settings.noSubscriptions') }}
        />
      </LoadingPanel>
      <Form<NewSubscription>
        form={form}
        layout="inline"
        initialValues={{ orgUnit: null, kind: null, email: true, digest: 'none' }}
        onFinish={(body) => save.mutate({ kind: 'add', body }, { onSuccess: () => form.resetFields() })}
        style={{ rowGap: 8 }}
      >
        <Form.Item name={FIELD.orgUnit} label={t('alerts.columns.unit')}>
          <Select<string | null>
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 220 }}
            data-testid="subscription-unit"
            options={[
              { value: null, label: t('alerts.settings.everyUnit') },
              ...(units.data ?? []).map((unit) => ({
                value: unit.code,
                label: localize(unit.name, language),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name={FIELD.kind} label={t('alerts.columns.kind')}>
          <Select<AlertRuleKind | null>
            style={{ minWidth: 200 }}
            data-testid="subscription-kind"
            options={[
              { value: null, label: t('alerts.settings.everyKind') },
              ...ALERT_KINDS.map((kind) => ({ value: kind, label: t(KIND_KEYS[kind]) })),
            ]}
          />
        </Form.Item>
        <Form.Item name={FIELD.email} label={t('alerts.settings.email')} valuePropName="checked">
          <Switch data-testid="subscription-email" />
        </Form.Item>
        <Form.Item name={FIELD.digest} label={t('alerts.settings.digest')}>
          <Select<'none' | 'daily'>
            style={{ minWidth: 140 }}
            options={[
              { value: 'none', label: t('alerts.settings.each') },
              { value: 'daily', label: t('alerts.settings.daily') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="subscription-add">
            {t('alerts.settings.add')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}
