/**
 * The page menu: a list of links (NavLink marks the current page with aria-current), keeping the selection.
 * A column beside the page on wide screens, a row above it on tablets. It lists the pages the user's roles use.
 */
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useSession } from '../../lib/api/session.ts';
import { visiblePages } from '../pages.ts';

export function SideNav({ horizontal = false }: { readonly horizontal?: boolean }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { token } = theme.useToken();
  const session = useSession();
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
