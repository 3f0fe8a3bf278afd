/**
 * Data entry and qualitative assessments end to end (issue 5), as the demo's data entry user (UMG-B1-INTM, a
 * department) unless a test says otherwise: a value typed into the grid and saved moves the score the overview
 * shows (checked against the API's own evaluation), invalid cells are never sent, a concurrent change made
 * through the API shows as a conflict that the user resolves, submit → approve makes the grid read-only (and a
 * stale page's save is refused with the lock named), and an assessment entered with evidence reaches
 * /api/assessments and the evaluation's score.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalResource } from '../../src/core/contracts/approvals.ts';
import type { Assessment } from '../../src/core/contracts/assessments.ts';
import type { Page as ApiPage } from '../../src/core/contracts/common.ts';
import type { DataValue, WriteDataValuesBody } from '../../src/core/contracts/data-values.ts';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import { DEMO, type DemoUser, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

const UNIT = 'UMG-B1-INTM';
const GRID = `/data-entry?scorecard=UMG-BSC&orgUnit=${UNIT}&period=2024`;
/**
 * The department's score on its own scorecard: on the group's UMG-BSC a department has data for 37.5 % of the
 * weight, below the 60 % minimum, so it has no total there ("insufficient data"); the department scorecard
 * (UMG-DEPT-BSC) reads the same outpatient revenue the grid writes.
 */
const DEPARTMENT_SCORECARD = 'UMG-DEPT-BSC';
const EVALUATION = `/api/evaluations?scorecard=${DEPARTMENT_SCORECARD}&orgUnit=${UNIT}&period=2024`;

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 300_000);

afterAll(async () => {
  await e2e?.close();
});

/** The grid's input for one element and month, by its accessible name ("<element> <month>"). */
const cell = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function storedValue(dataElement: string, period: string): Promise<DataValue> {
  const page = await e2e.api<ApiPage<DataValue>>(
    `/api/data-values?orgUnit=${UNIT}&dataElement=${dataElement}&period=${period}`,
    DEMO.entry,
  );
  const value = page.items[0];
  if (value === undefined) throw new Error(`no ${dataElement} ${period}`);
  return value;
}

/** The stored value of one cell, or undefined when there is none. */
async function lookUp(dataElement: string, period: string): Promise<DataValue | undefined> {
  const page = await e2e.api<ApiPage<DataValue>>(
    `/api/data-values?orgUnit=${UNIT}&dataElement=${dataElement}&period=${period}`,
    DEMO.entry,
  );
  return page.items[0];
}

/** Deletes the stored values of these elements in one period (through the API, as the admin). */
async function emptyCells(dataElements: readonly string[], period: string): Promise<void> {
  // Those already gone stay gone (a retried test finds its cells emptied).
  const found = await Promise.all(dataElements.map((code) => lookUp(code, period)));
  const values = found.filter((value) => value !== undefined);
  if (values.length === 0) return;
  const deleted = await e2e.request('POST', '/api/data-values', {
    body: { values: values.map((v) => ({ orgUnit: UNIT, dataElement: v.dataElement, period, value: null })) },
  });
  expect(deleted.status).toBe(200);
}

/** Opens the grid as `as` and waits for its cells. */
async function openGrid(
  locale: string,
  as: DemoUser = DEMO.entry,
  viewport?: { width: number; height: number },
  period = '2024',
) {
  const opened = await e2e.openPage(locale, { as, ...(viewport ? { viewport } : {}) });
  await opened.page.goto(e2e.url(GRID.replace('period=2024', `period=${period}`)));
  await opened.page.getByTestId('entry-grid').waitFor({ timeout: 20_000 });
  await opened.page.getByTestId('cell-input').first().waitFor({ timeout: 20_000 });
  return opened;
}

/** The bodies of every POST /api/data-values the page sends. */
function recordWrites(page: Page): WriteDataValuesBody[] {
  const sent: WriteDataValuesBody[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/data-values') {
      sent.push(request.postDataJSON() as WriteDataValuesBody);
    }
  });
  return sent;
}

/** Pages, a browser and a server on a shared 2-CPU machine: give each flow time. */
const FLOW = { timeout: 120_000 };

describe('data entry grid', FLOW, () => {
  it('enter a value and see the score change: the overview shows the API’s new total', async () => {
    const before = await e2e.api<EvaluationJson>(EVALUATION, DEMO.entry);
    const stored = await storedValue('outpatient_revenue', '2024-01');
    const { page, errors } = await openGrid('en-US');
    // Rows are the elements the formulas read, named as /api/data-elements names them, with unit and type.
    expect(await page.getByTestId('row-name').allTextContents()).toContain(
      'Outpatient and emergency revenue',
    );
    const input = cell(page, 'Outpatient and emergency revenue Jan 2024');
    expect(await input.inputValue()).toBe(String(stored.value));
    const typed = stored.value + 2_000_000;
    const sent = recordWrites(page);
    await input.fill(String(typed));
    expect(await input.getAttribute('data-changed')).toBe('true');
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe('Saved: 0 created, 1 updated, 0 deleted.');
    expect(await input.getAttribute('data-changed')).toBe('false');
    expect(sent).toEqual([
      {
        values: [
          {
            orgUnit: UNIT,
            dataElement: 'outpatient_revenue',
            period: '2024-01',
            value: typed,
            version: stored.version,
          },
        ],
      },
    ]);
    const saved = await storedValue('outpatient_revenue', '2024-01');
    expect([saved.value, saved.version, saved.updatedBy]).toEqual([
      typed,
      stored.version + 1,
      DEMO.entry.email,
    ]);
    await screenshot(page, 'data-entry-en.png');

    const after = await e2e.api<EvaluationJson>(EVALUATION, DEMO.entry);
    expect(after.total).not.toBeNull();
    expect(after.total?.toFixed(2)).not.toBe(before.total?.toFixed(2));
    await page.goto(e2e.url(`/overview?scorecard=${DEPARTMENT_SCORECARD}&orgUnit=${UNIT}&period=2024`));
    expect(await textOf(page, 'total-score')).toBe(after.total?.toFixed(2));
    expect(errors).toEqual([]);
  });

  it('validation: "abc" and a negative amount of money show an inline error and are never sent', async () => {
    const { page, errors } = await openGrid('en-US');
    const sent = recordWrites(page);
    const visits = cell(page, 'Outpatient and emergency visits Feb 2024');
    const money = cell(page, 'Inpatient revenue (of discharged patients) Feb 2024');
    await visits.fill('abc');
    await money.fill('-5');
    const errorsShown = page.getByTestId('cell-error');
    expect((await errorsShown.allTextContents()).sort()).toEqual([
      'An amount of money cannot be negative.',
      'Enter a number, such as 1250 or 12.5.',
    ]);
    // Each error is the input's description, so a screen reader reads it with the field.
    expect(await visits.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await visits.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Enter a number, such as 1250 or 12.5.',
    );
    expect(await textOf(page, 'invalid-count')).toBe('Cells with errors, not saved: 2');
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
    await page.keyboard.press('Control+s');
    // A valid change next to them is sent alone.
    const discharges = cell(page, 'Inpatient discharges Feb 2024');
    const stored = await storedValue('inpatient_discharges', '2024-02');
    await discharges.fill(String(stored.value + 1));
    await page.getByTestId('save').click();
    await textOf(page, 'save-result');
    expect(sent.map((body) => body.values.map((value) => value.dataElement))).toEqual([
      ['inpatient_discharges'],
    ]);
    expect(await visits.inputValue()).toBe('abc');
    expect(errors).toEqual([]);
  });

  it('keyboard: Tab moves from a cell to the next month, and Ctrl+S saves', async () => {
    const { page, errors } = await openGrid('en-US');
    const march = cell(page, 'Inpatient discharges Mar 2024');
    await march.focus();
    await page.keyboard.press('Tab'); // the cell's comment button
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
      'Inpatient discharges Apr 2024',
    );
    const stored = await storedValue('inpatient_discharges', '2024-04');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(String(stored.value + 3));
    await page.keyboard.press('Control+s');
    await textOf(page, 'save-result');
    expect((await storedValue('inpatient_discharges', '2024-04')).value).toBe(stored.value + 3);
    expect(errors).toEqual([]);
  });

  it('a comment is kept with its value', async () => {
    const { page, errors } = await openGrid('en-US');
    await page
      .getByRole('button', { name: 'Comment on Outpatient and emergency visits May 2024', exact: true })
      .click();
    await page.getByLabel('Comment', { exact: true }).fill('Includes the flu clinic');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe('Saved: 0 created, 1 updated, 0 deleted.');
    expect((await storedValue('outpatient_visits', '2024-05')).comment).toBe('Includes the flu clinic');
    expect(errors).toEqual([]);
  });

  it('a concurrent edit: the conflict shows the stored value and who stored it; keeping mine saves over it', async () => {
    const { page, errors } = await openGrid('en-US');
    const stored = await storedValue('outpatient_visits', '2024-06');
    // Someone else (the admin, through the API) changes the value after the page read it.
    const theirs = stored.value + 11;
    const change = await e2e.request('POST', '/api/data-values', {
      body: {
        values: [{ orgUnit: UNIT, dataElement: 'outpatient_visits', period: '2024-06', value: theirs }],
      },
    });
    expect(change.status).toBe(200);
    const input = cell(page, 'Outpatient and emergency visits Jun 2024');
    const mine = stored.value + 22;
    await input.fill(String(mine));
    await page.getByTestId('save').click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.getAttribute('data-cell-label')).toBe('Outpatient and emergency visits Jun 2024');
    expect(await textOf(page, 'conflict-mine')).toBe(`You typed: ${mine}`);
    const storedText = await textOf(page, 'conflict-stored');
    expect(storedText).toContain(`Stored now: ${theirs} (by ${DEMO.admin.email}, `);
    // Nothing was stored by the refused batch.
    expect((await storedValue('outpatient_visits', '2024-06')).value).toBe(theirs);
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe('Saved: 0 created, 1 updated, 0 deleted.');
    const now = await storedValue('outpatient_visits', '2024-06');
    expect([now.value, now.updatedBy]).toEqual([mine, DEMO.entry.email]);
    expect(await page.getByTestId('conflicts').count()).toBe(0);
    // The refused batch is the one expected failure.
    expect(errors.filter((error) => !error.includes('409'))).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('a concurrent edit resolved the other way: taking the stored value shows it in the cell', async () => {
    const { page, errors } = await openGrid('en-US');
    const stored = await storedValue('outpatient_visits', '2024-07');
    const theirs = stored.value + 5;
    await e2e.request('POST', '/api/data-values', {
      body: {
        values: [{ orgUnit: UNIT, dataElement: 'outpatient_visits', period: '2024-07', value: theirs }],
      },
    });
    const input = cell(page, 'Outpatient and emergency visits Jul 2024');
    await input.fill(String(stored.value + 6));
    await page.getByTestId('save').click();
    await page.getByTestId('conflict').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Take the stored value' }).click();
    await expect.poll(() => input.inputValue(), { timeout: 15_000 }).toBe(String(theirs));
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
    // The refused batch is the one expected failure.
    expect(errors.filter((error) => !error.includes('409'))).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('shows the grid in Chinese and fits 768 px: the table scrolls inside itself, not the page', async () => {
    const { page, errors } = await openGrid('zh-CN', DEMO.entry, { width: 768, height: 1024 });
    await page.getByRole('heading', { name: '数据填报' }).waitFor();
    expect(await cell(page, '门急诊人次 2024年1月').isVisible()).toBe(true);
    expect(await page.getByTestId('approval-status').textContent()).toBe('未提交');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'data-entry-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('a block pasted from Excel fills across months and down rows, reading "1,234" and full-width "１２３" (zh-CN, 1366×768)', async () => {
    // 2023: the approval test below locks 2024.
    const { items: elements } = await e2e.api<
      ApiPage<{ code: string; valueType: string; periodType: string }>
    >('/api/data-elements?limit=500', DEMO.entry);
    const opened = await e2e.openPage('zh-CN', { as: DEMO.entry, viewport: { width: 1366, height: 768 } });
    const { page, errors } = opened;
    await page.goto(e2e.url(GRID.replace('period=2024', 'period=2023')));
    await page.getByTestId('cell-input').first().waitFor({ timeout: 20_000 });
    // Two neighbouring rows that take any number (no percentage bound) in March.
    const order = [
      ...new Set(
        (
          await page
            .getByTestId('grid-cell')
            .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')))
        )
          .filter((key): key is string => key?.endsWith('/2023-03') ?? false)
          .map((key) => key.split('/')[0] ?? ''),
      ),
    ];
    const free = (code: string | undefined) =>
      elements.some((e) => e.code === code && e.valueType !== 'percentage' && e.periodType === 'month');
    const at = order.findIndex((code, i) => free(code) && free(order[i + 1]));
    const [first = '', second = ''] = [order[at], order[at + 1]];
    expect(first).not.toBe('');
    const sent = recordWrites(page);
    const input = (code: string, month: string) => page.locator(`[data-cell="${code}/${month}"] input`);
    // What Excel or WPS puts on the clipboard for a 2 × 2 block: tabs between cells, CR LF after each row.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1,234\\t１２３\\r\\n5,678\\t９\\r\\n');
      document
        .querySelector('[data-cell="${first}/2023-03"] input')
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    expect(await textOf(page, 'paste-result')).toBe('已从剪贴板填入单元格：4 个。请核对后保存。');
    expect(
      await Promise.all([
        input(first, '2023-03').inputValue(),
        input(first, '2023-04').inputValue(),
        input(second, '2023-03').inputValue(),
        input(second, '2023-04').inputValue(),
      ]),
    ).toEqual(['1,234', '１２３', '5,678', '９']);
    expect(await page.getByTestId('cell-error').count()).toBe(0);
    await page.getByTestId('save').click();
    await textOf(page, 'save-result');
    expect(sent[0]?.values.map((value) => [value.dataElement, value.period, value.value])).toEqual([
      [first, '2023-03', 1234],
      [first, '2023-04', 123],
      [second, '2023-03', 5678],
      [second, '2023-04', 9],
    ]);
    await screenshot(page, 'data-entry-paste-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('copy previous period: the selected rows’ empty cells of October take September’s values, a cell holding a value is kept, Save stores them (en, 1366×768)', async () => {
    // 2023: the approval test below locks 2024. Two rows lose their October value; a third keeps its own.
    const emptied = ['outpatient_visits', 'inpatient_discharges'];
    const september = await Promise.all(emptied.map((code) => storedValue(code, '2023-09')));
    await emptyCells(emptied, '2023-10');
    const revenue = await storedValue('outpatient_revenue', '2023-10');
    const { page, errors } = await openGrid('en-US', DEMO.entry, { width: 1366, height: 768 }, '2023-10');
    for (const name of [
      'Outpatient and emergency visits',
      'Inpatient discharges',
      'Outpatient and emergency revenue',
    ]) {
      await page.getByRole('checkbox', { name: `Select the row ${name}`, exact: true }).check();
    }
    const copy = page.getByTestId('copy-previous');
    expect(await copy.textContent()).toBe('Copy Sep 2023 into empty cells of Oct 2023 (selected rows: 3)');
    const sent = recordWrites(page);
    await copy.click();
    expect(await textOf(page, 'copy-result')).toBe(
      'Cells copied from Sep 2023: 2. Check them, then save. Cells that hold a value, kept: 1.',
    );
    const visits = cell(page, 'Outpatient and emergency visits Oct 2023');
    expect(await visits.inputValue()).toBe(String(september[0]?.value));
    expect(await visits.getAttribute('data-copied')).toBe('true');
    expect(await cell(page, 'Inpatient discharges Oct 2023').inputValue()).toBe(String(september[1]?.value));
    const kept = cell(page, 'Outpatient and emergency revenue Oct 2023');
    expect([await kept.inputValue(), await kept.getAttribute('data-copied')]).toEqual([
      String(revenue.value),
      'false',
    ]);
    // Nothing is stored until Save, which sends the two copies in one batch.
    expect(await lookUp('outpatient_visits', '2023-10')).toBeUndefined();
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe('Saved: 2 created, 0 updated, 0 deleted.');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.values.map((value) => [value.dataElement, value.period, value.value]).sort()).toEqual(
      emptied.map((code, i) => [code, '2023-10', september[i]?.value]).sort(),
    );
    expect(await visits.getAttribute('data-copied')).toBe('false');
    for (const [i, code] of emptied.entries()) {
      expect((await storedValue(code, '2023-10')).value).toBe(september[i]?.value);
    }
    expect(errors).toEqual([]);
  });

  it('copy previous period with no row selected fills every row’s empty cell of the month (zh-CN, 1366×768)', async () => {
    const emptied = ['outpatient_visits', 'inpatient_discharges'];
    await emptyCells(emptied, '2023-12');
    const { page, errors } = await openGrid('zh-CN', DEMO.entry, { width: 1366, height: 768 }, '2023-12');
    // What the copy should do, from the API: each monthly row of the grid with an empty December and a November.
    const rows = (
      await page
        .getByTestId('grid-cell')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')))
    )
      .filter((key): key is string => key?.endsWith('/2023-12') ?? false)
      .map((key) => key.split('/')[0] ?? '');
    const stored = await e2e.api<ApiPage<DataValue>>(
      `/api/data-values?orgUnit=${UNIT}&from=2023-11&to=2023-12&limit=1000`,
      DEMO.entry,
    );
    const has = (code: string, period: string) =>
      stored.items.some((v) => v.dataElement === code && v.period === period);
    const filled = rows.filter((code) => !has(code, '2023-12') && has(code, '2023-11'));
    const held = rows.filter((code) => has(code, '2023-12') && has(code, '2023-11'));
    expect(filled).toEqual(expect.arrayContaining(emptied));
    const copy = page.getByTestId('copy-previous');
    expect(await copy.textContent()).toBe('将2023年11月的数值复制到2023年12月的空单元格');
    await copy.click();
    expect(await textOf(page, 'copy-result')).toBe(
      `已从2023年11月复制单元格：${filled.length} 个。请核对后保存。${
        held.length > 0 ? ` 已有数值的单元格保持不变：${held.length} 个。` : ''
      }`,
    );
    const copied = await page
      .locator('[data-copied="true"]')
      .evaluateAll((inputs) =>
        inputs.map((input) => input.closest('[data-cell]')?.getAttribute('data-cell')),
      );
    expect(copied.sort()).toEqual(filled.map((code) => `${code}/2023-12`).sort());
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe(
      `已保存：新增 ${filled.length} 个，更新 0 个，删除 0 个。`,
    );
    for (const code of emptied) {
      expect((await storedValue(code, '2023-12')).value).toBe((await storedValue(code, '2023-11')).value);
    }
    await screenshot(page, 'data-entry-copy-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('a month’s approval locks that month only on screen: November read-only once submitted and approved, October and December still editable (en, 1366×768)', async () => {
    const { page, errors } = await openGrid('en-US', DEMO.entry, { width: 1366, height: 768 }, '2023-11');
    const november = cell(page, 'Outpatient and emergency visits Nov 2023');
    const december = cell(page, 'Outpatient and emergency visits Dec 2023');
    expect(await november.getAttribute('readonly')).toBeNull();
    await page.getByTestId('approval-submit').click();
    // Submitted: November waits for the approver, read-only; no other column is locked.
    // (The table draws its headings twice, once to measure them: the first is the one shown.)
    await page
      .locator('[data-testid="column-lock"][data-column="2023-11"][data-status="submitted"]')
      .first()
      .waitFor();
    expect(await november.getAttribute('readonly')).not.toBeNull();
    const approved = await e2e.request('POST', '/api/approvals/approve', {
      as: DEMO.approver,
      body: { scorecard: 'UMG-BSC', orgUnit: UNIT, period: '2023-11', acknowledgeViolations: true },
    });
    expect(approved.status).toBe(200);
    await page.reload();
    await page
      .locator('[data-testid="column-lock"][data-column="2023-11"][data-status="approved"]')
      .first()
      .waitFor();
    const lockedColumns = await page
      .getByTestId('column-lock')
      .evaluateAll((locks) => locks.map((l) => l.getAttribute('data-column')));
    expect([...new Set(lockedColumns)]).toEqual(['2023-11']);
    expect(await november.getAttribute('readonly')).not.toBeNull();
    expect(await cell(page, 'Outpatient and emergency visits Oct 2023').getAttribute('readonly')).toBeNull();
    expect(await december.getAttribute('readonly')).toBeNull();
    // December saves; the server refuses November, as the screen says.
    const stored = await storedValue('outpatient_visits', '2023-12');
    await december.fill(String(stored.value + 1));
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe('Saved: 0 created, 1 updated, 0 deleted.');
    expect((await storedValue('outpatient_visits', '2023-12')).value).toBe(stored.value + 1);
    const refused = await e2e.request('POST', '/api/data-values', {
      as: DEMO.entry,
      body: { values: [{ orgUnit: UNIT, dataElement: 'outpatient_visits', period: '2023-11', value: 1 }] },
    });
    expect(refused.status).toBe(409);
    expect(errors).toEqual([]);
  });

  it('submit for approval as entry, approve as the approver: the grid becomes read-only, a stale page’s save is refused, a reopen with a reason unlocks it, and resubmitting clears the reason', async () => {
    const entry = await openGrid('en-US');
    const stale = await openGrid('en-US');
    expect(await textOf(entry.page, 'approval-status')).toBe('Not submitted');
    // The entry user may submit, not approve.
    expect(await entry.page.getByTestId('approval-approve').count()).toBe(0);
    await entry.page.getByTestId('approval-submit').click();
    await entry.page.locator('[data-testid="approval-status"][data-status="submitted"]').waitFor();
    expect(await textOf(entry.page, 'approval-by')).toContain(`by ${DEMO.entry.email}`);

    const approver = await openGrid('en-US', DEMO.approver);
    expect(await textOf(approver.page, 'approval-status')).toBe('Submitted');
    await approver.page.getByTestId('approval-approve').click();
    await approver.page.locator('[data-testid="approval-status"][data-status="approved"]').waitFor();
    const approvals = await e2e.api<ApiPage<ApprovalResource>>(
      `/api/approvals?scorecard=UMG-BSC&orgUnit=${UNIT}&period=2024`,
      DEMO.entry,
    );
    expect(approvals.items.map((a) => [a.status, a.submittedBy, a.decidedBy])).toEqual([
      ['approved', DEMO.entry.email, DEMO.approver.email],
    ]);

    // Reloaded, the entry user's grid is read-only with a notice.
    await entry.page.reload();
    await entry.page.getByTestId('locked-notice').waitFor({ timeout: 15_000 });
    const locked = cell(entry.page, 'Outpatient and emergency visits Aug 2024');
    expect(await locked.getAttribute('readonly')).not.toBeNull();
    expect(await entry.page.getByTestId('save').isDisabled()).toBe(true);
    expect(await entry.page.getByTestId('approval-submit').count()).toBe(0);

    // A page loaded before the approval still tries: the server's 409 names the approval and the grid locks.
    await cell(stale.page, 'Outpatient and emergency visits Aug 2024').fill('1');
    await stale.page.getByTestId('save').click();
    expect(await textOf(stale.page, 'lock-error')).toContain(`approved by ${DEMO.approver.email}`);
    expect(
      await cell(stale.page, 'Outpatient and emergency visits Aug 2024').getAttribute('readonly'),
    ).not.toBeNull();
    expect((await storedValue('outpatient_visits', '2024-08')).value).not.toBe(1);

    // The approver reopens, saying why: the grid is editable again and the reason is shown.
    await approver.page.getByTestId('approval-reopen').click();
    await approver.page.getByLabel('Why is the data reopened?').fill('March visits were double counted');
    await approver.page.getByRole('button', { name: 'Reopen', exact: true }).last().click();
    await approver.page.locator('[data-testid="approval-status"][data-status="reopened"]').waitFor();
    await entry.page.reload();
    expect(await textOf(entry.page, 'approval-reason')).toBe('Reason: March visits were double counted');
    expect(
      await cell(entry.page, 'Outpatient and emergency visits Aug 2024').getAttribute('readonly'),
    ).toBeNull();
    expect(await entry.page.getByTestId('locked-notice').count()).toBe(0);
    expect(await entry.page.getByTestId('approval-submit').isVisible()).toBe(true);

    // Resubmitted, the bar no longer shows the reopen reason (issue 17).
    await entry.page.getByTestId('approval-submit').click();
    await entry.page.locator('[data-testid="approval-status"][data-status="submitted"]').waitFor();
    expect(await entry.page.getByTestId('approval-reason').count()).toBe(0);

    expect(entry.errors).toEqual([]);
    expect(approver.errors).toEqual([]);
    // The refused save is the one expected failure of the stale page.
    expect(stale.errors.filter((error) => !error.includes('409'))).toEqual([]);
  });
});

/** A scorecard with qualitative indicators over the UMG group (the demo's UMG-BSC has none), made as a user would. */
const QUALITATIVE = {
  format: 'healthbsc/scorecard@1',
  code: 'UMG-QUAL',
  name: { en: 'Community and dignity', zh: '社区与尊严' },
  scoring: {
    ratingBands: [
      { code: 'strong', min: 75, label: { en: 'Strong', zh: '强' } },
      { code: 'fair', min: 50, label: { en: 'Fair', zh: '中' } },
      { code: 'weak', min: 0, label: { en: 'Weak', zh: '弱' } },
    ],
  },
  perspectives: [
    {
      id: 'S',
      name: { en: 'Social', zh: '社会' },
      indicators: [
        {
          id: 'Q1',
          name: { en: 'Community outreach', zh: '社区外展' },
          kind: 'qualitative',
          description: 'Health talks and free clinics held in the service area.',
        },
        { id: 'Q2', name: { en: 'Patient dignity', zh: '患者尊严' }, kind: 'qualitative' },
      ],
    },
  ],
  weights: { perspectives: { manual: { S: 1 } }, indicators: { S: { manual: { Q1: 0.75, Q2: 0.25 } } } },
};
const ASSESS = `/assessments?scorecard=UMG-QUAL&orgUnit=${UNIT}&period=2024`;
const QUAL_EVALUATION = `/api/evaluations?scorecard=UMG-QUAL&orgUnit=${UNIT}&period=2024`;

async function openAssessments(locale = 'en-US', as: DemoUser = DEMO.entry, path = ASSESS) {
  const opened = await e2e.openPage(locale, { as });
  await opened.page.goto(e2e.url(path));
  await opened.page.getByTestId('assessment-card').first().waitFor({ timeout: 20_000 });
  return opened;
}

describe('qualitative assessments', FLOW, () => {
  beforeAll(async () => {
    const created = await e2e.request('POST', '/api/scorecards', { body: QUALITATIVE });
    expect(created.status).toBe(201);
    const assigned = await e2e.request('PUT', '/api/scorecards/UMG-QUAL/org-units', {
      body: { orgUnits: [{ orgUnit: 'UMG', includeDescendants: true }] },
    });
    expect(assigned.status).toBe(200);
  });

  it('says so when the scorecard has no qualitative indicator (the demo’s UMG-BSC)', async () => {
    const { page, errors } = await e2e.openPage('en-US', { as: DEMO.entry });
    await page.goto(e2e.url(`/assessments?scorecard=UMG-BSC&orgUnit=${UNIT}&period=2024`));
    expect(await textOf(page, 'empty-text')).toContain('has no qualitative indicator');
    expect(errors).toEqual([]);
  });

  it('an assessment entered with evidence shows up in /api/assessments and in the evaluation’s score', async () => {
    const before = await e2e.api<EvaluationJson>(QUAL_EVALUATION, DEMO.entry);
    const { page, errors } = await openAssessments();
    const card = page.locator('[data-testid="assessment-card"][data-indicator="Q1"]');
    // The file's own bands, highest first, with their score ranges.
    expect(await card.getByTestId('rating-band').allTextContents()).toEqual([
      'Strong 75 to 100',
      'Fair 50 to below 75',
      'Weak 0 to below 50',
    ]);
    expect(await card.textContent()).toContain('Health talks and free clinics held in the service area.');
    await card.getByLabel('Your score (0–100)').fill('82');
    await card.getByLabel('Evidence').fill('Twelve health talks; two free clinics.');
    await page.getByTestId('save').click();
    expect(await textOf(page, 'save-result')).toBe('Saved: 1 changed.');

    const stored = await e2e.api<ApiPage<Assessment>>(
      `/api/assessments?scorecard=UMG-QUAL&orgUnit=${UNIT}&period=2024`,
      DEMO.entry,
    );
    expect(stored.items.map((a) => [a.indicator, a.rater, a.score, a.evidence])).toEqual([
      ['Q1', DEMO.entry.email, 82, 'Twelve health talks; two free clinics.'],
    ]);
    const after = await e2e.api<EvaluationJson>(QUAL_EVALUATION, DEMO.entry);
    const q1 = after.perspectives[0]?.indicators.find((indicator) => indicator.id === 'Q1');
    expect([q1?.actual, q1?.actualSource]).toEqual([82, 'ratings']);
    expect(after.total).toBeCloseTo(82, 10);
    expect(after.total).not.toBe(before.total);
    // The page shows the evaluation's mean rating once it is read again.
    expect(await card.getByTestId('evaluated-score').textContent()).toBe('82.00');
    expect(errors).toEqual([]);
  });

  it('a concurrent change to the rater’s own assessment shows as a conflict; taking the stored one keeps it', async () => {
    const { page, errors } = await openAssessments();
    const card = page.locator('[data-testid="assessment-card"][data-indicator="Q1"]');
    expect(await card.getByLabel('Your score (0–100)').inputValue()).toBe('82');
    const change = await e2e.request('POST', '/api/assessments', {
      body: {
        assessments: [
          {
            scorecard: 'UMG-QUAL',
            indicator: 'Q1',
            orgUnit: UNIT,
            period: '2024',
            rater: DEMO.entry.email,
            score: 64,
          },
        ],
      },
    });
    expect(change.status).toBe(200);
    await card.getByLabel('Your score (0–100)').fill('90');
    await page.getByTestId('save').click();
    await card.getByTestId('assessment-conflict').waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('conflict-mine').textContent()).toBe('Your score: 90');
    expect(await card.getByTestId('conflict-stored').textContent()).toContain(
      `Stored now: 64 (by ${DEMO.admin.email}, `,
    );
    await card.getByRole('button', { name: 'Take the stored one' }).click();
    expect(await card.getByLabel('Your score (0–100)').inputValue()).toBe('64');
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
    expect(errors.filter((error) => !error.includes('409'))).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('shows AZ Hospital’s qualitative indicators with seed 002’s bands and the recorded ratings', async () => {
    const { page, errors } = await openAssessments(
      'en-US',
      DEMO.admin,
      '/assessments?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    const stored = await e2e.api<ApiPage<Assessment>>(
      '/api/assessments?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016&limit=1000',
    );
    const rated = new Set(stored.items.map((a) => a.indicator));
    const cards = await page
      .getByTestId('assessment-card')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-indicator')));
    expect(cards).toContain('C1');
    expect(cards.filter((id) => id !== null && rated.has(id)).length).toBe(rated.size);
    expect(await page.getByTestId('other-assessment').count()).toBe(stored.items.length);
    expect(await page.getByTestId('rating-band').first().textContent()).toBe('Very good 90 to 100');
    await screenshot(page, 'assessments-en.png');
    expect(errors).toEqual([]);
  });
});
