/**
 * The Studies page end to end, in zh-CN and en: seed 000's study of the demo group (saved by the demo loader
 * from examples/umg-study) with its table, charts and export, and a row's test changed and saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, screenshot, startE2e } from './e2e-harness.ts';

let e2e: E2e;
const PAGE = '/studies?study=UMG-REFORM';

beforeAll(async () => {
  e2e = await startE2e();
}, 600_000);

afterAll(async () => {
  await e2e?.close();
});

describe('the Studies page', () => {
  it('shows seed 000’s study in Chinese: the county visit rate of the group up 36.35 %, p < 0.001', async () => {
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(PAGE));
    const table = page.getByTestId('study-table');
    await table.getByText('县域就诊率').first().waitFor({ timeout: 60_000 });
    const firstRow = table.locator('tbody tr', { hasText: '县域就诊率' }).first();
    expect([
      await page.getByRole('heading', { name: '评价研究' }).isVisible(),
      (await firstRow.textContent())?.includes('36.35'),
      (await firstRow.getByTestId('study-p').textContent())?.trim(),
      await page.getByTestId('study-chart').count(),
    ]).toEqual([true, true, '< 0.001', 6]);
    await screenshot(page, 'studies-zh-CN.png');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the same study in English and exports it to Excel', async () => {
    const { page, errors } = await e2e.openPage('en');
    await page.goto(e2e.url(PAGE));
    const table = page.getByTestId('study-table');
    await table.getByText('County visit rate').first().waitFor({ timeout: 60_000 });
    const hypertension = table.locator('tbody tr', { hasText: 'Hypertension' }).first();
    const download = page.waitForEvent('download');
    await page.getByTestId('study-export').click();
    expect([
      (await hypertension.getByTestId('study-p').textContent())?.trim(),
      (await download).suggestedFilename(),
    ]).toEqual(['0.144', 'UMG-REFORM.xlsx']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('changes a cost row’s test to Mann–Whitney and saves the choice', async () => {
    const { page, errors } = await e2e.openPage('en');
    await page.goto(e2e.url(PAGE));
    const table = page.getByTestId('study-table');
    await table.getByText('Outpatient cost per visit').first().waitFor({ timeout: 60_000 });
    const row = table.locator('tbody tr', { hasText: 'Outpatient cost per visit' }).first();
    await row.getByTestId('study-test').click();
    await page.locator('.ant-select-item-option', { hasText: 'Mann–Whitney' }).click();
    await row.getByText('chosen').waitFor({ timeout: 60_000 });
    await page.getByTestId('study-save').click();
    await page.getByText('Saved').waitFor();
    const saved = await e2e.api<{ file: { overrides?: unknown[] } }>('/api/studies/UMG-REFORM');
    expect(saved.file.overrides).toEqual([
      { indicator: 'outpatient_cost_per_visit', unit: 'UMG', test: 'mann-whitney' },
    ]);
    expect(errors).toEqual([]);
  }, 120_000);
});
