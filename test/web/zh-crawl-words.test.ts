/** The words the zh-CN crawl looks for (zh-crawl-words.ts), without a browser. */
import { describe, expect, it } from 'vitest';
import { appNeedles, englishNeedles, findOffences } from './zh-crawl-words.ts';

const needles = englishNeedles(
  {
    status: { met: 'Met', noData: 'No data' },
    hint: 'Choose a scorecard to begin',
    count: '{{n}} indicators have no value for the period',
    name: 'HealthBSC',
  },
  {
    status: { met: '达标', noData: '无数据' },
    hint: '请选择计分卡',
    count: '{{n}} 个指标本期无数值',
    name: 'HealthBSC',
  },
);

describe('findOffences', () => {
  it('finds an English catalog text shown whole', () => {
    expect(findOffences(['达标', 'No data'], needles, [])).toEqual([
      { kind: 'english', text: 'No data', what: 'status.noData' },
    ]);
  });

  it('finds a fragment of an English text with a placeholder inside a longer text', () => {
    expect(findOffences(['3 indicators have no value for the period'], needles, [])).toEqual([
      { kind: 'english', text: '3 indicators have no value for the period', what: 'count' },
    ]);
  });

  it('finds a raw code', () => {
    expect(findOffences(['门诊人次 — missing-actual'], needles, [])).toEqual([
      { kind: 'raw-code', text: '门诊人次 — missing-actual', what: 'missing-actual' },
    ]);
  });

  it('passes names the same in both languages, typed codes, e-mail addresses and numbers', () => {
    expect(
      findOffences(
        ['HealthBSC', 'UMG-B1-INTM', 'county_visit_rate', 'entry@demo.healthbsc', '1,234.5'],
        needles,
        [],
      ),
    ).toEqual([]);
  });

  it('finds known codes only: hyphenated English words and actor ids are not codes', () => {
    expect(
      findOffences(
        [
          'five-dimension BSC',
          '国家级 national-level',
          'demo-loader',
          '状态 off-track',
          'import-row.non-numeric',
        ],
        needles,
        [],
      ).map((o) => o.what),
    ).toEqual(['off-track', 'import-row.non-numeric']);
  });

  it('passes what the allowlist names', () => {
    expect(findOffences(['Met', 'x — off-track'], needles, ['Met', 'off-track'])).toEqual([]);
  });
});

it('takes its needles from the app catalog, problem codes included', () => {
  const { whole, inside } = appNeedles();
  expect([
    whole.get('There is no route GET /api/x.'),
    [...inside.values()].includes('problems.request.no-route'),
  ]).toEqual([undefined, true]);
});
