/**
 * Users and their role assignments (installation admins only): the list, a dialog to create or change a user,
 * and disabling or enabling an account (which ends its sessions). API tokens follow in their own panel.
 */
import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserResource } from '../../../../core/contracts/accounts.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { useSaveUser, useUsers } from '../../../lib/api/users.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { AssignmentTags } from './assignment-tags.tsx';
import { TokensPanel } from './tokens-panel.tsx';
import { UserForm } from './user-form.tsx';

export function useUnitNames(): ReadonlyMap<string, string> {
  const language = useLanguage();
  const units = useOrgUnits();
  return useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.code, localize(unit.name, language)])),
    [units.data, language],
  );
}

export function UsersTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const users = useUsers();
  const toggle = useSaveUser();
  const unitNames = useUnitNames();
  const [editing, setEditing] = useState<UserResource | null | 'new'>(null);

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Panel
        title={t('admin.users.title')}
        testId="users-panel"
        extra={
          <Button type="primary" data-testid="user-add" onClick={() => setEditing('new')}>
            {t('admin.users.add')}
          </Button>
        }
      >
        <ProblemAlert error={toggle.error} testId="user-toggle-problem" />
        <LoadingPanel
          isLoading={users.isLoading}
          error={users.error}
          isEmpty={(users.data?.length ?? 0) === 0}
          emptyText={t('admin.users.empty')}
          onRetry={() => void users.refetch()}
        >
          <Table<UserResource>
            data-testid="user-table"
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={users.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(user) =>
              ({ 'data-testid': 'user-row', 'data-email': user.email }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              { key: 'email', title: t('admin.users.email'), dataIndex: 'email' },
              { key: 'name', title: t('admin.name'), render: (_, user) => user.name ?? '—' },
              {
                key: 'assignments',
                title: t('admin.users.assignments'),
                render: (_, user) => <AssignmentTags assignments={user.assignments} unitNames={unitNames} />,
              },
              {
                key: 'status',
                title: t('admin.users.status'),
                render: (_, user) =>
                  user.disabled ? (
                    <Tag color="red">{t('admin.users.disabled')}</Tag>
                  ) : (
                    <Tag color="green">{t('admin.users.enabled')}</Tag>
                  ),
              },
              {
                key: 'lastLogin',
                title: t('admin.users.lastLogin'),
                render: (_, user) =>
                  user.lastLoginAt === null ? '—' : formatDateTime(user.lastLoginAt, language),
              },
              {
                key: 'actions',
                title: t('admin.actions'),
                render: (_, user) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing(user)}>
                      {t('admin.edit')}
                    </Button>
                    <Popconfirm
                      title={user.disabled ? t('admin.users.enableConfirm') : t('admin.users.disableConfirm')}
                      okText={t('admin.confirm')}
                      cancelText={t('admin.cancel')}
                      onConfirm={() =>
                        toggle.mutate({ kind: 'update', id: user.id, body: { disabled: !user.disabled } })
                      }
                    >
                      <Button size="small" danger={!user.disabled}>
                        {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </LoadingPanel>
      </Panel>
      <TokensPanel />
      {editing === null ? null : (
        <UserForm
          user={editing === 'new' ? null : editing}
          unitNames={unitNames}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
