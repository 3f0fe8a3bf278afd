/**
 * The targets and reference values of one indicator (GET/PUT/DELETE /api/targets): one row per scope (every
 * unit, one org unit, a group, a level) and period, added and changed in a dialog, deleted by their key.
 */
import { Alert, Button, Input, InputNumber, Modal, Select, Space, Table, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target, TargetInput, TargetScope } from '../../../../core/contracts/targets.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { problemDetail } from '../../../components/problem-words.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { useDeleteTarget, usePutTargets, useTargets } from '../../../lib/api/targets.ts';
import { formatNumber, formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { buildUnitTree } from '../../../lib/org-unit-tree.ts';
import {
  emptyTargetForm,
  type TargetForm,
  type TargetFormProblem,
  targetFormOf,
  targetInputOf,
  targetKeyOf,
} from '../model/targets.ts';
import { withCodes } from '../model/unit-options.ts';
import { Field } from './field.tsx';
import { SCOPE_LABELS, TARGET_PROBLEM_LABELS, TARGET_VALUE_LABELS } from './labels.ts';

export function TargetsPanel({
  scorecard,
  indicator,
  saved,
}: {
  scorecard: string;
  indicator: string;
  saved: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const targets = useTargets(scorecard, saved ? indicator : null);
  const putTargets = usePutTargets();
  const deleteTarget = useDeleteTarget();
  const [form, setForm] = useState<{ value: TargetForm; editing: boolean } | null>(null);
  const orgUnits = useOrgUnits();
  const unitTree = useMemo(
    () => withCodes(buildUnitTree(orgUnits.data ?? [], language)),
    [orgUnits.data, language],
  );
  const input: TargetInput | TargetFormProblem | null =
    form === null ? null : targetInputOf(scorecard, indicator, form.value);

  if (!saved) {
    return (
      <section aria-labelledby="targets-title" style={{ marginTop: 16 }}>
        <h4 id="targets-title">{t('designer.targets.title')}</h4>
        <Alert
          type="info"
          showIcon
          title={t('designer.targets.saveFirst')}
          data-testid="targets-save-first"
        />
      </section>
    );
  }

  const scopeText = (row: Target) =>
    row.scope === 'org-unit'
      ? (row.orgUnit ?? '')
      : row.scope === 'group'
        ? (row.orgUnitGroup ?? '')
        : row.scope === 'level'
          ? t('designer.targets.levelN', { level: row.level ?? 0 })
          : t('designer.targets.scopes.all');
  const number = (value: number | null) => formatNumber(value, language, 2);

  return (
    <section aria-labelledby="targets-title" style={{ marginTop: 16 }} data-testid="targets-panel">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h4 id="targets-title" style={{ margin: 0 }}>
          {t('designer.targets.title')}
        </h4>
        <Button
          data-testid="add-target"
          onClick={() => setForm({ value: emptyTargetForm(), editing: false })}
        >
          {t('designer.targets.add')}
        </Button>
      </Space>
      {deleteTarget.error ? (
        <Alert type="error" showIcon title={problemDetail(t, deleteTarget.error)} />
      ) : null}
      <LoadingPanel
        isLoading={targets.isPending}
        error={targets.error}
        isEmpty={targets.data?.length === 0}
        emptyText={t('designer.targets.empty')}
        onRetry={() => void targets.refetch()}
        minHeight={80}
      >
        <Table<Target>
          data-testid="targets-table"
          size="small"
          rowKey={(row) => `${row.scope}|${row.orgUnit}|${row.orgUnitGroup}|${row.level}|${row.period}`}
          dataSource={targets.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('designer.targets.scope'), key: 'scope', render: (_, row) => scopeText(row) },
            {
              title: t('designer.targets.period'),
              key: 'period',
              render: (_, row) => formatPeriod(row.period, language),
            },
            {
              title: t('designer.targets.target'),
              key: 'target',
              align: 'right',
              render: (_, row) => number(row.target),
            },
            {
              title: t('designer.targets.band'),
              key: 'band',
              render: (_, row) =>
                row.lower === null && row.upper === null ? '' : `${number(row.lower)} – ${number(row.upper)}`,
            },
            {
              title: t('designer.targets.reference'),
              key: 'reference',
              align: 'right',
              render: (_, row) => number(row.reference),
            },
            { title: t('designer.targets.source'), dataIndex: 'source', key: 'source' },
            {
              title: t('designer.targets.actions'),
              key: 'actions',
              render: (_, row) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setForm({ value: targetFormOf(row), editing: true })}>
                    {t('designer.actions.edit')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    aria-label={t('designer.targets.deleteOne', { period: row.period })}
                    onClick={() => deleteTarget.mutate(targetKeyOf(row))}
                  >
                    {t('designer.actions.delete')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </LoadingPanel>
      <Modal
        open={form !== null}
        title={form?.editing ? t('designer.targets.edit') : t('designer.targets.add')}
        okText={t('designer.actions.save')}
        cancelText={t('designer.actions.cancel')}
        okButtonProps={{
          disabled: typeof input === 'string',
          loading: putTargets.isPending,
          ...{ 'data-testid': 'target-save' },
        }}
        onCancel={() => {
          setForm(null);
          putTargets.reset();
        }}
        onOk={() => {
          if (input === null || typeof input === 'string') return;
          putTargets.mutate([input], { onSuccess: () => setForm(null) });
        }}
      >
        {form === null ? null : (
          <div data-testid="target-form">
            <Field id="target-scope" label={t('designer.targets.scope')}>
              <Select<TargetScope>
                id="target-scope"
                disabled={form.editing}
                value={form.value.scope}
                options={(['all', 'org-unit', 'group', 'level'] as const).map((s) => ({
                  value: s,
                  label: t(SCOPE_LABELS[s]),
                }))}
                onChange={(scope) => setForm({ ...form, value: { ...form.value, scope } })}
              />
            </Field>
            {form.value.scope === 'org-unit' ? (
              <Field id="target-org-unit" label={t('designer.targets.orgUnit')}>
                <TreeSelect
                  id="target-org-unit"
                  disabled={form.editing}
                  showSearch
                  treeDefaultExpandAll
                  value={form.value.orgUnit || undefined}
                  treeData={unitTree}
                  onChange={(value: string) => setForm({ ...form, value: { ...form.value, orgUnit: value } })}
                />
              </Field>
            ) : null}
            {form.value.scope === 'group' ? (
              <Field id="target-group" label={t('designer.targets.group')}>
                <Input
                  id="target-group"
                  disabled={form.editing}
                  value={form.value.orgUnitGroup}
                  onChange={(e) =>
                    setForm({ ...form, value: { ...form.value, orgUnitGroup: e.target.value } })
                  }
                />
              </Field>
            ) : null}
            {form.value.scope === 'level' ? (
              <Field id="target-level" label={t('designer.targets.level')}>
                <InputNumber
                  id="target-level"
                  disabled={form.editing}
                  min={1}
                  precision={0}
                  value={form.value.level}
                  onChange={(value) =>
                    setForm({
                      ...form,
                      value: { ...form.value, level: typeof value === 'number' ? value : null },
                    })
                  }
                />
              </Field>
            ) : null}
            <Field
              id="target-period"
              label={t('designer.targets.period')}
              help={t('designer.targets.periodHelp')}
            >
              <Input
                id="target-period"
                data-testid="target-period"
                disabled={form.editing}
                value={form.value.period}
                onChange={(e) => setForm({ ...form, value: { ...form.value, period: e.target.value } })}
              />
            </Field>
            <Space wrap>
              {(['target', 'lower', 'upper', 'reference'] as const).map((key) => (
                <Field key={key} id={`target-${key}`} label={t(TARGET_VALUE_LABELS[key])}>
                  <InputNumber
                    id={`target-${key}`}
                    data-testid={`target-${key}`}
                    value={form.value[key]}
                    onChange={(value) =>
                      setForm({
                        ...form,
                        value: { ...form.value, [key]: typeof value === 'number' ? value : null },
                      })
                    }
                  />
                </Field>
              ))}
            </Space>
            <Field id="target-source" label={t('designer.targets.source')}>
              <Input
                id="target-source"
                value={form.value.source}
                onChange={(e) => setForm({ ...form, value: { ...form.value, source: e.target.value } })}
              />
            </Field>
            {typeof input === 'string' ? (
              <Alert type="warning" showIcon title={t(TARGET_PROBLEM_LABELS[input])} />
            ) : null}
            {putTargets.error ? (
              <Alert
                type="error"
                showIcon
                data-testid="target-error"
                title={problemDetail(t, putTargets.error)}
              />
            ) : null}
          </div>
        )}
      </Modal>
    </section>
  );
}
