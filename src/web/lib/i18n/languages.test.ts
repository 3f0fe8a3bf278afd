import { describe, expect, test } from 'vitest';
import { detectLanguage, localize } from './languages.ts';

describe('detectLanguage', () => {
  // Browser tags as navigator.languages reports them (BCP 47, RFC 5646).
  test.each([
    { stored: null, browser: ['zh-CN', 'en'], expected: 'zh-CN' },
    { stored: null, browser: ['zh'], expected: 'zh-CN' },
    { stored: null, browser: ['zh-Hans-CN'], expected: 'zh-CN' },
    { stored: null, browser: ['zh-TW'], expected: 'zh-CN' },
    { stored: null, browser: ['en-GB', 'zh-CN'], expected: 'en' },
    { stored: null, browser: ['de-DE'], expected: 'en' },
    { stored: null, browser: [], expected: 'en' },
    { stored: 'en', browser: ['zh-CN'], expected: 'en' },
    { stored: 'zh-CN', browser: ['en-US'], expected: 'zh-CN' },
    { stored: 'fr', browser: ['zh'], expected: 'zh-CN' },
  ])(
    'starts in $expected when the stored choice is $stored and the browser says $browser',
    ({ stored, browser, expected }) => {
      expect(detectLanguage(stored, browser)).toBe(expected);
    },
  );
});

describe('localize', () => {
  test.each([
    { text: { en: 'AZ Hospital', zh: 'AZ医院' }, language: 'zh-CN', expected: 'AZ医院' },
    { text: { en: 'AZ Hospital', zh: 'AZ医院' }, language: 'en', expected: 'AZ Hospital' },
    { text: { en: 'AZ Hospital' }, language: 'zh-CN', expected: 'AZ Hospital' },
    { text: { en: 'AZ Hospital', zh: '' }, language: 'zh-CN', expected: 'AZ Hospital' },
  ] as const)('shows "$expected" for $text.en in $language', ({ text, language, expected }) => {
    expect(localize(text, language)).toBe(expected);
  });
});
