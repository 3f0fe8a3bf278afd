/**
 * The indicator library end to end (issue 17 §3, "Must show"), as the demo performance office: in zh-CN, pick
 * China's 门诊次均费用增幅 in the designer, see its elements mapped to the demo's outpatient revenue and visits,
 * save the scorecard, and read the indicator evaluated for 2024 against 2023 (the demo holds 2021–2024 monthly
 * values), its growth recomputed from the inputs Explain lists; in en, the library lists English names. Own
 * entries (issue 17 §3, "users add their own library entries and share them"): the performance office creates
 * one through the form, finds it, adds it to a scorecard, changes and deletes it, each step read back from the
 * API; a viewer is offered none of these writes, and the API refuses them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { ExplanationJson } from '../../src/core/contracts/explain.ts';
import type { LibraryEntryItem, LibraryList } from '../../src/core/contracts/indicator-library.ts';
import type { ScorecardFile } from '../../src/core/scorecard/scorecard-schema.ts';
import { chooseOption, DEMO, type DemoUser, type E2e, screenshot, startE2e } from './e2e-harness.ts';

const AS = DEMO.strategist;
const ENTRY = 'cn-tertiary-38';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function openLibrary(locale: string, as: DemoUser = AS) {
  const opened = await e2e.openPage(locale, { as, viewport: { width: 1366, height: 768 } });
  await opened.page.goto(e2e.url('/designer?scorecard=UMG-BSC'));
  await opened.page.getByTestId('designer-tree').waitFor({ timeout: 20_000 });
  await opened.page.getByTestId('library-open').click();
  await opened.page.getByTestId('library-entries').waitFor();
  return opened;
}

it('adds 门诊次均费用增幅 from the library in zh-CN, saves it, and evaluates its growth over 2023', async () => {
  const { page } = await openLibrary('zh-CN');
  {
    await page.getByTestId('library-search').locator('input').fill('门诊次均费用增幅');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await page.locator(`[data-entry-id="${ENTRY}"]`).click();
    await page.getByTestId('library-detail').waitFor();
    const matches = await page
      .getByTestId('library-match')
      .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-match')));
    expect(matches).toEqual(['code', 'code']);
    await page.getByTestId('library-add').click();
    await page.getByTestId('library-added').waitFor();
    await page.getByTestId('designer-save').click();
    await page.getByTestId('designer-saved').waitFor({ timeout: 20_000 });
  }
  const evaluation = await e2e.api<EvaluationJson>(
    '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
    AS,
  );
  const indicator = evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === ENTRY);
  const explain = await e2e.api<ExplanationJson>(
    `/api/evaluations/explain?scorecard=UMG-BSC&orgUnit=UMG&period=2024&indicator=${ENTRY}`,
    AS,
  );
  const value = (code: string) => explain.formula.inputs.find((i) => i.code === code)?.value ?? Number.NaN;
  const now = value('outpatient_revenue') / value('outpatient_visits');
  const before =
    value('{outpatient_revenue}.periodOffset(-1)') / value('{outpatient_visits}.periodOffset(-1)');
  const periods = explain.formula.inputs.map((i) => i.period ?? null);
  expect([indicator?.name.zh, periods]).toEqual(['门诊次均费用增幅', [null, null, '2023', '2023']]);
  expect(indicator?.actual).toBeCloseTo(((now - before) / before) * 100, 8);
}, 120_000);

it('lists the library with English names in en', async () => {
  const { page } = await openLibrary('en-US');
  {
    await page.getByTestId('library-search').locator('input').fill('outpatient visit');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await page.locator(`[data-entry-id="${ENTRY}"]`).waitFor();
    const names = await page.getByTestId('library-entry-name').allTextContents();
    expect(names).toContain('Growth of average cost per outpatient visit');
  }
}, 120_000);

function choose(page: Page, testId: string, title: string): Promise<void> {
  return chooseOption(page, page.getByTestId(testId), title);
}

async function search(page: Page, words: string): Promise<void> {
  await page.getByTestId('library-search').locator('input').fill(words);
  await page.getByTestId('library-search').locator('input').press('Enter');
}

/** The installation's own entries, as the API lists them. */
async function ownEntries(): Promise<LibraryEntryItem[]> {
  return (await e2e.api<LibraryList>('/api/indicator-library?source=custom', AS)).entries;
}

const OWN_NAME = '本院门诊人均收入';
const EDITED_NAME = '本院门诊次均收入';
/** How long a page may take to show what a write changed (the e2e machine is shared). */
const POLL = { timeout: 15_000 };

it('creates an own entry through the form in zh-CN, finds it, adds it to the scorecard, changes it and deletes it', async () => {
  // A retry starts as the first try did: without the entry an earlier try may have left.
  for (const left of (await ownEntries()).filter((e) => [OWN_NAME, EDITED_NAME].includes(e.name.zh)))
    await e2e.request('DELETE', `/api/indicator-library/${left.id}`, { as: AS });
  const { page, errors } = await openLibrary('zh-CN');
  let id = '';
  {
    await page.getByTestId('library-new').click();
    await page.getByTestId('library-form').waitFor();
    const fill = (field: string, text: string) => page.getByTestId(`library-form-${field}`).fill(text);
    await fill('nameZh', OWN_NAME);
    await fill('definitionZh', '门诊收入除以门诊人次');
    await fill('definitionEn', 'Outpatient revenue divided by outpatient visits');
    await fill('categoryZh', '经济管理');
    await fill('categoryEn', 'Economic management');
    await fill('unitZh', '元');
    await fill('unitEn', 'yuan');
    await choose(page, 'library-form-perspective', '财务');
    await choose(page, 'library-form-formulaMode', '分子 ÷ 分母 × 系数');
    await fill('formulaNumerator', 'outpatient_revenue');
    await fill('formulaDenominator', 'outpatient_visits');
    await fill('reference', '本院绩效办，2026 年');
    // The English name is missing: the browser says so on its field, in Chinese, and sends nothing.
    await page.getByTestId('library-form-submit').click();
    const nameEnError = page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('library-form-nameEn') })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => nameEnError.textContent(), POLL).toBe('至少 1 个字符');
    await screenshot(page, 'indicator-library-own-entry-zh-CN.png');
    expect((await ownEntries()).map((e) => e.name.zh)).not.toContain(OWN_NAME);
    await fill('nameEn', 'Own outpatient revenue per visit');
    await page.getByTestId('library-form-submit').click();
    await page.getByTestId('library-saved').waitFor();
    id = (await page.getByTestId('library-saved').getAttribute('data-entry-id')) ?? '';
  }
  {
    const created = (await ownEntries()).find((e) => e.id === id);
    expect(created).toMatchObject({
      source: 'custom',
      name: { zh: OWN_NAME, en: 'Own outpatient revenue per visit' },
      perspective: 'financial',
      unit: { zh: '元', en: 'yuan' },
      numerator: null,
      formula: { numerator: 'outpatient_revenue', denominator: 'outpatient_visits', factor: 1 },
      createdBy: expect.any(String),
    });
    expect(created?.dataElements.map((d) => d.code)).toEqual(['outpatient_revenue', 'outpatient_visits']);
  }
  {
    await search(page, OWN_NAME);
    const row = page
      .locator(`[data-entry-id="${id}"]`)
      .filter({ has: page.getByTestId('library-entry-name') });
    await row.getByTestId('library-own-tag').waitFor();
    expect(await row.getByTestId('library-own-tag').textContent()).toBe('本院');
    await search(page, '');
    await choose(page, 'library-source', '本院自建');
    // Only own entries are listed (other tests' among them, whatever their order), each tagged.
    await expect
      .poll(() => page.getByTestId('library-entry-name').allTextContents(), POLL)
      .toContain(OWN_NAME);
    const rows = await page.getByTestId('library-entry-name').count();
    expect(await page.getByTestId('library-own-tag').count()).toBe(rows);
  }
  {
    await page.locator(`tr[data-entry-id="${id}"]`).click();
    await page.getByTestId('library-detail').waitFor();
    await page.getByTestId('library-add').click();
    await page.getByTestId('library-added').waitFor();
    await page.getByTestId('designer-save').click();
    await page.getByTestId('designer-saved').waitFor({ timeout: 20_000 });
    const { file } = await e2e.api<{ file: ScorecardFile }>('/api/scorecards/UMG-BSC', AS);
    const added = file.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id);
    expect(added?.name).toEqual({ en: 'Own outpatient revenue per visit', zh: OWN_NAME });
  }
  await page.getByTestId('library-open').click();
  await choose(page, 'library-source', '本院自建');
  await page.locator(`tr[data-entry-id="${id}"]`).click();
  await page.getByTestId('library-edit').click();
  await page.getByTestId('library-form-nameZh').fill(EDITED_NAME);
  await page.getByTestId('library-form-submit').click();
  await page.getByTestId('library-saved').waitFor();
  await expect
    .poll(async () => (await ownEntries()).find((e) => e.id === id)?.name.zh, POLL)
    .toBe(EDITED_NAME);
  await expect
    .poll(() => page.getByTestId('library-entry-name').allTextContents(), POLL)
    .toContain(EDITED_NAME);
  await page.getByTestId('library-delete').click();
  await page.getByTestId('library-delete-ok').click();
  await expect.poll(async () => (await ownEntries()).map((e) => e.id), POLL).not.toContain(id);
  await expect.poll(() => page.locator(`tr[data-entry-id="${id}"]`).count(), POLL).toBe(0);
  expect(errors).toEqual([]);
}, 180_000);

it('saves an indicator of the scorecard to the library in en, the form filled in from it', async () => {
  const { file } = await e2e.api<{ file: ScorecardFile }>('/api/scorecards/UMG-BSC', AS);
  const indicator = file.perspectives[0]?.indicators[0];
  if (indicator === undefined) throw new Error('UMG-BSC has an indicator');
  const { page, errors } = await e2e.openPage('en-US', { as: AS, viewport: { width: 1366, height: 768 } });
  await page.goto(e2e.url('/designer?scorecard=UMG-BSC'));
  await page.locator(`[data-testid="tree-node"][data-key="i:${indicator.id}"]`).click();
  await page.getByTestId('save-to-library').click();
  await page.getByTestId('library-form').waitFor();
  {
    const prefilled = await Promise.all(
      ['nameEn', 'nameZh'].map((field) => page.getByTestId(`library-form-${field}`).inputValue()),
    );
    expect(prefilled).toEqual([indicator.name.en, indicator.name.zh ?? '']);
  }
  await page.getByTestId('library-form-definitionZh').fill('由计分卡指标保存');
  await page.getByTestId('library-form-definitionEn').fill('Saved from the scorecard');
  await page.getByTestId('library-form-reference').fill('UMG-BSC');
  await screenshot(page, 'indicator-library-save-from-indicator-en.png');
  await page.getByTestId('library-form-submit').click();
  await page.getByTestId('save-to-library-saved').waitFor();
  const id = await page.getByTestId('save-to-library-saved').getAttribute('data-entry-id');
  const saved = (await ownEntries()).find((e) => e.id === id);
  expect([saved?.name.en, saved?.reference]).toEqual([indicator.name.en, 'UMG-BSC']);
  expect(errors).toEqual([]);
}, 120_000);

it('offers a viewer no writes to own entries in en, and the API refuses them with 403', async () => {
  const body = {
    name: { en: 'Beds per nurse (own)', zh: '床护比（本院）' },
    definition: { en: 'Open beds over ward nurses', zh: '实际开放床位数与病区护士数之比' },
    numerator: null,
    denominator: null,
    perspective: 'internal',
    category: { en: 'Staffing', zh: '人力配置' },
    kind: 'quantitative',
    direction: 'monitor',
    unit: null,
    periodType: 'year',
    formula: null,
    scoring: null,
    dataElements: [],
    reference: 'Nursing department, 2026',
  };
  const created = await e2e.request<LibraryEntryItem>('POST', '/api/indicator-library', { as: AS, body });
  const refused = await e2e.request<{ code: string }>('POST', '/api/indicator-library', {
    as: DEMO.viewer,
    body,
  });
  expect(refused.status).toBe(403);
  // Design is the administrators' and the strategists' (policy.ts DESIGN_ROLES).
  expect(refused.body.code).toBe('access.needs-one-of-roles');
  const { page, errors } = await openLibrary('en-US', DEMO.viewer);
  {
    await search(page, 'Beds per nurse (own)');
    const row = page.locator(`tr[data-entry-id="${created.body.id}"]`);
    await row.click();
    await page.getByTestId('library-detail').waitFor();
    expect(await row.getByTestId('library-own-tag').textContent()).toBe('Own');
    const controls = await Promise.all(
      ['library-new', 'library-edit', 'library-delete'].map((testId) => page.getByTestId(testId).count()),
    );
    expect(controls).toEqual([0, 0, 0]);
  }
  {
    const { file } = await e2e.api<{ file: ScorecardFile }>('/api/scorecards/UMG-BSC', DEMO.viewer);
    const first = file.perspectives[0]?.indicators[0]?.id;
    await page.keyboard.press('Escape');
    await page.locator(`[data-testid="tree-node"][data-key="i:${first}"]`).click();
    await page.getByTestId('indicator-editor').waitFor();
    expect(await page.getByTestId('save-to-library').count()).toBe(0);
  }
  const changed = await e2e.request('PUT', `/api/indicator-library/${created.body.id}`, {
    as: DEMO.viewer,
    body,
  });
  const deleted = await e2e.request('DELETE', `/api/indicator-library/${created.body.id}`, {
    as: DEMO.viewer,
  });
  expect([changed.status, deleted.status]).toEqual([403, 403]);
  expect(errors).toEqual([]);
}, 120_000);
