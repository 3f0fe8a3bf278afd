/**
 * Imports (issue 5): a wizard that checks a file before anything is written and then commits it with a
 * progress bar, and the history of committed files with undo.
 */
import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { ImportHistory } from './components/import-history.tsx';
import { ImportWizard } from './components/import-wizard.tsx';
import { ProfileWizard } from './components/profile-wizard.tsx';
import { PullsPanel } from './components/pulls-panel.tsx';

type Tab = 'wizard' | 'profile' | 'history' | 'pulls';

export function ImportsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('wizard');
  return (
    <section aria-labelledby="imports-title" style={{ minWidth: 0 }}>
      <PageHeading id="imports-title" title={t('imports.title')} selection={null} />
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === 'history' || key === 'profile' || key === 'pulls' ? key : 'wizard')}
        items={[
          {
            key: 'wizard',
            label: <span data-testid="imports-tab-wizard">{t('imports.tabs.wizard')}</span>,
            children: <ImportWizard onShowHistory={() => setTab('history')} />,
          },
          {
            key: 'profile',
            label: <span data-testid="imports-tab-profile">{t('profileWizard.tab')}</span>,
            children: <ProfileWizard />,
          },
          {
            key: 'history',
            label: <span data-testid="imports-tab-history">{t('imports.tabs.history')}</span>,
            children: <ImportHistory />,
          },
          {
            key: 'pulls',
            label: <span data-testid="imports-tab-pulls">{t('imports.tabs.pulls')}</span>,
            children: <PullsPanel />,
          },
        ]}
      />
    </section>
  );
}
