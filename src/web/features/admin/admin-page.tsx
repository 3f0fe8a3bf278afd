/**
 * Administration (issue 5): org units and groups, data elements, periods, users and API tokens, the audit
 * trail, the background jobs and the e-mail outbox, one tab each; the tab is in the URL (`/admin?tab=users`) so it can be linked. The session decides which
 * tabs are offered and whether write buttons show; the server stays the authority, and a tab named in the URL
 * that the user may not use shows the forbidden problem instead of a blank page.
 */
import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useSession } from '../../lib/api/session.ts';
import { type AdminTab, canDesign, resolveAdminTab, visibleAdminTabs } from './admin-tabs.ts';
import { AuditTab } from './components/audit-tab.tsx';
import { DataElementsTab } from './components/data-elements-tab.tsx';
import { JobsPanel } from './components/jobs-panel.tsx';
import { MailPanel } from './components/mail-panel.tsx';
import { OrgUnitsTab } from './components/org-units-tab.tsx';
import { PeriodsTab } from './components/periods-tab.tsx';
import { UsersTab } from './components/users-tab.tsx';

const LABEL_KEYS = {
  'org-units': 'admin.tabs.orgUnits',
  'data-elements': 'admin.tabs.dataElements',
  periods: 'admin.tabs.periods',
  users: 'admin.tabs.users',
  audit: 'admin.tabs.audit',
  jobs: 'admin.tabs.jobs',
  mail: 'admin.tabs.mail',
} as const satisfies Record<AdminTab, string>;

export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const user = session.data?.user;

  if (user === undefined) {
    return (
      <>
        <PageHeading id="admin-title" title={t('nav.admin')} selection={null} />
        <LoadingPanel
          isLoading={session.isLoading}
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </>
    );
  }

  const visible = visibleAdminTabs(user);
  const { tab, allowed } = resolveAdminTab(params.get('tab'), visible);
  const design = canDesign(user);

  function content(which: AdminTab) {
    switch (which) {
      case 'org-units':
        return <OrgUnitsTab canWrite={design} />;
      case 'data-elements':
        return <DataElementsTab canWrite={design} />;
      case 'periods':
        return <PeriodsTab />;
      case 'users':
        return <UsersTab />;
      case 'audit':
        return <AuditTab canExport={user?.administrator ?? false} />;
      case 'jobs':
        return <JobsPanel />;
      case 'mail':
        return <MailPanel />;
    }
  }

  return (
    <>
      <PageHeading id="admin-title" title={t('nav.admin')} selection={null} />
      {allowed ? null : (
        <Alert
          data-testid="admin-forbidden"
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('errors.forbidden')}
          description={t('admin.forbiddenTab', { tab: t(LABEL_KEYS[tab]) })}
        />
      )}
      <Tabs
        data-testid="admin-tabs"
        activeKey={allowed ? tab : undefined}
        onChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              next.set('tab', key);
              return next;
            },
            { replace: false },
          )
        }
        destroyOnHidden
        items={visible.map((key) => ({
          key,
          label: <span data-testid={`admin-tab-${key}`}>{t(LABEL_KEYS[key])}</span>,
          children: key === tab && allowed ? content(key) : null,
        }))}
      />
    </>
  );
}
