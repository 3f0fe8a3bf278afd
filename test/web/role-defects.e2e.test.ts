/**
 * Issue 17 §1, the defects found trying the app as each demo role, each in the situation that showed it, now
 * right, at 1366×768 in zh-CN and en: where the entry and approver users land (a scorecard of their own units,
 * remembered on the server), the unit picker keeping to their scope, the scorecard and import-history tables at
 * 1366 px, what the overview and the scorecard say is missing, "needing attention", month approvals, the total at
 * the top of the scorecard and a month's entry deadline on data entry.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import dataEntryEn from '../../src/web/features/data-entry/locales/en.json' with { type: 'json' };
import dataEntryZh from '../../src/web/features/data-entry/locales/zh-CN.json' with { type: 'json' };
import overviewEn from '../../src/web/features/overview/locales/en.json' with { type: 'json' };
import overviewZh from '../../src/web/features/overview/locales/zh-CN.json' with { type: 'json' };
import { formatPeriod, formatScore } from '../../src/web/lib/format.ts';
import { missingKind } from '../../src/web/lib/missing-data.ts';
import en from '../../src/web/locales/en.json' with { type: 'json' };
import zh from '../../src/web/locales/zh-CN.json' with { type: 'json' };
import { DEMO, type E2e, screenshot, startE2e } from './e2e-harness.ts';

const VIEWPORT = { width: 1366, height: 768 };
const LANGUAGES = [
  { locale: 'zh-CN', language: 'zh-CN', words: zh, overview: overviewZh, dataEntry: dataEntryZh },
  { locale: 'en-US', language: 'en', words: en, overview: overviewEn, dataEntry: dataEntryEn },
] as const;

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

/** The open dropdown (Select, TreeSelect) Ant Design renders at the end of the body. */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

function selectionOf(page: Page): {
  scorecard: string | null;
  orgUnit: string | null;
  period: string | null;
} {
  const params = new URL(page.url()).searchParams;
  return { scorecard: params.get('scorecard'), orgUnit: params.get('orgUnit'), period: params.get('period') };
}

/** Waits until the header has filled the selection into the address. */
async function settledSelection(page: Page) {
  await page.waitForURL(/orgUnit=/, { timeout: 30_000 });
  return selectionOf(page);
}

/** Whether the element lies wholly inside the 1366-px-wide viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= VIEWPORT.width + 0.5 && box.width > 0;
}

/** Replaces `{{name}}` in a catalog string. */
function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** The literal parts of a catalog string around its `{{placeholders}}`. */
function fragments(template: string): string[] {
  return template
    .split(/\{\{\w+\}\}/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

// Landing first for both languages: later cases change the users' last views.
describe.each(LANGUAGES)('landing in $locale', ({ locale, language }) => {
  it('lands the entry user on the department scorecard of their own department, not on AZ Hospital', async () => {
    const { page, errors } = await e2e.openPage(locale, { as: DEMO.entry, viewport: VIEWPORT });
    await page.goto(e2e.url('/scorecard'));
    const selection = await settledSelection(page);
    expect({ scorecard: selection.scorecard, orgUnit: selection.orgUnit }).toEqual({
      scorecard: 'UMG-DEPT-BSC',
      orgUnit: 'UMG-B1-INTM',
    });
    await page.getByTestId('scorecard-total').waitFor({ timeout: 30_000 });
    await screenshot(page, `role-defects-entry-landing-${language}.png`);
    expect(errors).toEqual([]);
  }, 150_000);

  it('lands the approver on the group scorecard of their branch, and restores the unit they chose next time', async () => {
    const first = await e2e.openPage(locale, { as: DEMO.approver, viewport: VIEWPORT });
    await first.page.goto(e2e.url('/scorecard'));
    const landed = await settledSelection(first.page);
    expect({ scorecard: landed.scorecard, orgUnit: landed.orgUnit }).toEqual({
      scorecard: 'UMG-BSC',
      orgUnit: 'UMG-B1',
    });
    // The approver moves to the department scorecard of one of the branch's departments…
    await first.page.goto(
      e2e.url(`/scorecard?scorecard=UMG-DEPT-BSC&orgUnit=UMG-B1-INTM&period=${landed.period ?? '2024'}`),
    );
    await expect
      .poll(
        async () => (await e2e.api<{ orgUnit: string | null }>('/api/me/last-view', DEMO.approver)).orgUnit,
        {
          timeout: 15_000,
        },
      )
      .toBe('UMG-B1-INTM');
    // …and a new browser (another machine) opens there.
    const second = await e2e.openPage(locale, { as: DEMO.approver, viewport: VIEWPORT });
    await second.page.goto(e2e.url('/overview'));
    const restored = await settledSelection(second.page);
    expect({ scorecard: restored.scorecard, orgUnit: restored.orgUnit }).toEqual({
      scorecard: 'UMG-DEPT-BSC',
      orgUnit: 'UMG-B1-INTM',
    });
    // Put back for the other language's run.
    await e2e.request('PUT', '/api/me/last-view', {
      as: DEMO.approver,
      body: { scorecard: 'UMG-BSC', orgUnit: 'UMG-B1' },
    });
    // The first page is sent elsewhere while it still loads its chunks: those aborted loads are not errors.
    expect(
      [...first.errors, ...second.errors].filter((error) => !error.endsWith('net::ERR_ABORTED')),
    ).toEqual([]);
  }, 150_000);
});

describe.each(LANGUAGES)('in $locale', ({ locale, language, words, overview, dataEntry }) => {
  it('keeps the entry user on their own unit when they choose the group scorecard, offering only units in scope', async () => {
    const { page, errors } = await e2e.openPage(locale, { as: DEMO.entry, viewport: VIEWPORT });
    await page.goto(e2e.url('/scorecard'));
    await settledSelection(page);
    await page.getByTestId('picker-org-unit').click();
    const dropdown = openDropdown(page);
    await dropdown.locator('.ant-select-tree-title').first().waitFor({ timeout: 15_000 });
    const titles = await dropdown.locator('.ant-select-tree-title').count();
    await page.keyboard.press('Escape');
    const scorecards = await e2e.api<{ items: { code: string; name: { en: string; zh?: string } }[] }>(
      '/api/scorecards',
      DEMO.entry,
    );
    const name = scorecards.items.find((card) => card.code === 'UMG-BSC')?.name;
    const label = language === 'en' ? (name?.en ?? '') : (name?.zh ?? name?.en ?? '');
    await page.getByTestId('picker-scorecard').click();
    await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: label }).first().click();
    await page.waitForURL(/scorecard=UMG-BSC/, { timeout: 15_000 });
    expect(titles).toBe(1);
    expect(selectionOf(page).orgUnit).toBe('UMG-B1-INTM');
    await page.getByTestId('scorecard-total').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // No panel refused: no error state, no error alert.
    expect(await page.locator('main [data-testid="error-state"], main .ant-alert-error').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 150_000);

  it('shows the scorecard’s total and rating at the top, and its change columns and separate actual and target at 1366 px', async () => {
    const { page, errors } = await e2e.openPage(locale, { viewport: VIEWPORT });
    const evaluation = await e2e.api<EvaluationJson>(
      '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    await page.goto(e2e.url('/scorecard?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016'));
    await page.getByTestId('scorecard-total-value').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('scorecard-total-value').textContent()).toBe(
      formatScore(evaluation.total, language),
    );
    const rating = evaluation.ratingLabel;
    expect(await page.getByTestId('scorecard-total').getByTestId('rating').textContent()).toBe(
      language === 'en' ? rating?.en : (rating?.zh ?? rating?.en),
    );
    const table = '[data-testid^="indicator-table-"]';
    await page.locator(table).first().waitFor({ timeout: 15_000 });
    const headers = page.locator(table).first().locator('thead th');
    const count = await headers.count();
    const boxes = [];
    for (let i = 0; i < count; i += 1) boxes.push(await headers.nth(i).boundingBox());
    // Every column, the two change columns and Explain included, inside the viewport; none over another.
    for (const box of boxes) {
      expect(box).not.toBeNull();
      if (box === null) continue;
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width + 0.5);
    }
    const row = page.locator(table).first().locator('tbody tr.ant-table-row').first();
    const actual = row.locator('td').nth(1);
    const target = row.locator('td').nth(2);
    const [actualBox, targetBox] = [await actual.boundingBox(), await target.boundingBox()];
    const [actualInner, targetInner] = [
      await actual.locator('span').first().boundingBox(),
      await target.locator('span').first().boundingBox(),
    ];
    expect(actualBox !== null && targetBox !== null && actualInner !== null && targetInner !== null).toBe(
      true,
    );
    if (actualBox && targetBox && actualInner && targetInner) {
      // Each figure inside its own cell: they cannot run together.
      expect(actualInner.x + actualInner.width).toBeLessThanOrEqual(actualBox.x + actualBox.width);
      expect(targetInner.x).toBeGreaterThanOrEqual(targetBox.x);
    }
    const first = evaluation.perspectives[0]?.indicators[0];
    const texts = await row.locator('td').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(texts[2]).not.toContain(texts[1]?.trim() ?? 'x');
    expect(first).toBeDefined();
    await screenshot(page, `role-defects-scorecard-1366-${language}.png`);
    expect(errors).toEqual([]);
  }, 150_000);

  it('fits the import history at 1366 px: status and Undo on screen', async () => {
    if (language === 'zh-CN') {
      // One committed import for the history to show.
      const elements = await e2e.api<{ items: { code: string; periodType: string }[] }>(
        '/api/data-elements?limit=200',
      );
      const element = elements.items.find((candidate) => candidate.periodType === 'month');
      const { session, csrf } = await e2e.signIn(DEMO.admin);
      const response = await fetch(e2e.url('/api/imports?kind=data&dryRun=false'), {
        method: 'POST',
        headers: {
          cookie: `healthbsc_session=${session}; healthbsc_csrf=${csrf}`,
          'x-csrf-token': csrf,
          'content-type': 'text/csv',
        },
        body: `org_unit,period,data_element,value\nUMG-B2,2019-01,${element?.code ?? ''},1234\n`,
      });
      expect(response.status).toBe(200);
    }
    const { page, errors } = await e2e.openPage(locale, { viewport: VIEWPORT });
    await page.goto(e2e.url('/imports'));
    await page.getByTestId('imports-tab-history').click();
    await page.getByTestId('import-history-row').first().waitFor({ timeout: 15_000 });
    expect(await inViewport(page, '[data-testid="import-history-status"]')).toBe(true);
    expect(await inViewport(page, '[data-testid="import-undo"]')).toBe(true);
    const tableBox = await page.getByTestId('import-history').boundingBox();
    expect((tableBox?.x ?? 0) + (tableBox?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
      VIEWPORT.width,
    );
    await screenshot(page, `role-defects-import-history-${language}.png`);
    expect(errors).toEqual([]);
  }, 150_000);

  it('says what a unit lacks for a month on the overview, and never "No data" beside an actual on the scorecard', async () => {
    const query = 'scorecard=UMG-BSC&orgUnit=UMG-B1&period=2024-03';
    const evaluation = await e2e.api<EvaluationJson>(`/api/evaluations?${query}`);
    const { page, errors } = await e2e.openPage(locale, { viewport: VIEWPORT });
    await page.goto(e2e.url(`/overview?${query}`));
    const empty = page.getByTestId('empty-text');
    // Whichever shows first; Promise.any also absorbs the other's timeout (no unhandled rejection later).
    await Promise.any([
      empty.waitFor({ timeout: 30_000 }),
      page.getByTestId('best-indicators').waitFor({ timeout: 30_000 }),
    ]);
    if (evaluation.total === null && !evaluation.insufficientData) {
      const text = (await empty.textContent()) ?? '';
      // Not the old "There is no data for … in …", but what is missing.
      expect(fragments(overview.overview.noData).every((part) => text.includes(part))).toBe(false);
      for (const part of fragments(words.missingData.overview[missingKind(evaluation)])) {
        expect(text).toContain(part);
      }
    }
    // On the scorecard, no indicator with an actual value says "No data".
    await page.goto(e2e.url(`/scorecard?${query}`));
    await page.getByTestId('scorecard-total').waitFor({ timeout: 30_000 });
    const withActual = evaluation.perspectives
      .flatMap((p) => p.indicators)
      .filter((indicator) => indicator.actual !== null && indicator.status === 'no-data');
    for (const indicator of withActual) {
      const status = await page
        .locator(`tr[data-row-key="${indicator.id}"] [data-status="no-data"]`)
        .first()
        .textContent();
      expect(status).not.toBe(words.status.noData);
    }
    await screenshot(page, `role-defects-missing-${language}.png`);
    // Leaving the overview for the scorecard aborts the overview's requests still under way: not a fault.
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 150_000);

  it('lists only off-track and watch indicators as needing attention, and never "no indicators with data" beside a best one', async () => {
    const { page, errors } = await e2e.openPage(locale, { viewport: VIEWPORT });
    await page.goto(e2e.url('/overview?scorecard=UMG-BSC&orgUnit=UMG&period=2024'));
    await page.getByTestId('best-indicators').waitFor({ timeout: 30_000 });
    const statuses = await page
      .locator('[data-testid="worst-indicators"] [data-status]')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
    for (const status of statuses) expect(['off-track', 'watch']).toContain(status);
    const empty = await page.getByTestId('worst-indicators-empty').count();
    if (statuses.length === 0) expect(empty).toBe(1);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toContain(overview.overview.noIndicators);
    expect(errors).toEqual([]);
  }, 150_000);

  it('shows the month’s entry deadline on data entry, and lets the entry user submit a month the approver approves', async () => {
    const month = language === 'en' ? '2024-05' : '2024-04';
    await e2e.request('PUT', '/api/scorecards/UMG-DEPT-BSC/deadlines/month', { body: { dueDay: 10 } });
    const query = `scorecard=UMG-DEPT-BSC&orgUnit=UMG-B1-INTM&period=${month}`;
    const entry = await e2e.openPage(locale, { as: DEMO.entry, viewport: VIEWPORT });
    await entry.page.goto(e2e.url(`/data-entry?${query}`));
    const deadline = entry.page.getByTestId('entry-deadline');
    await deadline.waitFor({ timeout: 30_000 });
    const due = new Date(Date.UTC(2024, month === '2024-05' ? 5 : 4, 10, 23, 59, 59, 999));
    const dueText = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(due);
    expect(await deadline.textContent()).toBe(
      fill(dataEntry.dataEntry.deadline.past, { period: formatPeriod(month, language), date: dueText }),
    );
    const bar = entry.page.getByTestId('approval-bar');
    await bar.waitFor({ timeout: 15_000 });
    expect(await bar.textContent()).toContain(
      fill(dataEntry.dataEntry.approval.label, { period: formatPeriod(month, language) }),
    );
    await entry.page.getByTestId('approval-submit').click();
    await expect
      .poll(async () => entry.page.getByTestId('approval-status').getAttribute('data-status'), {
        timeout: 15_000,
      })
      .toBe('submitted');

    const approver = await e2e.openPage(locale, { as: DEMO.approver, viewport: VIEWPORT });
    await approver.page.goto(e2e.url(`/data-entry?${query}`));
    await approver.page.getByTestId('approval-approve').click();
    const acknowledge = approver.page.getByTestId('acknowledge-approve');
    await Promise.race([
      acknowledge.waitFor({ timeout: 10_000 }).then(() => acknowledge.click()),
      approver.page
        .locator('[data-testid="approval-status"][data-status="approved"]')
        .waitFor({ timeout: 10_000 }),
    ]).catch(() => undefined);
    await approver.page
      .locator('[data-testid="approval-status"][data-status="approved"]')
      .waitFor({ timeout: 15_000 });
    const approvals = await e2e.api<{ items: { period: string; status: string }[] }>(
      `/api/approvals?scorecard=UMG-DEPT-BSC&orgUnit=UMG-B1-INTM&period=${month}`,
    );
    const year = await e2e.api<{ items: unknown[] }>(
      '/api/approvals?scorecard=UMG-DEPT-BSC&orgUnit=UMG-B1-INTM&period=2024',
    );
    expect([approvals.items.map((a) => [a.period, a.status]), year.items.length]).toEqual([
      [[month, 'approved']],
      0,
    ]);
    await screenshot(approver.page, `role-defects-month-approval-${language}.png`);
    expect([...entry.errors, ...approver.errors]).toEqual([]);
  }, 150_000);
});
