/**
 * The import wizard end to end (issue 5): the real server with the demo, Debian's Chromium, files written by
 * the test. A bad file is refused in the dry run (its row errors with their line numbers, Commit disabled,
 * nothing written); a good one is committed with the progress bar and changes the data values and the
 * evaluation; the history lists it and Undo restores the values; a GB18030 file with Chinese unit names and
 * comments imports; a viewer sees the server's 403; the page reads in Chinese, and so does a report: a bad file's
 * row errors and the reason for its detected encoding, the notices of a scorecard file converted from format
 * @1, and a commit refused for an error found after the check, with no English left in them. Every figure on
 * screen is compared with the API's own JSON.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page as BrowserPage, FileChooser } from 'playwright-core';

/** A file given to the page as bytes (playwright-core's setInputFiles payload). */
interface FilePayload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/core/contracts/common.ts';
import type { DataValue } from '../../src/core/contracts/data-values.ts';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { ImportBatch, ImportBatchDetail } from '../../src/core/contracts/import.ts';
import { DEMO, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';
import {
  BAD_CHINESE_BYTES,
  BAD_CHINESE_CSV,
  dryRunOverHttp,
  englishWords,
  SCORECARD_V1_YAML,
} from './import-report-words.ts';

const UNIT = 'UMG-B1-INTM';
const MONTH = '2024-03';
const ELEMENTS = 'outpatient_visits,outpatient_revenue';
const VALUES_PATH = `/api/data-values?orgUnit=${UNIT}&period=${MONTH}&dataElement=${ELEMENTS}`;
const EVALUATION_PATH = `/api/evaluations?scorecard=UMG-BSC&orgUnit=${UNIT}&period=${MONTH}`;

const BAD_CSV = [
  'org_unit,period,data_element,value',
  `${UNIT},${MONTH},no_such_element,5`,
  `${UNIT},${MONTH},outpatient_visits,abc`,
  `${UNIT},${MONTH},outpatient_revenue,1800000`,
  '',
].join('\n');

const GOOD_CSV = [
  'org_unit,period,data_element,value,comment',
  `${UNIT},${MONTH},outpatient_visits,9000,recount`,
  `${UNIT},${MONTH},outpatient_revenue,1800000,`,
  '',
].join('\n');

/** A HIS export in GB18030: the unit by its Chinese name (心血管内科 is UMG-HEAD-CARD), a Chinese comment. */
const CHINESE_CSV = [
  'org_unit,period,data_element,value,comment',
  '心血管内科,2024-05,outpatient_visits,4321,院内统计（门诊）',
  '',
].join('\r\n');

let e2e: E2e;
let dir: string;
const files: Record<'bad' | 'good' | 'chinese' | 'second', string> = {
  bad: '',
  good: '',
  chinese: '',
  second: '',
};

beforeAll(async () => {
  e2e = await startE2e();
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-imports-e2e-'));
  files.bad = join(dir, 'bad-values.csv');
  files.good = join(dir, 'good-values.csv');
  files.chinese = join(dir, 'chinese-2024-05.csv');
  files.second = join(dir, 'second-values.csv');
  await writeFile(files.bad, Buffer.from(BAD_CSV, 'utf8'));
  await writeFile(files.good, Buffer.from(GOOD_CSV, 'utf8'));
  await writeFile(files.chinese, iconv.encode(CHINESE_CSV, 'gb18030'));
  await writeFile(
    files.second,
    Buffer.from(`org_unit,period,data_element,value\n${UNIT},2024-04,outpatient_visits,7777\n`, 'utf8'),
  );
}, 180_000);

afterAll(async () => {
  await e2e?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const values = async (path = VALUES_PATH) =>
  Object.fromEntries(
    (await e2e.api<Page<DataValue>>(path)).items.map((row) => [row.dataElement, [row.value, row.comment]]),
  );

async function costPerVisit(): Promise<number | null> {
  const evaluation = await e2e.api<EvaluationJson>(EVALUATION_PATH);
  const indicator = evaluation.perspectives
    .flatMap((perspective) => perspective.indicators)
    .find((item) => item.id === 'outpatient_cost_per_visit');
  return indicator?.actual ?? null;
}

/**
 * The page's errors without Chromium's report of a finished upload stream as aborted: the page reads the ndjson
 * answer to its end (the tests check the result it shows), yet Chromium may still report a `no-store` fetch
 * read with `getReader()` as `net::ERR_ABORTED`. Only that exact line is dropped.
 */
function realErrors(errors: readonly string[]): string[] {
  return errors.filter((error) => error !== `${e2e.url('/api/imports')}: net::ERR_ABORTED`);
}

async function openImports(locale: string, as: (typeof DEMO)[keyof typeof DEMO], width = 1366) {
  const opened = await e2e.openPage(locale, { as, viewport: { width, height: 900 } });
  await opened.page.goto(e2e.url('/imports'));
  await opened.page.getByTestId('import-step-choose').waitFor({ timeout: 20_000 });
  return opened;
}

/**
 * Gives the file to the upload's hidden input. Ant Design's Upload may replace that input while the page
 * re-renders (right after a picker changed), and a file set on the replaced one is lost: set it again until the
 * page shows the chosen file.
 */
async function chooseFile(page: BrowserPage, path: string | FilePayload): Promise<void> {
  const chosen = page.getByTestId('import-chosen-file');
  await expect
    .poll(
      async () => {
        await page.locator('[data-testid="import-step-choose"] input[type="file"]').setInputFiles(path);
        return chosen.waitFor({ timeout: 3_000 }).then(
          () => true,
          () => false,
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** The error table's rows as [line, column, code]. */
async function errorTable(page: BrowserPage): Promise<string[][]> {
  await page.getByTestId('report-errors').waitFor();
  return page.$$eval('[data-testid="report-error-row"]', (rows) =>
    rows.map((row) => [
      row.querySelector('[data-testid="report-error-line"]')?.textContent?.trim() ?? '',
      row.querySelector('code')?.textContent?.trim() ?? '',
      row.querySelector('[data-testid="report-error-message"]')?.getAttribute('data-code') ?? '',
    ]),
  );
}

async function countsOf(page: BrowserPage, testId: string): Promise<Record<string, number>> {
  await page.getByTestId(testId).waitFor();
  return page.$$eval(`[data-testid^="${testId}-"]`, (cells) =>
    Object.fromEntries(
      cells.map((cell) => [
        (cell.getAttribute('data-testid') ?? '').split('-').pop() ?? '',
        Number(cell.getAttribute('data-value')),
      ]),
    ),
  );
}

async function chooseOption(page: BrowserPage, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}

describe('imports', () => {
  it('runs an import as the steward: rejects the bad file and commits the good one', async () => {
    const before = await values();
    const costBefore = await costPerVisit();
    expect(before.outpatient_visits?.[0]).toBeTypeOf('number');
    const { page, errors } = await openImports('en-US', DEMO.steward);

    await chooseFile(page, files.bad);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-step-report').waitFor({ timeout: 20_000 });
    expect(await textOf(page, 'report-blocked')).toContain('2 errors');
    expect(await errorTable(page)).toEqual([
      ['2', 'data_element', 'unknown-data-element'],
      ['3', 'value', 'non-numeric'],
    ]);
    expect(await countsOf(page, 'report-counts')).toMatchObject({ rowsRead: 3, errorCount: 2 });
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await textOf(page, 'commit-blocked-reason')).toContain('check the file again');
    expect(await textOf(page, 'report-blocked')).toContain('nothing has been written');
    await screenshot(page, 'imports-report-en.png');
    // The dry run wrote nothing, not even the file's one good row.
    expect(await values()).toEqual(before);

    await page.getByTestId('import-back').click();
    await chooseFile(page, files.good);
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-ready').waitFor({ timeout: 20_000 });
    expect(await countsOf(page, 'report-counts')).toEqual({
      rowsRead: 2,
      toCreate: 0,
      toUpdate: 2,
      unchanged: 0,
      errorCount: 0,
    });
    expect(await page.getByTestId('report-errors').count()).toBe(0);
    expect(await values()).toEqual(before);

    await page.getByTestId('import-commit').click();
    await page.getByTestId('commit-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('commit-progress').getAttribute('data-percent')).toBe('100');
    expect(await textOf(page, 'commit-progress')).toContain('100%');
    const [latest] = (await e2e.api<Page<ImportBatch>>('/api/imports?limit=1')).items;
    expect(latest).toMatchObject({ fileName: 'good-values.csv', kind: 'data', status: 'committed' });
    expect(await textOf(page, 'commit-result')).toBe(`Import #${latest?.id} committed.`);
    expect(await countsOf(page, 'commit-counts')).toEqual({
      rowsRead: latest?.rowsRead,
      toCreate: latest?.created,
      toUpdate: latest?.updated,
      unchanged: latest?.unchanged,
      errorCount: 0,
    });
    expect(latest?.updated).toBe(2);
    expect(await values()).toEqual({
      outpatient_visits: [9000, 'recount'],
      outpatient_revenue: [1800000, null],
    });
    const costAfter = await costPerVisit();
    expect(costAfter).toBeCloseTo(1800000 / 9000, 6);
    expect(costAfter).not.toBeCloseTo(costBefore ?? 0, 2);
    await screenshot(page, 'imports-commit-en.png');
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('lists the import in the history, and Undo restores the previous values', async () => {
    const [batch] = (await e2e.api<Page<ImportBatch>>('/api/imports?limit=1')).items;
    expect(batch?.fileName).toBe('good-values.csv');
    const detail = await e2e.api<ImportBatchDetail>(`/api/imports/${batch?.id}`);
    const previous = Object.fromEntries(
      detail.changes.items.map((change) => [change.key.dataElement, change.oldValue?.value]),
    );
    const { page, errors } = await openImports('en-US', DEMO.admin);
    await page.getByTestId('imports-tab-history').click();
    const row = page.locator(`[data-testid="import-history-row"][data-id="${batch?.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('import-history-file').textContent()).toBe('good-values.csv');
    expect(await row.getByTestId('import-history-counts').textContent()).toBe(
      '2 read · 0 created · 2 updated · 0 unchanged',
    );
    expect(await row.getByTestId('import-history-status').getAttribute('data-status')).toBe('committed');
    expect(await row.textContent()).toContain('steward@demo.healthbsc');

    await row.getByTestId('import-undo').click();
    await page.getByTestId('import-undo-dialog').waitFor();
    await page.locator('#import-undo-reason').fill('Wrong month');
    await page.getByTestId('import-undo-confirm').click();
    expect(await textOf(page, 'undo-result')).toBe(
      `Import #${batch?.id} undone: 2 values restored, 0 deleted.`,
    );
    await page
      .locator(`[data-testid="import-history-row"][data-id="${batch?.id}"] [data-status="undone"]`)
      .waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('import-undo').isDisabled()).toBe(true);
    const restored = await values();
    expect(Object.fromEntries(Object.entries(restored).map(([code, [value]]) => [code, value]))).toEqual(
      previous,
    );
    expect(restored.outpatient_visits?.[1]).toBeNull();
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('shows the server’s 409 when a value changed after the import', async () => {
    const { page, errors } = await openImports('en-US', DEMO.admin);
    await chooseFile(page, files.second);
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-ready').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('commit-result').waitFor({ timeout: 30_000 });
    const [batch] = (await e2e.api<Page<ImportBatch>>('/api/imports?limit=1')).items;
    const edit = await e2e.request('POST', '/api/data-values', {
      body: { values: [{ orgUnit: UNIT, dataElement: 'outpatient_visits', period: '2024-04', value: 7000 }] },
    });
    expect(edit.status).toBe(200);
    const refused = await e2e.request<{ status: number; detail: string }>(
      'POST',
      `/api/imports/${batch?.id}/undo`,
      { body: {} },
    );
    expect(refused.status).toBe(409);

    await page.getByTestId('import-show-history').click();
    const row = page.locator(`[data-testid="import-history-row"][data-id="${batch?.id}"]`);
    await row.getByTestId('import-undo').click();
    await page.getByTestId('import-undo-confirm').click();
    const problem = page.getByTestId('import-undo-problem');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.getAttribute('data-status')).toBe('409');
    expect(await problem.textContent()).toContain(refused.body.detail);
    expect(
      (await values(`/api/data-values?orgUnit=${UNIT}&period=2024-04&dataElement=outpatient_visits`))
        .outpatient_visits?.[0],
    ).toBe(7000);
    // The browser logs the refused request; nothing else may fail.
    expect(realErrors(errors).filter((error) => !error.includes('409'))).toEqual([]);
  }, 120_000);

  it('imports a GB18030 CSV with Chinese unit names when its encoding is chosen', async () => {
    const path = '/api/data-values?orgUnit=UMG-HEAD-CARD&period=2024-05&dataElement=outpatient_visits';
    expect((await values(path)).outpatient_visits?.[0]).not.toBe(4321);
    const { page, errors } = await openImports('en-US', DEMO.steward);
    await chooseOption(page, 'import-encoding', 'GB18030 (Chinese)');
    // Given as a payload: a Chinese file name on disk depends on the process's locale (none under `env -i`).
    await chooseFile(page, {
      name: '心内科-2024-05.csv',
      mimeType: 'text/csv',
      buffer: await readFile(files.chinese),
    });
    expect(await textOf(page, 'import-chosen-file')).toContain('心内科-2024-05.csv');
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-ready').waitFor({ timeout: 20_000 });
    expect(await textOf(page, 'report-encoding')).toBe('encoding gb18030');
    expect(await countsOf(page, 'report-counts')).toMatchObject({ rowsRead: 1, toUpdate: 1, errorCount: 0 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('commit-result').waitFor({ timeout: 30_000 });
    expect(await values(path)).toEqual({ outpatient_visits: [4321, '院内统计（门诊）'] });
    const [batch] = (await e2e.api<Page<ImportBatch>>('/api/imports?limit=1')).items;
    expect(batch).toMatchObject({ fileName: '心内科-2024-05.csv', encoding: 'gb18030', updated: 1 });
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('offers the chosen scorecard’s template and opens the file chooser from the keyboard', async () => {
    const { page, errors } = await openImports('en-US', DEMO.steward);
    expect(await page.getByTestId('import-template').count()).toBe(0);
    await chooseOption(page, 'import-scorecard', 'Yunhu Urban Medical Group balanced scorecard');
    const href = await page.getByTestId('import-template-xlsx').getAttribute('href');
    expect(href).toBe('/api/templates/UMG-BSC?format=xlsx');
    const { session, csrf } = await e2e.signIn(DEMO.steward);
    const template = await fetch(e2e.url(href ?? ''), {
      headers: { cookie: `healthbsc_session=${session}; healthbsc_csrf=${csrf}` },
    });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-disposition')).toMatch(/^attachment; filename="UMG-BSC.*\.xlsx"/);
    // The drop zone is a button: Tab to it and Enter opens the browser's file chooser.
    const zone = page.locator('[data-testid="import-step-choose"] [role="button"]').first();
    // Focus it once the scorecard picker's closing dropdown can no longer take the focus back.
    await expect
      .poll(async () => {
        await zone.focus();
        return zone.evaluate((element) => element === element.ownerDocument.activeElement);
      })
      .toBe(true);
    // Under a loaded CI machine a key press can land before the zone's handler is ready: press again then.
    let chooser: FileChooser | null = null;
    for (let attempt = 0; attempt < 5 && chooser === null; attempt += 1) {
      await zone.focus();
      const opened = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
      await page.keyboard.press('Enter');
      chooser = await opened;
    }
    if (chooser === null) throw new Error('Enter on the drop zone never opened the file chooser');
    await chooser.setFiles(files.good);
    expect(await textOf(page, 'import-chosen-file')).toContain('good-values.csv');
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('shows the server’s 403 to a viewer, who may not import data values', async () => {
    const { page, errors } = await openImports('en-US', DEMO.viewer);
    await chooseFile(page, files.good);
    await page.getByTestId('import-check').click();
    const problem = page.getByTestId('check-problem');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute('data-status')).toBe('403');
    expect(await problem.textContent()).toContain('You do not have access to this');
    expect(await page.getByTestId('import-step-report').count()).toBe(0);
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('reads in Chinese at 768 px: steps, kinds, the report’s error labels and the history', async () => {
    const { page, errors } = await openImports('zh-CN', DEMO.admin, 768);
    expect(await page.locator('#imports-title').textContent()).toBe('数据导入');
    expect(await page.locator('.ant-steps-item-title').allTextContents()).toEqual([
      '选择文件',
      '检查（试运行）',
      '提交',
    ]);
    expect(await textOf(page, 'import-kind-help')).toContain('各单元的月度数据');
    await chooseFile(page, files.bad);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-step-report').waitFor({ timeout: 20_000 });
    expect(await textOf(page, 'report-blocked')).toContain('文件有 2 处错误，不能提交');
    const messages = await page.getByTestId('report-error-message').allTextContents();
    expect(messages[0]).toContain('未知数据元');
    expect(messages[1]).toContain('不是数字');
    const commit = page.getByTestId('import-commit');
    // Ant Design spaces a two-character Chinese label (提 交).
    expect((await commit.textContent())?.replace(/\s/g, '')).toBe('提交');
    expect(await commit.isDisabled()).toBe(true);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'imports-zh-CN.png');
    await page.getByTestId('imports-tab-history').click();
    await page.getByTestId('import-history').waitFor({ timeout: 15_000 });
    // The history names who imported under when (one column at 1366 px).
    expect((await page.locator('.ant-table-thead th').allTextContents()).join(' ')).toContain('操作人');
    expect(await page.getByTestId('import-history-status').first().textContent()).toMatch(/已提交|已撤销/);
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('words a bad GB18030 file’s report in Chinese: each row error, why the encoding was chosen, no English', async () => {
    const name = '门诊-有错误.csv';
    const server = await dryRunOverHttp(e2e, { name, kind: 'data', bytes: BAD_CHINESE_BYTES });
    expect(server.encodingReason?.code).toBe('encoding.read-as-gb18030');
    expect(server.errors.map((error) => error.code)).toEqual([
      'unknown-org-unit',
      'unknown-period',
      'unknown-data-element',
      'non-numeric',
      'out-of-range',
      'not-integer',
      'duplicate-key',
    ]);
    const { page, errors } = await openImports('zh-CN', DEMO.admin);
    await chooseFile(page, { name, mimeType: 'text/csv', buffer: BAD_CHINESE_BYTES });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-step-report').waitFor({ timeout: 20_000 });
    expect(await errorTable(page)).toEqual(
      server.errors.map((error) => [String(error.row), error.column, error.code]),
    );

    const reasons = await page.getByTestId('report-error-reason').allTextContents();
    expect([reasons[0], reasons[3], reasons[5], reasons[6]]).toEqual([
      '未知的机构“无此科室”',
      '非数字：“abc”不是有效的数字（请写成 1234.5；仅单位为 % 时可带 %）',
      'outpatient_visits 只接受整数',
      '与第 8 行重复（UMG-B1-INTM, 2024-03, outpatient_revenue）',
    ]);
    expect(await textOf(page, 'report-encoding')).toBe('编码 gb18030');
    const counts = server.encodingReason?.params ?? {};
    expect(await textOf(page, 'report-encoding-reason')).toBe(
      `（不是有效的 UTF-8（第 ${counts.line} 行第 ${counts.byte} 字节）；${counts.sequences} 个高位字节序列中有 ` +
        `${counts.invalid} 个不是有效的 GB18030（${counts.invalidShare}），${counts.commonShare} 的多字节序列位于 ` +
        'GB 2312 区：按 GB18030 读取）',
    );

    // As the user reads it: innerText keeps table cells apart (textContent runs a column into the next).
    const shown = await page.getByTestId('import-step-report').innerText();
    // What a report shows as it is in any language: the file's codes and values, its name, format and encoding.
    const data = [BAD_CHINESE_CSV, name, server.format, server.encoding ?? '', 'UTF-8'];
    expect(englishWords(shown, data)).toEqual([]);
    const english = [...server.errors.map((error) => error.reason), server.encodingReason?.message ?? ''];
    expect(english.filter((reason) => shown.includes(reason))).toEqual([]);
    await screenshot(page, 'imports-report-zh-CN.png');
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('lists what converting a scorecard file from format @1 changed, worded in Chinese', async () => {
    const name = 'ward-beds-v1.yaml';
    const bytes = Buffer.from(SCORECARD_V1_YAML, 'utf8');
    const server = await dryRunOverHttp(e2e, { name, kind: 'metadata', bytes });
    const { page, errors } = await openImports('zh-CN', DEMO.admin);
    await chooseOption(page, 'import-kind', '计分卡或组织单元');
    // The upload takes the new kind's file types only once the page has re-rendered: a YAML file given before
    // is refused as the wrong type for data values.
    const input = page.locator('[data-testid="import-step-choose"] input[type="file"]');
    await expect.poll(() => input.getAttribute('accept'), { timeout: 15_000 }).toContain('.yaml');
    await chooseFile(page, { name, mimeType: 'application/yaml', buffer: bytes });
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-ready').waitFor({ timeout: 20_000 });
    expect(await countsOf(page, 'report-counts')).toMatchObject({ toCreate: 1, errorCount: 0 });
    expect(
      await page.$$eval('[data-testid="report-notice"]', (items) =>
        items.map((item) => item.getAttribute('data-code')),
      ),
    ).toEqual(server.notices.map((notice) => notice.code));
    expect(await page.getByTestId('report-notice').allTextContents()).toEqual([
      '已从 healthbsc/scorecard@1 转换为 healthbsc/scorecard@2。',
      '数据元 e2e_bed_days_used, e2e_bed_days_open 的单位“bed days”已拆分为英文“bed days”和中文“床日”。',
      '指标 OCC 的单位“%”已拆分为英文“%”和中文“%”。',
      '指标 OCC 的负责人“Medical affairs department”不是电子邮箱，已移至 ownerName。',
    ]);

    const shown = await page.getByTestId('import-step-report').innerText();
    // `ownerName` is the field of format @2 the owner moved to, named as a file writes it.
    const data = [SCORECARD_V1_YAML, name, server.format, server.encoding ?? '', 'ownerName'];
    expect(englishWords(shown, data)).toEqual([]);
    expect(server.notices.filter((notice) => shown.includes(notice.message))).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);

  it('words a commit refused for an error found after the check (the range changed meanwhile) in Chinese', async () => {
    const created = await e2e.request('POST', '/api/data-elements', {
      body: {
        code: 'e2e_checked_twice',
        name: { en: 'Checked twice', zh: '两次检查' },
        valueType: 'integer',
        min: 0,
      },
    });
    expect(created.status).toBe(201);
    const name = '复核-2024-06.csv';
    const text = `org_unit,period,data_element,value\n${UNIT},2024-06,e2e_checked_twice,500\n`;
    const { page, errors } = await openImports('zh-CN', DEMO.admin);
    await chooseFile(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-ready').waitFor({ timeout: 20_000 });
    const narrowed = await e2e.request('PATCH', '/api/data-elements/e2e_checked_twice', {
      body: { max: 100 },
    });
    expect(narrowed.status).toBe(200);

    await page.getByTestId('import-commit').click();
    const problem = page.getByTestId('commit-problem');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.getAttribute('data-status')).toBe('400');
    expect(await textOf(page, 'commit-problem')).toBe('请求未被接受文件有 1 处错误，未写入任何内容。');
    expect(await errorTable(page)).toEqual([['2', 'value', 'out-of-range']]);
    expect(await page.getByTestId('report-error-reason').allTextContents()).toEqual([
      '超出范围：e2e_checked_twice 应在 0 与 100 之间',
    ]);
    const shown = await page.getByTestId('import-step-commit').innerText();
    expect(englishWords(shown, [text, name])).toEqual([]);
    const stored = await e2e.api<Page<DataValue>>(
      `/api/data-values?orgUnit=${UNIT}&period=2024-06&dataElement=e2e_checked_twice`,
    );
    expect(stored.items).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
  }, 120_000);
});
