/** The CLI's language: `--lang` anywhere in the arguments, else HEALTHBSC_LANG, else LANG. */
import { describe, expect, it, test } from 'vitest';
import { UsageError } from './errors.ts';
import { defaultLang, readLang, takeLangOption } from './lang.ts';

describe('readLang', () => {
  test.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['fr', null],
    ['', null],
  ] as const)('reads %j as %j', (text, lang) => {
    expect(readLang(text)).toBe(lang);
  });
});

describe('defaultLang', () => {
  test.each([
    [{}, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [{ HEALTHBSC_LANG: 'zh', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ HEALTHBSC_LANG: 'en', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ HEALTHBSC_LANG: '', LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
  ] as const)('chooses the language of %j: %s', (env, lang) => {
    expect(defaultLang(env)).toBe(lang);
  });

  it('refuses an HEALTHBSC_LANG it cannot use, in the language asked for', () => {
    let error: unknown;
    try {
      defaultLang({ HEALTHBSC_LANG: 'klingon' });
    } catch (caught) {
      error = caught;
    }
    expect(error instanceof UsageError ? [error.message, error.wordedIn('zh-CN')] : error).toEqual([
      "HEALTHBSC_LANG must be en or zh-CN (got 'klingon')",
      'HEALTHBSC_LANG 须为 en 或 zh-CN（现为“klingon”）',
    ]);
  });
});

describe('takeLangOption', () => {
  test.each([
    [['ahp', 'm.json'], undefined, ['ahp', 'm.json']],
    [['ahp', 'm.json', '--lang', 'zh'], 'zh-CN', ['ahp', 'm.json']],
    [['--lang=zh-CN', 'evaluate', 'dir', '--json'], 'zh-CN', ['evaluate', 'dir', '--json']],
    [['--lang', 'zh', 'ahp', '--lang', 'en'], 'en', ['ahp']],
  ] as const)('takes the language out of %j', (argv, lang, rest) => {
    expect(takeLangOption(argv)).toEqual({ lang, rest });
  });

  test.each([
    [['ahp', '--lang'], '--lang needs a language: en or zh-CN'],
    [['ahp', '--lang', '--json'], '--lang needs a language: en or zh-CN'],
    [['ahp', '--lang=de'], "--lang must be en or zh-CN (got 'de')"],
  ])('refuses %j', (argv, message) => {
    expect(() => takeLangOption(argv)).toThrow(message);
  });
});
