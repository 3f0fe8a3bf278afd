/**
 * The import wizard for any table (mapping profiles) end to end: the real server with the demo, Debian's
 * Chromium at 1366×768, slices of published files as they are (test/fixtures/profiles/README.md). A wide NHS
 * England A&E file is mapped (data elements suggested by name, units built under a root), previewed, saved,
 * checked and imported in English; a long California HCAI file (the measure named in a column) is mapped in
 * Chinese with filters and a derived value (rate × cases), its preview names the row it cannot map and why, and
 * once fixed it imports; the saved NHS profile then fills the wizard for the next month's file, and a change to
 * it saves a new version. Every stored value is read back through the API and compared with the source row.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../scripts/ensure-web-build.ts';
import type { Page as ApiPage } from '../../src/core/contracts/common.ts';
import type { DataValue } from '../../src/core/contracts/data-values.ts';
import { chooseOption, type E2e, openDropdowns, startE2e, textOf } from './e2e-harness.ts';

const FIXTURES = join(PACKAGE_ROOT, 'test/fixtures/profiles');
const VIEWPORT = { width: 1366, height: 768 };

let e2e: E2e;

/**
 * A retry (vitest.config.ts) cannot take back what its first try saved and imported (profiles are kept version by
 * version; imported values stay), so each try after the first maps under codes of its own: `suffix(2)` is `-2`.
 * The NHS profile the first test saved is the one the third fills the wizard from.
 */
const suffix = (run: number) => (run === 1 ? '' : `-${run}`);
let nhsTries = 0;
let caTries = 0;
let juneTries = 0;
let nhs = { code: 'e2e-nhs-ae', prefix: 'NHS-', root: 'ENG-E2E' };

/** The data elements the files feed (the NHS ones named as the columns are, so the wizard suggests them). */
const ELEMENTS = [
  { code: 'ae_attendances', name: { en: 'Total attendances', zh: '急诊就诊总数' } },
  { code: 'ae_emergency_admissions', name: { en: 'Total emergency admissions', zh: '急诊入院总数' } },
  ...['ami', 'hf'].flatMap((m) =>
    ['deaths', 'cases', 'ra_deaths'].map((what) => ({
      code: `${m}_${what}`,
      name: { en: `${m} ${what}`, zh: `${m} ${what}` },
      periodType: 'year',
    })),
  ),
];

beforeAll(async () => {
  e2e = await startE2e();
  for (const element of ELEMENTS) {
    const created = await e2e.request('POST', '/api/data-elements', { body: element });
    expect(created.status, element.code).toBe(201);
  }
}, 300_000);

afterAll(async () => {
  await e2e?.close();
});

async function stored(orgUnit: string, dataElement: string, period: string): Promise<number | null> {
  const page = await e2e.api<ApiPage<DataValue>>(
    `/api/data-values?orgUnit=${orgUnit}&dataElement=${dataElement}&period=${period}`,
  );
  return page.items[0]?.value ?? null;
}

async function openWizard(locale: string) {
  const opened = await e2e.openPage(locale, { viewport: VIEWPORT });
  await opened.page.goto(e2e.url('/imports'));
  await opened.page.getByTestId('imports-tab-profile').click();
  await opened.page.getByTestId('profile-wizard').waitFor({ timeout: 20_000 });
  return opened;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid="profile-wizard"] input[type="file"]').setInputFiles(join(FIXTURES, file));
  await page.getByTestId('profile-wizard-map').waitFor({ timeout: 20_000 });
}

/** The input of a field whose test id sits on the input itself or on a wrapper (Select, AutoComplete). */
const input = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

function choose(page: Page, testId: string, option: string): Promise<void> {
  return chooseOption(page, page.getByTestId(testId), option);
}

/**
 * Chooses values of a tags or multiple Select, each typed first (the list is virtual: an option below its first
 * screen is not in the page until the search brings it up) and checked to be shown as chosen (a click on an
 * option that lands while the list is still moving can miss it: it is clicked again, at most three times), then
 * closes the list.
 */
async function tags(page: Page, testId: string, values: readonly string[]): Promise<void> {
  const select = page.getByTestId(testId);
  const chosen = () =>
    select
      .locator('.ant-select-selection-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('title')));
  for (const value of values) {
    for (let attempt = 1; ; attempt++) {
      if ((await openDropdowns(page).count()) === 0) await select.click();
      await select.locator('input').fill(value);
      await openDropdowns(page).locator(`.ant-select-item-option[title="${value}"]`).first().click();
      try {
        await expect.poll(chosen, { timeout: 5_000 }).toContain(value);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => openDropdowns(page).count()).toBe(0);
}

async function uncheck(page: Page, columns: readonly string[]): Promise<void> {
  for (const column of columns) await input(page, `profile-wizard-include-${column}`).uncheck();
}

async function previewSummary(page: Page): Promise<string> {
  await page.getByTestId('profile-wizard-preview').click();
  return textOf(page, 'profile-wizard-preview-summary');
}

/** Types into an AutoComplete and closes its list, so it covers nothing below. */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await input(page, testId).fill(text);
  await page.keyboard.press('Escape');
}

/** Saves, checks and imports what the preview shows; returns the text the saved line shows. */
async function saveCheckImport(page: Page, imported: string): Promise<string> {
  await page.getByTestId('profile-wizard-save').click();
  const saved = await textOf(page, 'profile-wizard-saved-as');
  await page.getByTestId('profile-wizard-check').click();
  await expect
    .poll(() => page.getByTestId('profile-wizard-import').isEnabled(), { timeout: 30_000 })
    .toBe(true);
  await page.getByTestId('profile-wizard-import').click();
  const title = page.getByTestId('profile-wizard-report').locator('.ant-alert-title');
  await expect.poll(async () => (await title.textContent())?.trim(), { timeout: 30_000 }).toBe(imported);
  return saved;
}

describe('the import wizard for any table', () => {
  it('maps a wide NHS A&E file, suggests data elements by name, builds the trusts and imports the source values', async () => {
    const { page, errors } = await openWizard('en-US');
    await upload(page, 'nhs-ae-2021-04.csv');
    expect([
      await input(page, 'profile-wizard-element-total_attendances').inputValue(),
      await input(page, 'profile-wizard-element-total_emergency_admissions').inputValue(),
    ]).toEqual(['ae_attendances', 'ae_emergency_admissions']);
    await uncheck(page, [
      'attendances_over_4hours',
      'emergency_admissions_over_4hours',
      'pct_attendance_over_4hours',
      'pct_emergency_admissions_over_4hours',
    ]);
    const run = ++nhsTries;
    nhs = { code: `e2e-nhs-ae${suffix(run)}`, prefix: `NHS${suffix(run)}-`, root: `ENG-E2E${suffix(run)}` };
    await input(page, 'profile-wizard-code').fill(nhs.code);
    await input(page, 'profile-wizard-prefix').fill(nhs.prefix);
    await input(page, 'profile-wizard-root').fill(nhs.root);

    expect(await previewSummary(page)).toBe('6 rows read: 12 values shown, 0 cells cannot be mapped.');
    const saved = await saveCheckImport(page, 'Imported: 12 values created, 0 updated.');
    expect(saved).toBe(`Saved as profile ${nhs.code}, version 1`);
    // "RC9",17570,,6154,0,,0,"April 2021" and "RWH",14720,2346,3419,133,0.16,0.04,"May 2021"
    expect([
      await stored(`${nhs.prefix}RC9`, 'ae_attendances', '2021-04'),
      await stored(`${nhs.prefix}RWH`, 'ae_emergency_admissions', '2021-05'),
    ]).toEqual([17570, 3419]);
    // The wizard stops reading an import's progress stream once the import is done: that abort is not a fault.
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 90_000);

  it('maps a long California file in Chinese with filters and a derived value, naming the row it cannot map', async () => {
    const { page, errors } = await openWizard('zh-CN');
    await upload(page, 'ca-performance-2017.csv');
    await choose(page, 'profile-wizard-unit', 'OSHPDID');
    const ca = suffix(++caTries);
    await input(page, 'profile-wizard-code').fill(`e2e-ca-imi${ca}`);
    await input(page, 'profile-wizard-prefix').fill(`CA${ca}-`);
    await input(page, 'profile-wizard-root').fill(`CA-E2E${ca}`);
    await page.locator('[data-testid="profile-wizard-layout"] input[value="long"]').check();
    await choose(page, 'profile-wizard-element-column', 'Performance Measure');
    // The element codes suggested from the cells: AMI stays `ami`, Heart Failure becomes `hf`, PCI is left unmapped.
    expect(await input(page, 'profile-wizard-element-table-AMI').inputValue()).toBe('ami');
    await typeInto(page, 'profile-wizard-element-table-Heart Failure', 'hf');
    await typeInto(page, 'profile-wizard-element-table-PCI', '');
    await uncheck(page, ['Risk-adjusted Rate', 'Latitude', 'Longitude']);
    await input(page, 'profile-wizard-element-# of Adverse Events').fill('{element}_deaths');
    await input(page, 'profile-wizard-element-# of Cases').fill('{element}_cases');
    await page.getByTestId('profile-wizard-add-filter').click();
    await choose(page, 'profile-wizard-filter-0-column', 'Type of Report');
    await tags(page, 'profile-wizard-filter-0-values', ['IMI']);
    await page.getByTestId('profile-wizard-add-derived').click();
    await typeInto(page, 'profile-wizard-derived-0-element', '{element}_ra_deaths');
    await tags(page, 'profile-wizard-derived-0-product', ['Risk-adjusted Rate', '# of Cases']);
    await input(page, 'profile-wizard-derived-0-scale').fill('0.01');

    expect(await previewSummary(page)).toBe('已读取 6 行：显示 12 个数值，1 个单元格无法映射。');
    const bad = page.getByTestId('profile-wizard-preview-errors').locator('tbody tr');
    // Line 5 of the file: 2017,Alameda,Highland Hospital,106010846,…,IMI,PCI,4,138,2.8,…
    const cells = await bad.first().locator('td').allInnerTexts();
    expect([await bad.count(), cells[0], cells[1], cells[2]?.includes('PCI')]).toEqual([
      1,
      '5',
      'Performance Measure',
      true,
    ]);

    await page.getByTestId('profile-wizard-back').click();
    await page.getByTestId('profile-wizard-add-filter').click();
    await choose(page, 'profile-wizard-filter-1-column', 'Performance Measure');
    await choose(page, 'profile-wizard-filter-1-op', '不等于（都不是）');
    await tags(page, 'profile-wizard-filter-1-values', ['PCI']);
    expect(await previewSummary(page)).toBe('已读取 6 行：显示 12 个数值，0 个单元格无法映射。');
    const saved = await saveCheckImport(page, '导入完成：新增 12 个数值，更新 0 个。');
    expect(saved).toBe(`已保存为映射配置 e2e-ca-imi${ca}，第 1 版`);
    // 2017,…,Highland Hospital,106010846,…,IMI,AMI,13,154,9.5,…: the derived value is 9.5 × 154 × 0.01, unrounded.
    expect([
      await stored(`CA${ca}-106010846`, 'ami_deaths', '2017'),
      await stored(`CA${ca}-106010846`, 'ami_ra_deaths', '2017'),
      await stored(`CA${ca}-106010735`, 'hf_cases', '2017'),
      // PCI was filtered out: no data element was made for it.
      (await e2e.request('GET', '/api/data-elements/pci_deaths')).status,
    ]).toEqual([13, 0.01 * 9.5 * 154, 137, 404]);
    // The wizard stops reading an import's progress stream once the import is done: that abort is not a fault.
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 90_000);

  it('fills the wizard from the saved NHS profile for the next month, and saves a change as a new version', async () => {
    const run = ++juneTries;
    // A retry imports June under units of its own, and saves the version after those an earlier try saved.
    const before = await e2e.api<{ version: number }>(`/api/import-profiles/${nhs.code}`);
    const { page, errors } = await openWizard('en-US');
    await page.getByTestId('profile-wizard-saved').click();
    await openDropdowns(page).locator(`.ant-select-item-option[title^="${nhs.code} (v"]`).first().click();
    await upload(page, 'nhs-ae-2021-06.csv');
    expect([
      await input(page, 'profile-wizard-root').inputValue(),
      await input(page, 'profile-wizard-prefix').inputValue(),
    ]).toEqual([nhs.root, nhs.prefix]);
    const prefix = run === 1 ? nhs.prefix : `${nhs.prefix}R${run}-`;
    if (run > 1) await input(page, 'profile-wizard-prefix').fill(prefix);
    await input(page, 'profile-wizard-name').fill('NHS A&E per trust (June on)');

    expect(await previewSummary(page)).toBe('3 rows read: 6 values shown, 0 cells cannot be mapped.');
    const saved = await saveCheckImport(page, 'Imported: 6 values created, 0 updated.');
    expect([before.version, saved]).toEqual([
      run === 1 ? 1 : before.version,
      `Saved as profile ${nhs.code}, version ${before.version + 1}`,
    ]);
    // "RC9",21262,,6405,35,,0.01,"June 2021"
    expect(await stored(`${prefix}RC9`, 'ae_attendances', '2021-06')).toBe(21262);
    // The wizard stops reading an import's progress stream once the import is done: that abort is not a fault.
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 90_000);
});
