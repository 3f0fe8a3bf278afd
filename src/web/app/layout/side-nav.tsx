/**
 * The page menu: a list of links (NavLink marks the current page with aria-current), keeping the selection.
 * A column beside the page on wide screens, a row above it on tablets. It lists the pages the user's roles use.
 * A click on a page with a prefetch starts that page's requests before the page is drawn.
 */
import type { QueryClient } from '@tanstack/react-query';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { prefetchDataEntry } from '../../features/data-entry/prefetch.ts';
import type { ApiClient } from '../../lib/api/api-client.ts';
import { usePrefetcher } from '../../lib/api/prefetch.ts';
import { useSession } from '../../lib/api/session.ts';
import type { Selection } from '../../lib/selection.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { visiblePages } from '../pages.ts';

type Prefetch = (queryClient: QueryClient, client: ApiClient, selection: Selection) => Promise<void>;

/** The pages whose requests wait on each other when the page draws them (a waterfall) and so start on the click. */
const PREFETCH: Readonly<Record<string, Prefetch>> = { '/data-entry': prefetchDataEntry };

export function SideNav({ horizontal = false }: { readonly horizontal?: boolean }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { token } = theme.useToken();
  const session = useSession();
  const { complete } = useSelection();
  const prefetcher = usePrefetcher();
  const pages = visiblePages(session.data?.user.assignments ?? []);
  return (
    <nav aria-label={t('nav.label')}>
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: horizontal ? '4px 8px' : '8px 0',
          display: horizontal ? 'flex' : 'block',
          flexWrap: 'wrap',
        }}
      >
        {pages.map((page) => (
          <li key={page.path}>
            <NavLink
              to={{ pathname: page.path, search }}
              data-testid={`nav-${page.path.slice(1)}`}
              onClick={() => {
                const prefetch = PREFETCH[page.path];
                if (prefetch !== undefined && complete !== null) {
                  prefetcher((queryClient, client) => prefetch(queryClient, client, complete));
                }
              }}
              style={({ isActive }) => ({
                display: 'block',
                margin: '2px 8px',
                padding: '8px 16px',
                borderRadius: token.borderRadius,
                color: isActive ? token.colorPrimary : token.colorText,
                background: isActive ? token.colorPrimaryBg : undefined,
                fontWeight: isActive ? 600 : 400,
              })}
            >
              {t(page.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
