/**
 * Org-unit groups (named sets of units, e.g. "teaching hospitals"): the list, and for designers a dialog to
 * create one or change its name and members (`members` replaces the whole membership, as the API says).
 */
import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitGroup } from '../../../../core/contracts/org-units.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useOrgUnitGroups, useSaveOrgUnitGroup } from '../../../lib/api/org-unit-groups.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

interface GroupValues {
  code: string;
  nameEn: string;
  nameZh?: string;
  members: string[];
}

function GroupForm({
  group,
  onClose,
}: {
  readonly group: OrgUnitGroup | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const units = useOrgUnits();
  const save = useSaveOrgUnitGroup();
  const [form] = Form.useForm<GroupValues>();

  async function submit(values: GroupValues): Promise<void> {
    const zh = values.nameZh?.trim() ?? '';
    const name = { en: values.nameEn.trim(), ...(zh === '' ? {} : { zh }) };
    if (group === null) {
      await save.mutateAsync({
        kind: 'create',
        body: { code: values.code.trim(), name, members: values.members },
      });
    } else {
      await save.mutateAsync({ kind: 'update', code: group.code, body: { name, members: values.members } });
    }
    onClose();
  }

  return (
    <Modal
      open
      title={
        group === null ? t('admin.groups.createTitle') : t('admin.groups.editTitle', { code: group.code })
      }
      onCancel={onClose}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} testId="group-form-problem" />
      <Form<GroupValues>
        form={form}
        layout="vertical"
        initialValues={
          group === null
            ? { members: [] }
            : { code: group.code, nameEn: group.name.en, nameZh: group.name.zh ?? '', members: group.members }
        }
        onFinish={(values) => void submit(values).catch(() => undefined)}
      >
        <Form.Item
          name={['code']}
          label={t('admin.groups.code')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input disabled={group !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['nameEn']}
          label={t('admin.nameEn')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['nameZh']} label={t('admin.nameZh')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['members']} label={t('admin.groups.members')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={units.isLoading}
            options={(units.data ?? []).map((unit) => ({
              value: unit.code,
              label: `${localize(unit.name, language)} (${unit.code})`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OrgUnitGroupsPanel({ canWrite }: { readonly canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = useOrgUnitGroups();
  const [editing, setEditing] = useState<OrgUnitGroup | null | 'new'>(null);

  return (
    <Panel
      title={t('admin.groups.title')}
      testId="org-unit-groups"
      extra={
        canWrite ? (
          <Button data-testid="group-add" onClick={() => setEditing('new')}>
            {t('admin.groups.add')}
          </Button>
        ) : null
      }
    >
      <LoadingPanel
        isLoading={groups.isLoading}
        error={groups.error}
        isEmpty={(groups.data?.length ?? 0) === 0}
        emptyText={t('admin.groups.empty')}
        onRetry={() => void groups.refetch()}
      >
        <Table<OrgUnitGroup>
          rowKey="code"
          size="small"
          scroll={{ x: true }}
          dataSource={groups.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              key: 'code',
              title: t('admin.groups.code'),
              dataIndex: 'code',
              render: (code: string) => <code>{code}</code>,
            },
            { key: 'name', title: t('admin.name'), render: (_, group) => localize(group.name, language) },
            {
              key: 'members',
              title: t('admin.groups.members'),
              render: (_, group) => (
                <span>
                  {group.members.slice(0, 8).map((code) => (
                    <Tag key={code}>{code}</Tag>
                  ))}
                  {group.members.length > 8
                    ? t('admin.groups.more', { count: group.members.length - 8 })
                    : null}
                </span>
              ),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('admin.actions'),
                    render: (_: unknown, group: OrgUnitGroup) => (
                      <Button size="small" onClick={() => setEditing(group)}>
                        {t('admin.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </LoadingPanel>
      {editing === null ? null : (
        <GroupForm group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Panel>
  );
}
