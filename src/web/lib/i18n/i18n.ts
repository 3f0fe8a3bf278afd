/**
 * i18next with the translation catalog bundled (catalog.ts: small, and a language switch must not wait for
 * the network). One instance per app, made here and given to react-i18next's provider.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from './catalog.ts';
import { LANGUAGES, type Language } from './languages.ts';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const satisfies Record<Language, { translation: typeof en }>;

/**
 * @example createI18n('zh-CN').t('nav.overview') // '总览'
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    // The resources are in memory: initialise synchronously so the first render is already translated.
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
