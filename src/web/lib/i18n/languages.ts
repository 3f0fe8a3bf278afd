/**
 * The languages of the interface and how the first one is chosen: the one the user picked before (kept in
 * localStorage), else the browser's (any Chinese → zh-CN), else English.
 */

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'healthbsc.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: a stored choice wins; otherwise the first browser language decides (BCP 47 tags:
 * `zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW` … → zh-CN, since zh-CN is our only Chinese); otherwise English.
 *
 * @example detectLanguage(null, ['zh-TW', 'en']) // 'zh-CN'
 * @example detectLanguage('en', ['zh-CN']) // 'en'
 */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages[0]?.toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en';
}

/** The other half of a localized name as the API sends it (`{ en, zh? }`): Chinese when there is one. */
export function localize(
  text: { readonly en: string; readonly zh?: string | undefined },
  language: Language,
): string {
  return language === 'zh-CN' && text.zh !== undefined && text.zh !== '' ? text.zh : text.en;
}
