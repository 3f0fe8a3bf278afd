/**
 * The alert rules of the header's scorecard (the performance office): each rule's kind, severity, the units and
 * indicators it watches, and a switch that turns it off without losing it; added and changed in a dialog, deleted
 * with their alerts after a confirmation.
 */
import { Button, Popconfirm, Space, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { KIND_KEYS, SEVERITY_COLORS, SEVERITY_KEYS } from '../../../lib/alert-labels.ts';
import { type AlertRuleResource, useAlertRules, useSaveAlertRule } from '../../../lib/api/alert-rules.ts';
import { useNames } from '../../../lib/use-names.ts';
import { ruleBody, ruleFields, usesIndicators, usesWatch } from '../rule-form.ts';
import { RuleDialog } from './rule-dialog.tsx';

/** The dialog: closed, a new rule, or a rule being changed. */
type Editing = { readonly rule: AlertRuleResource | null } | null;

export function RulesTab({ scorecard }: { readonly scorecard: string | null }) {
  const { t } = useTranslation();
  const rules = useAlertRules(scorecard);
  const save = useSaveAlertRule();
  const names = useNames(scorecard);
  const [editing, setEditing] = useState<Editing>(null);

  const columns: TableColumnsType<AlertRuleResource> = [
    {
      key: 'kind',
      title: t('alerts.columns.kind'),
      render: (_, rule) => <span data-testid={`rule-kind-${rule.id}`}>{t(KIND_KEYS[rule.kind])}</span>,
    },
    {
      key: 'severity',
      title: t('alerts.columns.severity'),
      render: (_, rule) => (
        <Tag color={SEVERITY_COLORS[rule.severity]}>{t(SEVERITY_KEYS[rule.severity])}</Tag>
      ),
    },
    {
      key: 'units',
      title: t('alerts.rules.units'),
      render: (_, rule) => (
        <span data-testid={`rule-units-${rule.id}`}>
          {rule.orgUnits.length === 0
            ? t('alerts.rules.everyUnit')
            : rule.orgUnits.map(names.unit).join(', ')}
        </span>
      ),
    },
    {
      key: 'indicators',
      title: t('alerts.rules.indicators'),
      render: (_, rule) =>
        !usesIndicators(rule.kind)
          ? t('alerts.rules.perUnit')
          : rule.indicators.length === 0
            ? t('alerts.rules.everyIndicator')
            : rule.indicators.map(names.indicator).join(', '),
    },
    {
      key: 'watch',
      title: t('alerts.rules.includeWatch'),
      render: (_, rule) =>
        usesWatch(rule.kind)
          ? rule.includeWatch
            ? t('alerts.settings.yes')
            : t('alerts.settings.no')
          : null,
    },
    {
      key: 'enabled',
      title: t('alerts.rules.enabled'),
      render: (_, rule) => (
        <Switch
          size="small"
          checked={rule.enabled}
          loading={save.isPending && save.variables?.kind === 'replace' && save.variables.id === rule.id}
          aria-label={t('alerts.rules.enabledOf', { rule: t(KIND_KEYS[rule.kind]) })}
          data-testid={`rule-enabled-${rule.id}`}
          data-enabled={String(rule.enabled)}
          onChange={(enabled) =>
            save.mutate({
              kind: 'replace',
              id: rule.id,
              body: ruleBody(rule.scorecard, { ...ruleFields(rule), enabled }),
            })
          }
        />
      ),
    },
    {
      key: 'change',
      title: <span className="visually-hidden">{t('alerts.rules.edit')}</span>,
      render: (_, rule) => (
        <Space>
          <Button size="small" data-testid={`rule-edit-${rule.id}`} onClick={() => setEditing({ rule })}>
            {t('alerts.rules.edit')}
          </Button>
          <Popconfirm
            title={t('alerts.rules.removeConfirm')}
            onConfirm={() => save.mutate({ kind: 'remove', id: rule.id })}
          >
            <Button size="small" danger data-testid={`rule-remove-${rule.id}`}>
              {t('alerts.rules.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <p style={{ marginTop: 0 }}>{t('alerts.rules.explain')}</p>
      <ProblemAlert error={save.error} />
      <LoadingPanel
        isLoading={scorecard !== null && rules.isPending}
        error={rules.error}
        isEmpty={scorecard === null}
        emptyText={t('alerts.deadlines.chooseScorecard')}
        onRetry={() => void rules.refetch()}
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Button type="primary" data-testid="rule-add" onClick={() => setEditing({ rule: null })}>
            {t('alerts.rules.add')}
          </Button>
          <Table<AlertRuleResource>
            size="small"
            rowKey="id"
            data-testid="rule-table"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={rules.data?.rules ?? []}
            locale={{ emptyText: t('alerts.rules.none') }}
          />
        </Space>
      </LoadingPanel>
      {editing !== null && scorecard !== null ? (
        <RuleDialog scorecard={scorecard} rule={editing.rule} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
