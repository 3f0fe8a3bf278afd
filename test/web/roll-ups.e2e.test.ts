/**
 * Roll-ups that add up, end to end in en and zh-CN (docs/scorecard-format.md, "Data elements"): a group's A&E
 * ratio over the hospitals that report both parts, its coverage under the actual, in the Explain drawer and on
 * the indicator page naming the hospital left out; AZ Hospital's yearly figures of 2016 "reported yearly" in a month.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import { formatNumber, formatPercent } from '../../src/web/lib/format.ts';
import { type E2e, screenshot, startE2e } from './e2e-harness.ts';

let e2e: E2e;
const G = 'E2E-RU-G';
const [H1, H2, H3] = ['E2E-RU-H1', 'E2E-RU-H2', 'E2E-RU-H3'];
const SCORECARD = 'E2E-ROLLUPS';
const PAGE = `/scorecard?scorecard=${SCORECARD}&orgUnit=${G}&period=2023-04`;

beforeAll(async () => {
  e2e = await startE2e();
  const write = async (path: string, body: unknown) => {
    const { status, body: answer } = await e2e.request('POST', path, { body });
    if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(answer)}`);
  };
  await write('/api/org-units', { code: G, name: { en: 'Roll-up group', zh: '汇总集团' }, type: 'group' });
  for (const h of [H1, H2, H3]) {
    await write('/api/org-units', { code: h, name: { en: h, zh: h }, type: 'hospital', parent: G });
  }
  const element = (code: string, en: string, zh: string) => ({
    code,
    name: { en, zh },
    valueType: 'integer',
    aggregation: 'sum',
    timeAggregation: 'sum',
  });
  await write('/api/scorecards', {
    format: 'healthbsc/scorecard@2',
    code: SCORECARD,
    name: { en: 'Roll-ups', zh: '汇总' },
    dataElements: [
      element('e2e_within_4h', 'Seen within 4 hours', '4小时内就诊'),
      element('e2e_attendances', 'Attendances', '急诊就诊人次'),
    ],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process', zh: '内部流程' },
        indicators: [
          {
            id: 'AE4',
            name: { en: 'A&E within 4 hours', zh: '急诊4小时内完成率' },
            formula: { numerator: 'e2e_within_4h', denominator: 'e2e_attendances', factor: 100 },
          },
        ],
      },
    ],
    weights: { perspectives: { manual: { I: 1 } }, indicators: { I: { manual: { AE4: 1 } } } },
  });
  // H3 counts its 40 attendances but not the ones seen within four hours.
  await write('/api/data-values', {
    values: [
      { orgUnit: H1, dataElement: 'e2e_within_4h', period: '2023-04', value: 90 },
      { orgUnit: H1, dataElement: 'e2e_attendances', period: '2023-04', value: 100 },
      { orgUnit: H2, dataElement: 'e2e_within_4h', period: '2023-04', value: 45 },
      { orgUnit: H2, dataElement: 'e2e_attendances', period: '2023-04', value: 50 },
      { orgUnit: H3, dataElement: 'e2e_attendances', period: '2023-04', value: 40 },
    ],
  });
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function actualCell(page: Page, indicator: string) {
  const row = page.getByTestId('indicator-table-I').locator(`tr[data-row-key="${indicator}"]`);
  await row.waitFor({ timeout: 15_000 });
  return row.locator('td').nth(1);
}

describe('coverage of a rolled-up ratio', () => {
  it('is the ratio over the hospitals that report both parts, as the API sends it', async () => {
    const evaluation = await e2e.api<EvaluationJson>(
      `/api/evaluations?scorecard=${SCORECARD}&orgUnit=${G}&period=2023-04`,
    );
    const ae4 = evaluation.perspectives[0]?.indicators[0];
    expect([ae4?.actual, ae4?.unitCoverage]).toEqual([
      90,
      { source: 'children', included: [H1, H2], leftOut: [H3], denominatorShare: 150 / 190 },
    ]);
  });

  for (const [locale, language, words] of [
    ['en-US', 'en', 'Coverage 78.9% · 1 left out'],
    ['zh-CN', 'zh-CN', '覆盖 78.9% · 剔除 1 个单位'],
  ] as const) {
    it(`shows it under the actual, in Explain and on the indicator page, naming ${H3} (${language})`, async () => {
      const { page, errors } = await e2e.openPage(locale);
      await page.goto(e2e.url(PAGE));
      const cell = await actualCell(page, 'AE4');
      expect(await cell.textContent()).toContain(formatNumber(90, language, 2));
      const coverage = cell.getByTestId('coverage-AE4');
      expect(
        (await coverage.textContent())?.startsWith(
          words.replace('78.9%', formatPercent(150 / 190, language)),
        ),
      ).toBe(true);
      expect(await coverage.getAttribute('title')).toContain(H3);
      await page.getByTestId('explain-AE4').click();
      const explained = page.getByTestId('explain-coverage');
      await explained.waitFor({ timeout: 15_000 });
      const text = (await explained.textContent()) ?? '';
      expect([text.includes(H1), text.includes(H2), text.includes(H3)]).toEqual([true, true, true]);
      await screenshot(page, `roll-up-coverage-${language}.png`);
      await page.goto(e2e.url(`/indicators/AE4?scorecard=${SCORECARD}&orgUnit=${G}&period=2023-04`));
      const summary = page.getByTestId('indicator-coverage');
      await summary.waitFor({ timeout: 15_000 });
      expect(await summary.textContent()).toContain(H3);
      expect(errors).toEqual([]);
    });
  }
});

describe('values reported for a year', () => {
  for (const [locale, words] of [
    ['en-US', 'Reported yearly'],
    ['zh-CN', '按年报告'],
  ] as const) {
    it(`says AZ Hospital's 2016 figures are ${words} in March 2016`, async () => {
      const evaluation = await e2e.api<EvaluationJson>(
        '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016-03',
      );
      const f2 = evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === 'F2');
      expect([f2?.actual, f2?.reason]).toEqual([null, 'reported-yearly']);
      const { page, errors } = await e2e.openPage(locale);
      await page.goto(e2e.url('/scorecard?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016-03'));
      const note = page.getByTestId('reported-F2');
      await note.waitFor({ timeout: 15_000 });
      expect(await note.textContent()).toBe(words);
      expect(errors).toEqual([]);
    });
  }
});
