/**
 * The zh-CN crawl: signed in as each demo role with a browser that prefers Chinese, every page of the side menu
 * shows no text of the English catalog and no raw code (zh-crawl-words.ts says what counts). In English, the
 * overview and the scorecard show no raw code either (a reason an indicator has no value, say). One server, one
 * browser (e2e-harness.ts); each page at 1366×768.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type DemoUser, type E2e, startE2e } from './e2e-harness.ts';
import { appNeedles, findOffences, type Offence } from './zh-crawl-words.ts';

/**
 * What a page may show though it looks like English or a code: each with why.
 */
const ALLOWED: readonly string[] = [
  // The language switch names each language in its own language, so a reader of the other one finds it.
  'English',
];

const VIEWPORT = { width: 1366, height: 768 };
const needles = appNeedles();

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 300_000);

afterAll(async () => {
  await e2e?.close();
});

/**
 * The visible texts of the page: text nodes, and the placeholders, titles and labels of visible elements. Run in
 * the page, so written as a string (the test's TypeScript has no DOM types).
 */
const VISIBLE_TEXTS = `(() => {
  const shown = (element) =>
    element.closest('script, style, noscript, [aria-hidden="true"]') === null &&
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.parentElement !== null && shown(node.parentElement)) texts.push(node.textContent ?? '');
  }
  for (const element of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    // Ant Design's icons label themselves by the icon's name (aria-label="menu-fold"): not text a reader sees.
    if (!shown(element) || element.closest('.anticon') !== null) continue;
    for (const name of ['placeholder', 'title', 'aria-label']) {
      const value = element.getAttribute(name);
      if (value !== null) texts.push(value);
    }
  }
  return texts;
})()`;

async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(VISIBLE_TEXTS);
}

/** Opens a path and waits until the page has loaded its data. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(e2e.url(path));
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

/** The paths of the side menu the signed-in user sees. */
async function menuPaths(page: Page): Promise<string[]> {
  const links = page.locator('[data-testid^="nav-"]');
  await links.first().waitFor();
  const ids = await Promise.all((await links.all()).map((link) => link.getAttribute('data-testid')));
  return ids.map((id) => `/${(id ?? '').slice('nav-'.length)}`);
}

async function crawl(
  user: DemoUser,
  locale: string,
  only?: readonly string[],
): Promise<Record<string, Offence[]>> {
  const { page } = await e2e.openPage(locale, { as: user, viewport: VIEWPORT });
  await visit(page, '/');
  const found: Record<string, Offence[]> = {};
  for (const path of only ?? (await menuPaths(page))) {
    // The side menu keeps the selection (scorecard, unit, period) in the query string.
    const link = page.getByTestId(`nav-${path.slice(1)}`);
    await link.click();
    await page.waitForURL((url) => url.pathname === path);
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    const offences = findOffences(await visibleTexts(page), needles, ALLOWED);
    if (offences.length > 0) found[path] = offences;
  }
  await page.close();
  return found;
}

describe('every page in zh-CN shows Chinese', () => {
  it.each(Object.entries(DEMO))(
    'as the %s',
    async (_, user) => {
      expect(await crawl(user, 'zh-CN')).toEqual({});
    },
    300_000,
  );
});

it('shows no raw code in English on the overview and the scorecard', async () => {
  const offences = await crawl(DEMO.admin, 'en-US', ['/overview', '/scorecard']);
  expect(
    Object.values(offences)
      .flat()
      .filter((o) => o.kind === 'raw-code'),
  ).toEqual([]);
}, 300_000);
