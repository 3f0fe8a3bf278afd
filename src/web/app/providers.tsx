/**
 * Everything the pages rely on, in one place: translations (i18next), Ant Design in the same language, the API
 * client and TanStack Query. The API client adds the CSRF header to writes and signals a 401, which the router
 * turns into a visit to the sign-in page (sign-in/sign-in-redirect.tsx).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from '../lib/api/api-client.ts';
import { ApiClientProvider } from '../lib/api/api-context.tsx';
import { CSRF_COOKIE, CSRF_HEADER, isUnsafeMethod, readCookie } from '../lib/api/session-helpers.ts';
import { createI18n } from '../lib/i18n/i18n.ts';
import { isLanguage, type Language } from '../lib/i18n/languages.ts';
import { initialLanguage, rememberLanguage } from './browser-language.ts';
import { createQueryClient } from './query-client.ts';
import { UNAUTHORIZED_EVENT, UnauthorizedEventsProvider } from './sign-in/sign-in-redirect.tsx';

const ANTD_LOCALES = { en: enUS, 'zh-CN': zhCN } as const satisfies Record<Language, unknown>;

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * Whether the user asked their system for less motion (WCAG 2.3.3, "Animation from Interactions"): Ant Design's
 * animations (dialogs zooming in, lists sliding down) are then turned off, and follow the setting as it changes.
 */
function usePrefersReducedMotion(): boolean {
  const [reduce, setReduce] = useState(
    () => typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches,
  );
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(REDUCED_MOTION);
    const onChange = () => setReduce(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduce;
}

export function Providers({ children }: { readonly children: ReactNode }) {
  const [i18n] = useState(() => createI18n(initialLanguage()));
  const [language, setLanguage] = useState<Language>(() =>
    isLanguage(i18n.language) ? i18n.language : 'en',
  );
  const [queryClient] = useState(createQueryClient);
  const [unauthorized] = useState(() => new EventTarget());
  const reduceMotion = usePrefersReducedMotion();
  const theme = useMemo(
    () => ({ token: { colorPrimary: '#0b6e99', motion: !reduceMotion } }),
    [reduceMotion],
  );
  const apiClient = useMemo(
    () =>
      createApiClient({
        // Double-submit CSRF: the server set the token in a readable cookie at sign-in; writes echo it.
        prepareHeaders: (headers, { method }) => {
          if (!isUnsafeMethod(method)) return;
          const token = readCookie(document.cookie, CSRF_COOKIE);
          if (token !== null) headers.set(CSRF_HEADER, token);
        },
        // The providers sit outside the router: the router's SignInRedirect hears this and navigates.
        onUnauthorized: () => unauthorized.dispatchEvent(new Event(UNAUTHORIZED_EVENT)),
      }),
    [unauthorized],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    const onChange = (next: string) => {
      if (!isLanguage(next)) return;
      setLanguage(next);
      rememberLanguage(next);
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={ANTD_LOCALES[language]} theme={theme}>
        <ApiClientProvider client={apiClient}>
          <UnauthorizedEventsProvider value={unauthorized}>
            <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
          </UnauthorizedEventsProvider>
        </ApiClientProvider>
      </ConfigProvider>
    </I18nextProvider>
  );
}
