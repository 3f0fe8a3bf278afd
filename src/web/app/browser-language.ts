/**
 * The browser's side of the language choice: read the stored choice and the browser's languages, remember a
 * new choice, and set `<html lang>` so screen readers pronounce the page in the right language.
 */
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from '../lib/i18n/languages.ts';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, a strict policy): fall back to the browser's language.
    return null;
  }
}

export function initialLanguage(): Language {
  const browser = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return detectLanguage(readStored(), browser);
}

export function rememberLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered this time; the switch still works for this visit.
  }
}
