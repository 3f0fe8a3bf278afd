import { describe, expect, it } from 'vitest';
import {
  formatMessage,
  isProblemCode,
  PROBLEM_MESSAGES,
  placeholdersOf,
  problemCatalog,
  problemCodes,
  wordProblem,
} from './index.ts';

describe('problem codes', () => {
  const codes = problemCodes();

  it('are worded in English and in Chinese, with the same placeholders', () => {
    const faults = codes.flatMap((code) => {
      const wording = PROBLEM_MESSAGES[code];
      const en = placeholdersOf(wording.en).sort();
      const zh = placeholdersOf(wording['zh-CN']).sort();
      const out: string[] = [];
      if (wording.en.trim() === '') out.push(`${code}: no English`);
      if (wording['zh-CN'].trim() === '') out.push(`${code}: no Chinese`);
      if (en.join() !== zh.join()) out.push(`${code}: {{${en}}} in en but {{${zh}}} in zh-CN`);
      return out;
    });
    expect(faults).toEqual([]);
  });

  it('are worded in Chinese in zh-CN, not left in English (a wording that is only placeholders aside)', () => {
    const untranslated = codes.filter((code) => {
      const zh = PROBLEM_MESSAGES[code]['zh-CN'];
      const words = zh.replace(/\{\{[^}]*\}\}/g, '').trim();
      return words !== '' && !/\p{Script=Han}/u.test(words);
    });
    expect(untranslated).toEqual([]);
  });

  it('are written <domain>.<kebab-case>', () => {
    expect(codes.filter((code) => !/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/.test(code))).toEqual(
      [],
    );
  });

  it('word a code in either language with its parameters', () => {
    const params = { method: 'GET', path: '/api/x' };
    expect([
      wordProblem('request.no-route', params),
      wordProblem('request.no-route', params, 'zh-CN'),
    ]).toEqual(['There is no route GET /api/x.', '没有路由 GET /api/x。']);
  });

  it('return a code the build does not know as it is', () => {
    expect([isProblemCode('nobody.knows'), wordProblem('nobody.knows')]).toEqual([false, 'nobody.knows']);
  });

  it('nest the catalog by domain for i18next', () => {
    expect(problemCatalog('zh-CN').request?.['no-route']).toBe('没有路由 {{method}} {{path}}。');
  });
});

describe('formatMessage', () => {
  it('fills placeholders, ignores a format after a comma and leaves a missing one visible', () => {
    expect(formatMessage('{{a}} of {{ b, number }} ({{c}})', { a: 3, b: 1.5 })).toBe('3 of 1.5 ({{c}})');
  });
});
