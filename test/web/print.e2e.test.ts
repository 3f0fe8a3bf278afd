/**
 * Printing the scorecard page (issue 15 §2, "Must show"): Chromium's `page.pdf()` of AZ Hospital's 2016
 * scorecard in print media, its text read with `pdftotext` (Debian's poppler-utils, which `.ci/run` installs):
 * the title naming the selection, every perspective's indicators, each perspective on a page of its own, and
 * none of the navigation (the menu's entries, the header's language switch).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import en from '../../src/web/locales/en.json' with { type: 'json' };
import zh from '../../src/web/locales/zh-CN.json' with { type: 'json' };
import { type E2e, startE2e } from './e2e-harness.ts';

const run = promisify(execFile);
const KEY = 'scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016';

interface Printed {
  readonly text: string;
  readonly pages: number;
}

describe('printing the scorecard page', () => {
  let e2e: E2e;
  let evaluation: EvaluationJson;
  let dir: string;

  beforeAll(async () => {
    e2e = await startE2e();
    evaluation = await e2e.api<EvaluationJson>(`/api/evaluations?${KEY}`);
    dir = await mkdtemp(join(tmpdir(), 'healthbsc-print-'));
  }, 400_000);
  afterAll(async () => {
    await e2e?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function print(locale: 'en-US' | 'zh-CN'): Promise<Printed> {
    const { page, errors } = await e2e.openPage(locale);
    await page.goto(e2e.url(`/scorecard?${KEY}`));
    const tables = page.locator('[data-testid^="indicator-table-"]');
    await tables.first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByTestId('print-title').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = join(dir, `scorecard-${locale}.pdf`);
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    expect(errors).toEqual([]);
    return { text: stdout, pages: stdout.split('\f').filter((p) => p.trim() !== '').length };
  }

  it('prints every indicator of every perspective under a title, in English', async () => {
    const printed = await print('en-US');
    const names = evaluation.perspectives.flatMap((p) => [p.name.en, ...p.indicators.map((i) => i.name.en)]);
    const missing = names.filter((name) => !printed.text.replace(/\s+/g, ' ').includes(name.slice(0, 20)));
    expect([missing, printed.text.includes('HealthBSC ·')]).toEqual([[], true]);
  });

  it('starts each perspective on a page of its own', async () => {
    const printed = await print('en-US');
    expect(printed.pages).toBeGreaterThanOrEqual(evaluation.perspectives.length);
  });

  it('leaves the navigation out, in English', async () => {
    const printed = await print('en-US');
    const nav = [en.nav.dataEntry, en.nav.designer, en.nav.imports, en.nav.surveys];
    expect(nav.filter((label) => printed.text.includes(label))).toEqual([]);
  });

  it('prints the tables and leaves the navigation out, in Chinese', async () => {
    const printed = await print('zh-CN');
    const flat = printed.text.replace(/\s+/g, '');
    const perspectives = evaluation.perspectives.map((p) => (p.name.zh ?? p.name.en).replace(/\s+/g, ''));
    const nav = [zh.nav.dataEntry, zh.nav.designer, zh.nav.imports, zh.nav.surveys];
    expect({
      missing: perspectives.filter((name) => !flat.includes(name)),
      nav: nav.filter((label) => flat.includes(label)),
    }).toEqual({ missing: [], nav: [] });
  });
});
