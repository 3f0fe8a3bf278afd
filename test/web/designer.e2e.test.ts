/**
 * The scorecard designer end to end (issue 5), as the demo performance office (strategist@…, role strategist
 * over the whole installation, which holds every right the designer needs). Each check reads the API's own JSON
 * after the page wrote through it: a new indicator with a formula (its evaluated actual recomputed here from
 * the raw data values), a manual weight version, a department copy with its assignment, a target, and zh-CN.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ApiPage } from '../../src/core/contracts/common.ts';
import type { DataValue } from '../../src/core/contracts/data-values.ts';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { OrgUnit } from '../../src/core/contracts/org-units.ts';
import type {
  ScorecardDetail,
  ScorecardOrgUnits,
  ScorecardVersions,
} from '../../src/core/contracts/scorecards.ts';
import type { Target } from '../../src/core/contracts/targets.ts';
import { chooseOption, DEMO, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';
import { englishWords } from './import-report-words.ts';

const AS = DEMO.strategist;
/**
 * The indicator the first test adds and the later ones use. A retry of that test adds one under another id: the
 * first try may have saved its indicator already, and adding the same id again is refused.
 */
let newId = 'discharges_per_1000_visits';
let indicatorTries = 0;
const NUMERATOR = 'inpatient_discharges';
const DENOMINATOR = 'outpatient_visits';
const VALID_FORMULA = `${NUMERATOR} / ${DENOMINATOR} * 1000`;
const COPY_UNIT = 'UMG-B1-INTM';
const COPY_CODE = `${COPY_UNIT}-BSC`;

let e2e: E2e;
const api = <T>(path: string) => e2e.api<T>(path, AS);

/** UMG-BSC's weights as the weights test's first try found them. */
let weightsBefore: ScorecardDetail['file']['weights'] | undefined;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function openDesigner(locale: string, code: string, viewport?: { width: number; height: number }) {
  const opened = await e2e.openPage(locale, { as: AS, ...(viewport ? { viewport } : {}) });
  await opened.page.goto(e2e.url(`/designer?scorecard=${code}`));
  await opened.page.getByTestId('designer-tree').waitFor({ timeout: 20_000 });
  return opened;
}

const treeNode = (page: Page, key: string) => page.locator(`[data-testid="tree-node"][data-key="${key}"]`);

/** Picks an option of the antd Select whose input has this id (the harness's `chooseOption`). */
function choose(page: Page, inputId: string, optionTitle: string): Promise<void> {
  return chooseOption(
    page,
    page.locator('.ant-select').filter({ has: page.locator(`#${inputId}`) }),
    optionTitle,
  );
}

/**
 * A unit's value of an element in a month, as the engine aggregates it (core/analytics/aggregate.ts): its own
 * value, or else the sum of its children's; null when neither has one.
 */
function unitMonthValue(
  unit: string,
  month: string,
  own: ReadonlyMap<string, number>,
  children: ReadonlyMap<string, string[]>,
): number | null {
  const value = own.get(`${unit}|${month}`);
  if (value !== undefined) return value;
  let sum: number | null = null;
  for (const child of children.get(unit) ?? []) {
    const childValue = unitMonthValue(child, month, own, children);
    if (childValue !== null) sum = (sum ?? 0) + childValue;
  }
  return sum;
}

/** UMG's 2024 total of an element (summed over months) from GET /api/data-values. */
async function umgYearTotal(element: string, units: readonly OrgUnit[]): Promise<number> {
  const own = new Map<string, number>();
  for (let offset = 0; ; offset += 1000) {
    const page = await api<ApiPage<DataValue>>(
      `/api/data-values?orgUnit=UMG&includeDescendants=true&dataElement=${element}&from=2024-01&to=2024-12&limit=1000&offset=${offset}`,
    );
    for (const value of page.items) own.set(`${value.orgUnit}|${value.period}`, value.value);
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parent !== null) children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit.code]);
  }
  let total = 0;
  for (let m = 1; m <= 12; m += 1) {
    total += unitMonthValue('UMG', `2024-${String(m).padStart(2, '0')}`, own, children) ?? 0;
  }
  return total;
}

describe('designer', () => {
  it('create an indicator with a formula: live errors block Save, a valid ratio saves a new version the engine evaluates', async () => {
    indicatorTries += 1;
    if (indicatorTries > 1) newId = `discharges_per_1000_visits_${indicatorTries}`;
    const before = await api<ScorecardDetail>('/api/scorecards/UMG-BSC');
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    expect(await textOf(page, 'structure-version')).toBe(`Structure version ${before.structure.version}`);
    await treeNode(page, 'i:county_visit_rate').click();
    await page.getByTestId('formula-numerator').waitFor();
    expect(await page.getByTestId('formula-numerator').inputValue()).toBe('county_resident_visits_in_county');
    await screenshot(page, 'designer-en.png');

    await treeNode(page, 'p:C').click();
    await page.getByTestId('add-indicator').click();
    expect(await textOf(page, 'zero-weight-note')).toContain('weighs 0 within its perspective');
    await page.getByTestId('indicator-id').fill(newId);
    await page.getByTestId('indicator-name-en').fill('Discharges per 1,000 outpatient visits');
    await page.getByTestId('indicator-name-zh').fill('每千门诊人次出院人数');
    await choose(page, 'formula-mode', 'One expression');
    const formula = page.getByTestId('formula-input');
    const save = page.getByTestId('designer-save');

    // An unknown data element: the error names it at its position, and the file cannot be saved.
    await formula.fill(`${NUMERATOR} / outpatient_visitz * 1000`);
    const unknown = page.getByTestId('formula-error').first();
    expect(await unknown.textContent()).toContain("Position 23: 'outpatient_visitz' is not a data element.");
    expect(await unknown.getAttribute('data-position')).toBe('23');
    expect(await save.isDisabled()).toBe(true);
    expect(await textOf(page, 'client-issues')).toContain("unknown data element 'outpatient_visitz'");
    // Typing offers the matching data elements; choosing one replaces the word.
    await formula.fill(`${NUMERATOR} / outpatient_v`);
    await page.getByRole('button', { name: DENOMINATOR, exact: true }).click();
    await expect.poll(() => formula.inputValue()).toBe(`${NUMERATOR} / ${DENOMINATOR}`);
    await formula.fill(`${NUMERATOR} / bogus * 1000`);
    await page.getByTestId('formula-error').first().waitFor();
    await screenshot(page, 'designer-formula-error-en.png');

    // A syntax error: reported with its position, Save still disabled.
    await formula.fill(`(${NUMERATOR} / ${DENOMINATOR} * 1000`);
    const syntax = page.getByTestId('formula-error').first();
    expect(await syntax.getAttribute('data-position')).toBe(String(VALID_FORMULA.length + 1));
    expect(await syntax.textContent()).toContain("missing ')' to close the '(' at position 0");
    expect(await save.isDisabled()).toBe(true);

    await formula.fill(VALID_FORMULA);
    expect(await textOf(page, 'formula-input-ok')).toBe(`Valid. Reads: ${NUMERATOR}, ${DENOMINATOR}`);
    expect(await page.getByTestId('client-issues').count()).toBe(0);
    expect(await textOf(page, 'unsaved-tag')).toBe('Unsaved changes');
    await page.getByTestId('designer-note').fill('add discharges per visits');
    await save.click();
    const saved = page.getByTestId('designer-saved');
    await saved.waitFor({ timeout: 20_000 });
    const version = before.structure.version + 1;
    expect(await saved.textContent()).toBe(`Saved as structure version ${version}.`);
    expect(await textOf(page, 'structure-version')).toBe(`Structure version ${version}`);
    // The tag goes once the page has read the saved scorecard back, a moment after the message.
    await expect.poll(() => page.getByTestId('unsaved-tag').count(), { timeout: 15_000 }).toBe(0);

    const after = await api<ScorecardDetail>('/api/scorecards/UMG-BSC');
    expect(after.structure).toMatchObject({ version, note: 'add discharges per visits' });
    const customer = after.file.perspectives.find((p) => p.id === 'C');
    expect(customer?.indicators.find((i) => i.id === newId)).toMatchObject({
      name: { en: 'Discharges per 1,000 outpatient visits', zh: '每千门诊人次出院人数' },
      formula: VALID_FORMULA,
    });

    const evaluation = await api<EvaluationJson>(
      '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
    );
    const evaluated = evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === newId);
    expect(evaluated?.actualSource).toBe('formula');
    const units = (await api<ApiPage<OrgUnit>>('/api/org-units?limit=1000')).items;
    const expected =
      ((await umgYearTotal(NUMERATOR, units)) / (await umgYearTotal(DENOMINATOR, units))) * 1000;
    expect(expected).toBeGreaterThan(0);
    expect(evaluated?.actual).toBeCloseTo(expected, 6);
    expect(errors).toEqual([]);
  }, 120_000);

  it('change weights: a wrong sum is refused on the page, the fixed weights become a new weight version from the first unpublished period', async () => {
    // A retry (vitest.config.ts) starts from the weights the first try found, not from those it saved.
    const current = (await api<ScorecardDetail>('/api/scorecards/UMG-BSC')).file.weights;
    weightsBefore ??= current;
    if (JSON.stringify(current) !== JSON.stringify(weightsBefore)) {
      const restored = await e2e.request('PUT', '/api/scorecards/UMG-BSC/weights', {
        as: AS,
        body: { weights: weightsBefore, effectiveFrom: '2024' },
      });
      expect(restored.status).toBe(200);
    }
    const before = await api<ScorecardVersions>('/api/scorecards/UMG-BSC/versions');
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    await page.getByRole('tab', { name: 'Weights' }).click();
    await page.locator('#weight-perspectives-F').fill('40');
    await page.locator('#weight-perspectives-F').press('Tab');
    expect(await textOf(page, 'weight-error-perspectives')).toBe(
      'The weights add up to 115.00 %, not 100 %.',
    );
    expect(await page.getByTestId('weight-sum-perspectives').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('weights-save').isDisabled()).toBe(true);

    await page.locator('#weight-perspectives-C').fill('10');
    await page.locator('#weight-perspectives-C').press('Tab');
    expect(await textOf(page, 'weight-sum-perspectives')).toBe('Sum 100.00 %');
    expect(await page.getByTestId('weight-error-perspectives').count()).toBe(0);
    await page.getByTestId('weights-note').fill('finance first');
    await page.getByTestId('weights-save').click();
    // Saving asks from when the weights hold: by default 2024, after the demo's published 2021–2023.
    await page.getByTestId('weights-effective').waitFor();
    expect(await page.getByTestId('weights-effective-default').getAttribute('data-period')).toBe('2024');
    await page.getByTestId('weights-effective-confirm').click();
    await page
      .locator('[data-testid="weights-saved"], [data-testid="weights-server-issues"]')
      .first()
      .waitFor();
    expect(
      await page.getByTestId('weights-server-issues').count(),
      await page.locator('body').innerText(),
    ).toBe(0);
    const version = (before.weights[0]?.version ?? 0) + 1;
    expect(await textOf(page, 'weights-saved')).toBe(
      `Saved as weight version ${version}, holding from 2024.`,
    );

    const after = await api<ScorecardVersions>('/api/scorecards/UMG-BSC/versions');
    expect(after.weights[0]).toMatchObject({
      version,
      effectiveFrom: '2024',
      source: 'manual',
      note: 'finance first',
    });
    const detail = await api<ScorecardDetail>('/api/scorecards/UMG-BSC');
    expect(detail.file.weights.perspectives).toEqual({ manual: { F: 0.4, C: 0.1, I: 0.25, L: 0.25 } });

    await page.getByRole('tab', { name: 'Versions' }).click();
    const firstRow = page.getByTestId('weight-versions').locator('tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    // The list may show the versions read before the save for a moment, while it reads them again.
    await expect
      .poll(async () => (await firstRow.locator('td').allTextContents()).slice(0, 5), { timeout: 15_000 })
      .toEqual([String(version), '2024', 'Manual', 'finance first', after.weights[0]?.createdBy]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('copy UMG-BSC for a department: the copy exists, is assigned to the unit, and can be tailored', async () => {
    const unit = await api<OrgUnit>(`/api/org-units/${COPY_UNIT}`);
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    await page.getByTestId('copy-scorecard').click();
    // Search the unit by its code (shown in every title), then pick the one match.
    await page.locator('#copy-org-unit').click();
    await page.locator('#copy-org-unit').fill(COPY_UNIT);
    const option = page.locator(
      `.ant-select-tree-node-content-wrapper[title="${unit.name.en} (${COPY_UNIT})"]`,
    );
    await option.waitFor();
    await page.waitForTimeout(300);
    await option.click();
    await expect.poll(() => page.getByTestId('copy-code').inputValue()).toBe(COPY_CODE);
    await page.getByTestId('copy-name-en').fill('Internal medicine scorecard');
    await page.getByTestId('copy-submit').click();
    expect(await textOf(page, 'created-alert')).toBe(`Scorecard ${COPY_CODE} was created.`);

    const assigned = await api<ScorecardOrgUnits>(`/api/scorecards/${COPY_CODE}/org-units`);
    expect(assigned.orgUnits).toEqual([{ orgUnit: COPY_UNIT, includeDescendants: true }]);
    const original = await api<ScorecardDetail>('/api/scorecards/UMG-BSC');
    const copy = await api<ScorecardDetail>(`/api/scorecards/${COPY_CODE}`);
    expect(copy.name).toEqual({ en: 'Internal medicine scorecard' });
    expect(copy.file.perspectives).toEqual(original.file.perspectives);

    // The designer now shows the copy: drop an indicator and save.
    // It may show the original's assignment for a moment, until the copy's has loaded.
    await page.getByTestId('designer-tree').waitFor();
    await expect
      .poll(() => textOf(page, 'assigned-unit'), { timeout: 15_000 })
      .toBe(`${COPY_UNIT} and below`);
    await treeNode(page, 'i:staff_trained').click();
    await page.getByTestId('remove-node').click();
    await page.getByTestId('designer-save').click();
    expect(await textOf(page, 'designer-saved')).toBe('Saved as structure version 2.');
    const tailored = await api<ScorecardDetail>(`/api/scorecards/${COPY_CODE}`);
    const ids = (detail: ScorecardDetail) =>
      detail.file.perspectives.flatMap((p) => p.indicators.map((i) => i.id));
    expect(ids(tailored)).toEqual(ids(original).filter((id) => id !== 'staff_trained'));
    expect(ids(await api<ScorecardDetail>('/api/scorecards/UMG-BSC'))).toContain('staff_trained');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the server’s refusal: a new scorecard with a code that exists', async () => {
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    await page.getByTestId('new-scorecard').click();
    await page.getByTestId('create-code').fill('UMG-BSC');
    await page.getByTestId('create-name-en').fill('Duplicate');
    await page.getByRole('button', { name: 'Create' }).click();
    expect(await textOf(page, 'create-error')).toBe(
      "A scorecard 'UMG-BSC' already exists; replace it with PUT /api/scorecards/UMG-BSC.",
    );
    // The browser logs the refused request; nothing else may fail.
    expect(errors.filter((error) => !error.includes('409'))).toEqual([]);
  }, 120_000);

  it('adds, edits and deletes a target for the new indicator, as /api/targets shows', async () => {
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    await treeNode(page, `i:${newId}`).click();
    await page.getByTestId('empty-text').waitFor();
    expect(await textOf(page, 'empty-text')).toBe('No targets for this indicator yet.');
    await page.getByTestId('add-target').click();
    await page.getByTestId('target-period').fill('2024');
    await page.locator('#target-target').fill('12.5');
    await page.locator('#target-reference').fill('10');
    await page.locator('#target-source').fill('group plan');
    await page.getByTestId('target-save').click();
    const row = page.getByTestId('targets-table').locator('tbody tr.ant-table-row').first();
    await row.waitFor({ timeout: 15_000 });
    expect((await row.locator('td').allTextContents()).slice(0, 3)).toEqual(['Every unit', '2024', '12.50']);

    const targets = await api<ApiPage<Target>>(`/api/targets?scorecard=UMG-BSC&indicator=${newId}`);
    expect(targets.items).toHaveLength(1);
    expect(targets.items[0]).toMatchObject({
      scope: 'all',
      orgUnit: null,
      period: '2024',
      target: 12.5,
      reference: 10,
      source: 'group plan',
    });

    // Edit it, then delete it: the API follows each step.
    await row.getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByTestId('target-period').isDisabled()).toBe(true);
    await page.locator('#target-target').fill('13');
    await page.getByTestId('target-save').click();
    await page.getByTestId('targets-table').getByText('13.00').waitFor();
    const edited = await api<ApiPage<Target>>(`/api/targets?scorecard=UMG-BSC&indicator=${newId}`);
    expect(edited.items.map((t) => [t.period, t.target, t.reference])).toEqual([['2024', 13, 10]]);
    await row.getByRole('button', { name: 'Delete the target for 2024' }).click();
    await page.getByTestId('empty-text').waitFor();
    expect((await api<ApiPage<Target>>(`/api/targets?scorecard=UMG-BSC&indicator=${newId}`)).items).toEqual(
      [],
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it('is keyboard operable: the tree is walked with arrow keys and Enter opens a node', async () => {
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    await treeNode(page, 'p:F').click();
    expect(await textOf(page, 'node-editor')).toContain('Perspective code');
    // Tab from the last tree button into the tree (its active node is the selected one, F); under F come its
    // two objectives (F-REVENUE, F-COST: src/demo/strategy.ts), then its first indicator: three steps down,
    // Enter selects it.
    await page.getByTestId('remove-node').focus();
    await page.keyboard.press('Tab');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('indicator-editor').waitFor();
    await expect.poll(() => page.getByTestId('indicator-id').inputValue()).toBe('medical_revenue');
    // Tab reaches the fields of the editor.
    await page.getByTestId('indicator-id').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('indicator-name-en');
    expect(errors).toEqual([]);
  }, 120_000);

  it('warns before leaving with unsaved changes', async () => {
    const { page, errors } = await openDesigner('en-US', 'UMG-BSC');
    await treeNode(page, 'p:F').click();
    await page.getByTestId('perspective-name-en').fill('Finance');
    expect(await textOf(page, 'unsaved-tag')).toBe('Unsaved changes');
    const dialog = new Promise<string>((resolve) => {
      page.once('dialog', (shown) => {
        resolve(shown.type());
        void shown.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows zh-CN labels, fits a 768 px wide screen, and asks in Chinese from when new weights hold', async () => {
    const { page, errors } = await openDesigner('zh-CN', 'UMG-BSC', { width: 768, height: 1000 });
    expect(await page.locator('#designer-title').textContent()).toBe('计分卡设计器');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['结构', '权重', '版本']);
    await treeNode(page, `i:${newId}`).click();
    expect(await textOf(page, 'formula-input-ok')).toBe(`有效。引用：${NUMERATOR}, ${DENOMINATOR}`);
    expect(await page.getByTestId('formula-editor').locator('legend').first().textContent()).toBe('计算公式');
    expect(await page.getByTestId('add-indicator').textContent()).toBe('添加指标');
    expect(await treeNode(page, `i:${newId}`).textContent()).toBe(`${newId} · 每千门诊人次出院人数`);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'designer-zh-CN.png');

    // Saving weights asks, in Chinese, from which period they hold (2024, after the published 2021–2023).
    await page.getByRole('tab', { name: '权重' }).click();
    await page.locator('#weight-perspectives-F').fill('35');
    await page.locator('#weight-perspectives-F').press('Tab');
    await page.locator('#weight-perspectives-C').fill('15');
    await page.locator('#weight-perspectives-C').press('Tab');
    await page.getByTestId('weights-save').click();
    const question = page.getByRole('dialog').filter({ has: page.getByTestId('weights-effective') });
    await question.waitFor();
    const words = await question.innerText();
    expect([words.includes('这组权重自哪个期间起生效？'), englishWords(words, [])]).toEqual([true, []]);
    expect(await page.getByTestId('weights-effective-default').getAttribute('data-period')).toBe('2024');
    await screenshot(page, 'designer-effective-zh-CN.png');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  }, 120_000);
});
