/**
 * Problems worded by the web app's own i18n (lib/i18n/i18n.ts), whose `problems` namespace is core's catalog
 * (core/errors/messages): the server's codes as the user reads them in each language.
 */
import { describe, expect, it, test } from 'vitest';
import { ApiError, networkProblem } from '../lib/api/api-error.ts';
import { createI18n } from '../lib/i18n/i18n.ts';
import { issueText, noteText, problemDetail, problemText, wordCode } from './problem-words.ts';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('wordCode', () => {
  test.each([
    { language: 'zh-CN', t: zh, expected: '没有路由 GET /api/x。' },
    { language: 'en', t: en, expected: 'There is no route GET /api/x.' },
  ])('words request.no-route with its parameters in $language', ({ t, expected }) => {
    expect(wordCode(t, 'request.no-route', { method: 'GET', path: '/api/x' })).toBe(expected);
  });

  test.each([
    { what: 'a code the catalog lacks (a newer server)', code: 'reports.not-ready' },
    { what: 'an empty code (a server older than codes)', code: '' },
    { what: 'a bare domain, which is a group of codes', code: 'request' },
    { what: 'the client’s own network code', code: 'client.network' },
  ])('falls back to the server’s words for $what', ({ code }) => {
    expect(wordCode(zh, code, {}, 'the server said so')).toBe('the server said so');
  });

  it('takes a parameter named like an option of i18next as a plain value', () => {
    expect(wordCode(zh, 'request.rejected', { status: 502, count: 3, lng: 'en' })).toBe(
      '请求被拒绝（502）。',
    );
  });
});

describe('problemText, issueText and noteText', () => {
  it('words a problem by its code, not by its English detail', () => {
    const problem = {
      code: 'access.forbidden',
      params: {},
      detail: 'You do not have access to this resource.',
    };
    expect(problemText(zh, problem)).toBe('您无权访问此资源。');
  });

  it('words an issue by its code and parameters', () => {
    const issue = { path: ['password'], code: 'request.rejected', params: { status: 400 }, message: 'x' };
    expect(issueText(zh, issue)).toBe('请求被拒绝（400）。');
  });

  it('words a note by its code, and shows its message for a code the catalog lacks', () => {
    const note = {
      code: 'encoding.read-as-gb18030',
      params: { line: 2, byte: 11, invalid: 0, sequences: 12, invalidShare: '0%', commonShare: '100%' },
      message: 'not valid UTF-8 (line 2, byte 11); …: read as GB18030',
    };
    const newer = { code: 'encoding.read-as-big5', params: {}, message: 'read as Big5' };
    expect([noteText(zh, note), noteText(zh, newer)]).toEqual([
      '不是有效的 UTF-8（第 2 行第 11 字节）；12 个高位字节序列中有 0 个不是有效的 GB18030（0%），100% 的多字节序列位于 GB 2312 区：按 GB18030 读取',
      'read as Big5',
    ]);
  });
});

describe('problemDetail', () => {
  it('words a failed request’s problem, and shows the browser’s own words for a network failure', () => {
    const refused = new ApiError({
      type: 'forbidden',
      title: 'Forbidden',
      status: 403,
      code: 'access.forbidden',
      params: {},
      detail: 'You do not have access to this resource.',
      issues: [],
    });
    const offline = new ApiError(networkProblem(new TypeError('Failed to fetch')));
    expect([problemDetail(zh, refused), problemDetail(zh, offline)]).toEqual([
      '您无权访问此资源。',
      'Failed to fetch',
    ]);
  });

  it('shows the message of an error that is not an API error', () => {
    expect(problemDetail(en, new Error('boom'))).toBe('boom');
  });
});
