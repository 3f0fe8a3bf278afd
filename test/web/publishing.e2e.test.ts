/**
 * Published scores end to end, as the demo performance office (strategist@…) and a reader: the published badge
 * (who, when) on the overview of a period the demo published when it loaded (AZ Hospital's 2016, the group's
 * 2021–2023); a value changed through the API so that today's computation differs, the restatement dialog
 * (indicator, figure, published, now, why) read against GET /api/evaluations/restatement, and the switch between
 * the score as published and today's, read against GET /api/evaluations with and without `view=published`;
 * publishing again, which the dialog refuses without a reason and which keeps the earlier publication; the same
 * in Chinese with no English left; and a reader, who sees the badge but cannot publish.
 *
 * Each test works on its own unit and period (AZ 2016, UMG-B1 2023, UMG 2022, UMG 2021), so their order does not
 * matter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../scripts/ensure-web-build.ts';
import type { Page as ApiPage } from '../../src/core/contracts/common.ts';
import type { DataValue } from '../../src/core/contracts/data-values.ts';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type {
  Publication,
  PublicationCheck,
  RestatementJson,
} from '../../src/core/contracts/publications.ts';
import type { ReportedValue } from '../../src/core/contracts/reported-values.ts';
import { formatDateTime, formatNumber, formatPeriod, formatScore } from '../../src/web/lib/format.ts';
import type { Language } from '../../src/web/lib/i18n/languages.ts';
import { DEMO, type DemoUser, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';
import { englishWords } from './import-report-words.ts';

const AS = DEMO.strategist;

interface Key {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}

/** The restatement's changed value: AZ Hospital's reported F2 (seed 002, Table 4.9: 1.8) for 2016. */
const AZ: Key = { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' };
const AZ_INDICATOR = 'F2';
/** Republished as a branch's subtree under the group's publication of 2023. */
const BRANCH_2023: Key = { scorecard: 'UMG-BSC', orgUnit: 'UMG-B1', period: '2023' };
/** Changed and read in Chinese. */
const GROUP_2022: Key = { scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2022' };
const CHANGED_UNIT = 'UMG-B1-INTM';
const CHANGED_ELEMENT = 'outpatient_revenue';
const CHANGED_MONTH = '2022-03';
/** Only read. */
const GROUP_2021: Key = { scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2021' };

interface Words {
  readonly status: Record<string, string>;
  readonly publication: {
    readonly restatement: {
      readonly figures: Record<string, string>;
      readonly reasons: Record<string, string>;
    };
  };
}

/** The app's own words (src/web/locales), to read the page with. */
function words(language: Language): Words {
  const file = language === 'en' ? 'en.json' : 'zh-CN.json';
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src/web/locales', file), 'utf8')) as Words;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  met: 'met',
  watch: 'watch',
  'off-track': 'offTrack',
  'no-data': 'noData',
};

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

const query = (key: Key, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...key, ...extra }).toString();
const today = (key: Key, as: DemoUser = AS) => e2e.api<EvaluationJson>(`/api/evaluations?${query(key)}`, as);
const published = (key: Key) =>
  e2e.api<EvaluationJson>(`/api/evaluations?${query(key, { view: 'published' })}`, AS);
const restatement = (key: Key) => e2e.api<RestatementJson>(`/api/evaluations/restatement?${query(key)}`, AS);
const publications = (key: Key) =>
  e2e.api<ApiPage<Publication>>(`/api/publications?${query(key)}`, AS).then((page) => page.items);

async function openOverview(locale: string, key: Key, as: DemoUser = AS) {
  const opened = await e2e.openPage(locale, { as });
  await opened.page.goto(e2e.url(`/overview?${query(key)}`));
  await opened.page.getByTestId('published-badge').waitFor({ timeout: 20_000 });
  await opened.page.getByTestId('total-score').waitFor({ timeout: 20_000 });
  return opened;
}

/** The badge as the page words it: who published the unit's score for the period, and when. */
function badgeText(evaluation: EvaluationJson, language: Language): string {
  const publication = evaluation.publication;
  if (publication == null) throw new Error(`${evaluation.orgUnit} ${evaluation.period} is not published`);
  const at = formatDateTime(publication.at, language);
  return language === 'en' ? `Published ${at} by ${publication.by}` : `已于 ${at} 由 ${publication.by} 发布`;
}

/** The restatement as the dialog should show it: one row per differing figure. */
function expectedRows(body: RestatementJson, language: Language): string[][] {
  const w = words(language);
  const figure = (row: RestatementJson['differences'][number], value: number | string | null) => {
    if (value === null) return '—';
    if (typeof value === 'string') return w.status[STATUS_WORDS[value] ?? value] ?? value;
    return formatNumber(value, language, row.figure === 'quantified' || row.figure === 'weight' ? 4 : 2);
  };
  return body.differences.map((row) => [
    `${row.indicator} · ${language === 'en' ? row.name.en : row.name.zh}`,
    w.publication.restatement.figures[row.figure] ?? row.figure,
    figure(row, row.published),
    figure(row, row.now),
    row.why.map((reason) => w.publication.restatement.reasons[reason] ?? reason).join(''),
  ]);
}

async function restatementRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('restatement-table').locator('tbody tr.ant-table-row');
  const out: string[][] = [];
  for (const row of await rows.all()) {
    out.push((await row.locator('td').allTextContents()).map((cell) => cell.trim()));
  }
  return out;
}

/** Adds to AZ Hospital's reported F2 for 2016, so that today's computation differs from the publication. */
async function changeAzReportedValue(): Promise<void> {
  const listed = await e2e.api<ApiPage<ReportedValue>>(
    `/api/reported-values?scorecard=${AZ.scorecard}&orgUnit=${AZ.orgUnit}&indicator=${AZ_INDICATOR}&from=${AZ.period}&to=${AZ.period}`,
  );
  const current = listed.items.find((item) => item.period === AZ.period);
  expect(current?.value, 'AZ Hospital reports F2 for 2016').toBe(1.8);
  const { status, body } = await e2e.request('POST', '/api/reported-values', {
    body: {
      values: [
        {
          scorecard: AZ.scorecard,
          orgUnit: AZ.orgUnit,
          indicator: AZ_INDICATOR,
          period: AZ.period,
          value: 2.6,
        },
      ],
    },
  });
  expect(status, JSON.stringify(body)).toBe(200);
}

/** Doubles a department's outpatient revenue of March 2022, so the group's 2022 differs from its publication. */
async function changeGroupDataValue(): Promise<void> {
  const listed = await e2e.api<ApiPage<DataValue>>(
    `/api/data-values?orgUnit=${CHANGED_UNIT}&dataElement=${CHANGED_ELEMENT}&from=${CHANGED_MONTH}&to=${CHANGED_MONTH}`,
  );
  const current = listed.items.find((item) => item.period === CHANGED_MONTH);
  expect(current?.value, `${CHANGED_UNIT} reports ${CHANGED_ELEMENT} for ${CHANGED_MONTH}`).toBeGreaterThan(
    0,
  );
  const { status, body } = await e2e.request('POST', '/api/data-values', {
    body: {
      values: [
        {
          orgUnit: CHANGED_UNIT,
          dataElement: CHANGED_ELEMENT,
          period: CHANGED_MONTH,
          value: (current?.value ?? 0) * 2,
        },
      ],
    },
  });
  expect(status, JSON.stringify(body)).toBe(200);
}

describe('publishing', () => {
  it('shows who published a demo period and when, and that today computes the same', async () => {
    const evaluation = await today(GROUP_2021);
    expect(evaluation.publication?.differs).toBe(false);
    const { page, errors } = await openOverview('en-US', GROUP_2021);
    const badge = page.getByTestId('published-badge');
    expect(await badge.getAttribute('data-published')).toBe('true');
    expect(await badge.getAttribute('data-publication')).toBe(String(evaluation.publication?.id));
    expect(await textOf(page, 'published-badge')).toBe(badgeText(evaluation, 'en'));
    expect(await textOf(page, 'publication-same')).toBe("Today's computation is the same as published.");
    expect(await page.getByTestId('publication-differs').count()).toBe(0);
    expect(await page.getByTestId('publish-open').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('after a value changes, says today differs and lists the restated figures as the API does', async () => {
    await changeAzReportedValue();
    const body = await restatement(AZ);
    expect(body.differences.map((row) => row.indicator)).toContain(AZ_INDICATOR);
    expect(body.total.now).not.toBe(body.total.published);
    const { page, errors } = await openOverview('en-US', AZ);
    expect(await textOf(page, 'publication-differs')).toBe("Today's computation differs");
    await page.getByTestId('restatement-open').click();
    await page.getByTestId('restatement-table').waitFor({ timeout: 20_000 });
    expect(await textOf(page, 'restatement-intro')).toBe(
      `Publication ${body.publication.id} of ${formatDateTime(body.publication.publishedAt, 'en')} by ` +
        `${body.publication.publishedBy}. Total: ${formatScore(body.total.published, 'en')} as published, ` +
        `${formatScore(body.total.now, 'en')} today.`,
    );
    expect(await restatementRows(page)).toEqual(expectedRows(body, 'en'));
    const f2 = body.differences.find((row) => row.indicator === AZ_INDICATOR && row.figure === 'actual');
    expect(f2).toMatchObject({ published: 1.8, now: 2.6, why: ['reported'] });
    await screenshot(page, 'publishing-restatement-en.png');
    expect(errors).toEqual([]);
  }, 120_000);

  it('switches between the score as published and today’s, each as the API computes it', async () => {
    const before = await today(AZ);
    if (before.publication?.differs !== true) await changeAzReportedValue();
    const [now, frozen] = [await today(AZ), await published(AZ)];
    expect(frozen.total).not.toBe(now.total);
    const { page, errors } = await openOverview('en-US', AZ);
    const total = () => page.getByTestId('total-score').textContent();
    await expect.poll(total).toBe(formatScore(now.total, 'en'));
    await page.getByTestId('view-switch').getByText('As published', { exact: true }).click();
    await expect.poll(total, { timeout: 15_000 }).toBe(formatScore(frozen.total, 'en'));
    expect(new URL(page.url()).searchParams.get('view')).toBe('published');
    await page.getByTestId('view-switch').getByText('Today', { exact: true }).click();
    await expect.poll(total, { timeout: 15_000 }).toBe(formatScore(now.total, 'en'));
    expect(errors).toEqual([]);
  }, 120_000);

  it('publishes again only with a reason, and keeps the earlier publication', async () => {
    const [earlier, ...older] = await publications(BRANCH_2023);
    expect(earlier).toMatchObject({ scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2023' });
    expect(older).toEqual([]);
    const { page, errors } = await openOverview('en-US', BRANCH_2023);
    await page.getByTestId('publish-open').click();
    await page.getByTestId('publish-dialog').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('publish-previous').getAttribute('data-publication')).toBe(
      String(earlier?.id),
    );
    // The reason is asked first: the cursor is already in it.
    await expect
      .poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"))
      .toBe('publish-reason');
    await page.getByTestId('publish-acknowledge').check();
    await page.getByTestId('publish-submit').click();
    expect(await textOf(page, 'publish-reason-missing')).toBe(
      'Say why this score is published again: the reason is kept with the publication.',
    );
    expect(await page.getByTestId('publish-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await publications(BRANCH_2023)).toEqual([earlier]);

    // Typed and sent from the keyboard. The request is held back until the dialog has shown its progress.
    const check = await e2e.api<PublicationCheck>(`/api/publications/check?${query(BRANCH_2023)}`, AS);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/publications', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await page.getByTestId('publish-reason').fill('Dongcheng branch corrected its 2023 figures');
    await page.getByTestId('publish-reason').press('Control+Enter');
    expect(await textOf(page, 'publish-progress')).toBe(`Publishing… Units being frozen: ${check.units}.`);
    expect(await page.getByTestId('publish-cancel').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('publish-dialog').isVisible()).toBe(true);
    release();
    const done = page.getByTestId('publish-done');
    await done.waitFor({ timeout: 60_000 });
    const id = Number(await done.getAttribute('data-publication'));
    const after = await publications(BRANCH_2023);
    expect(after.map((publication) => publication.id)).toEqual([id, earlier?.id]);
    expect(after[0]).toMatchObject({
      orgUnit: 'UMG-B1',
      period: '2023',
      publishedBy: AS.email,
      reason: 'Dongcheng branch corrected its 2023 figures',
      replaces: earlier?.id,
      unapprovedPeriods: ['2023'],
    });
    expect(after[1]).toEqual(earlier);
    expect(await done.locator('.ant-alert-title').textContent()).toBe(`Published as publication ${id}.`);
    expect(await done.locator('.ant-alert-description').textContent()).toBe(
      `Units frozen: ${after[0]?.units}. Any earlier publication of these scores is kept.`,
    );
    await page.getByTestId('publish-cancel').click();
    await expect
      .poll(() => page.getByTestId('published-badge').getAttribute('data-publication'), { timeout: 15_000 })
      .toBe(String(id));
    expect(await textOf(page, 'published-badge')).toBe(badgeText(await today(BRANCH_2023), 'en'));
    expect(errors).toEqual([]);
  }, 180_000);

  it('words the badge, the restatement and the publish dialog in Chinese, with no English', async () => {
    const evaluation = await today(GROUP_2022);
    if (evaluation.publication?.differs !== true) await changeGroupDataValue();
    const body = await restatement(GROUP_2022);
    expect(body.differences.length).toBeGreaterThan(0);
    const { page, errors } = await openOverview('zh-CN', GROUP_2022);
    expect(await textOf(page, 'published-badge')).toBe(badgeText(await today(GROUP_2022), 'zh-CN'));
    expect(await textOf(page, 'publication-differs')).toBe('当前计算结果与发布时不同');
    // What the page shows as it is in any language: codes, the publisher's id, indicator ids.
    const data = [
      GROUP_2022.scorecard,
      GROUP_2022.orgUnit,
      body.publication.publishedBy,
      ...body.differences.map((row) => row.indicator),
    ];
    expect(englishWords(await page.getByTestId('publication-bar').innerText(), data)).toEqual([]);

    await page.getByTestId('restatement-open').click();
    await page.getByTestId('restatement-table').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('restatement-table').locator('thead th').allTextContents()).toEqual([
      '指标',
      '数值',
      '发布时',
      '当前',
      '原因',
    ]);
    expect(await restatementRows(page)).toEqual(expectedRows(body, 'zh-CN'));
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('restatement') });
    expect(englishWords(await dialog.innerText(), data)).toEqual([]);
    await screenshot(page, 'publishing-restatement-zh-CN.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('restatement').waitFor({ state: 'detached', timeout: 15_000 });

    await page.getByTestId('publish-open').click();
    await page.getByTestId('publish-dialog').waitFor({ timeout: 20_000 });
    await page.getByTestId('publish-submit').click();
    expect(await textOf(page, 'publish-reason-missing')).toBe('请说明重新发布的原因：原因将随发布一并保存。');
    expect(await textOf(page, 'publish-acknowledge-missing')).toBe(
      `请勾选以在 ${formatPeriod(GROUP_2022.period, 'zh-CN')} 的数据未审批的情况下发布，或先审批数据。`,
    );
    const publish = page.locator('.ant-modal').filter({ has: page.getByTestId('publish-dialog') });
    expect(englishWords(await publish.innerText(), data)).toEqual([]);
    await screenshot(page, 'publishing-dialog-zh-CN.png');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows a reader the badge but no way to publish', async () => {
    const evaluation = await today(GROUP_2021, DEMO.viewer);
    const { page, errors } = await openOverview('en-US', GROUP_2021, DEMO.viewer);
    expect(await textOf(page, 'published-badge')).toBe(badgeText(evaluation, 'en'));
    await page.getByTestId('view-switch').waitFor();
    expect(await page.getByTestId('publish-open').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('reports from the web (issue 15)', { timeout: 120_000 }, () => {
  it('the Report button downloads AZ Hospital’s 2016 report as a PDF with progress, and subscribes an address to it monthly (zh-CN)', async () => {
    const { page, errors } = await e2e.openPage('zh-CN', { viewport: { width: 1366, height: 768 } });
    await page.goto(e2e.url('/scorecard?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016'));
    await page.getByTestId('report-button').click();
    await page.getByTestId('report-options').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('report-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('evaluation-AZ-HOSPITAL-AZ-2016-zh-CN.pdf');
    await page.getByTestId('report-button').click();
    await page.getByTestId('report-subscribe-recipient').fill('director@az.example');
    await page.getByTestId('report-subscribe').click();
    await expect
      .poll(() => page.getByTestId('report-subscriber').allTextContents(), { timeout: 20_000 })
      .toEqual(['director@az.example · PDF · zh-CN']);
    const stored = await e2e.api<{ items: { recipient: string; format: string; language: string }[] }>(
      '/api/report-subscriptions?scorecard=AZ-HOSPITAL&orgUnit=AZ',
    );
    expect(stored.items.map((s) => [s.recipient, s.format, s.language])).toEqual([
      ['director@az.example', 'pdf', 'zh-CN'],
    ]);
    expect(errors).toEqual([]);
  });
});
