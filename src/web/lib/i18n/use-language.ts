/** The interface's current language, as react-i18next re-renders on a switch. */
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './languages.ts';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
