/**
 * Typed translation keys: `t('nav.overvew')` is a type error, because the English file is the key list.
 * The i18n check (scripts/check-i18n.ts) makes sure zh-CN has every key too.
 */
import 'i18next';
import type { Catalog } from './catalog.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
    returnNull: false;
  }
}
