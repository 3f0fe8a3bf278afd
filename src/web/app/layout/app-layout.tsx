/**
 * The frame of every page: the header (name, pickers, search, language, account), the page menu, the banner slot and the page.
 * In print only the page shows, under a title naming the selection (print-title.tsx; global.css).
 * Below 992 px (tablets) the menu becomes a row under the header, and the header's pickers wrap.
 */
import { Grid, Layout, theme } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { type SessionUser, useSession } from '../../lib/api/session.ts';
import { PageErrorBoundary } from '../page-error-boundary.tsx';
import { AccountMenu } from './account-menu.tsx';
import { DemoBanner } from './demo-banner.tsx';
import { HeaderSearch } from './header-search.tsx';
import { InboxBell } from './inbox-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PrintTitle } from './print-title.tsx';
import { SelectionPickers } from './selection-pickers.tsx';
import { SideNav } from './side-nav.tsx';
import { useDefaultSelection } from './use-default-selection.ts';
import { useRememberView } from './use-remember-view.ts';

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const defaults = useDefaultSelection();
  useRememberView();
  const session = useSession();
  const { pathname, search } = useLocation();
  // Until the first measurement, assume a wide screen (the common case for this app).
  const wide = Grid.useBreakpoint().lg ?? true;
  const divider = `1px solid ${token.colorBorderSecondary}`;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        className="no-print"
        style={{
          height: 'auto',
          lineHeight: 'normal',
          padding: '8px 16px',
          background: token.colorBgContainer,
          borderBottom: divider,
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'flex-end',
          gap: 16,
        }}
      >
        <h1 style={{ fontSize: 22, fontWeight: 700, margin: '0 8px 4px 0', color: token.colorPrimary }}>
          {t('app.name')}
        </h1>
        <SelectionPickers />
        <div style={{ marginLeft: 'auto', display: 'flex', gap: 8, alignItems: 'center' }}>
          <HeaderSearch />
          <LanguageSwitch />
          <InboxBell />
          <AccountMenu />
        </div>
      </Layout.Header>
      {wide ? null : (
        <div className="no-print" style={{ background: token.colorBgContainer, borderBottom: divider }}>
          <SideNav horizontal />
        </div>
      )}
      <Layout>
        {wide ? (
          <Layout.Sider className="no-print" width={200} theme="light" style={{ borderRight: divider }}>
            <SideNav />
          </Layout.Sider>
        ) : null}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, minWidth: 0 }}>
          <PrintTitle />
          <div className="no-print">
            <DemoBanner />
          </div>
          <LoadingPanel
            isLoading={defaults.isLoading}
            error={defaults.error}
            isEmpty={defaults.isEmpty}
            emptyText={t(emptyStateKey(session.data?.user))}
          >
            <PageErrorBoundary resetKey={`${pathname}${search}`}>
              <Suspense fallback={<LoadingPanel isLoading />}>
                <Outlet />
              </Suspense>
            </PageErrorBoundary>
          </LoadingPanel>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Only those who may import scorecards and units are told to; everyone else is told whom to ask. */
function emptyStateKey(
  user: SessionUser | undefined,
): 'state.noScorecards' | 'state.noRole' | 'state.noScorecardsAsk' {
  if (!user) return 'state.noScorecards';
  if (user.assignments.length === 0 && !user.administrator) return 'state.noRole';
  const canImport =
    user.administrator || user.assignments.some((a) => a.role === 'admin' || a.role === 'strategist');
  return canImport ? 'state.noScorecards' : 'state.noScorecardsAsk';
}
