/**
 * Everything the pages rely on, in one place: translations (i18next), Ant Design in the same language, the API
 * client and TanStack Query. The API client adds the CSRF header to writes and sends a 401 to the sign-in page.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from '../lib/api/api-client.ts';
import { ApiClientProvider } from '../lib/api/api-context.tsx';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  isUnsafeMethod,
  QUESTIONNAIRE_PATH,
  readCookie,
  SIGN_IN_PATH,
  signInHref,
} from '../lib/api/session-helpers.ts';
import { createI18n } from '../lib/i18n/i18n.ts';
import { isLanguage, type Language } from '../lib/i18n/languages.ts';
import { initialLanguage, rememberLanguage } from './browser-language.ts';
import { createQueryClient } from './query-client.ts';

const ANTD_LOCALES = { en: enUS, 'zh-CN': zhCN } as const satisfies Record<Language, unknown>;

/** Several queries may fail with 401 at once: send the user to the sign-in page once. */
let redirecting = false;

export function Providers({ children }: { readonly children: ReactNode }) {
  const [i18n] = useState(() => createI18n(initialLanguage()));
  const [language, setLanguage] = useState<Language>(() =>
    isLanguage(i18n.language) ? i18n.language : 'en',
  );
  const [queryClient] = useState(createQueryClient);
  const apiClient = useMemo(
    () =>
      createApiClient({
        // Double-submit CSRF: the server set the token in a readable cookie at sign-in; writes echo it.
        prepareHeaders: (headers, { method }) => {
          if (!isUnsafeMethod(method)) return;
          const token = readCookie(document.cookie, CSRF_COOKIE);
          if (token !== null) headers.set(CSRF_HEADER, token);
        },
        // A full page load (not a client-side navigation): the providers sit outside the router, and a fresh
        // start leaves nothing of the expired session in memory.
        onUnauthorized: () => {
          const { pathname, search } = window.location;
          // An expert's questionnaire has no session to renew: its page says what is wrong with the link.
          if (pathname === SIGN_IN_PATH || pathname.startsWith(`${QUESTIONNAIRE_PATH}/`) || redirecting)
            return;
          redirecting = true;
          window.location.assign(signInHref(pathname, search));
        },
      }),
    [],
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
      <ConfigProvider locale={ANTD_LOCALES[language]} theme={{ token: { colorPrimary: '#0b6e99' } }}>
        <ApiClientProvider client={apiClient}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </ApiClientProvider>
      </ConfigProvider>
    </I18nextProvider>
  );
}
