/**
 * The web app end to end: the real server (startServer, PGlite in a temp directory, the demo, the built app)
 * and Debian's Chromium. Numbers on screen are checked against the API's own JSON for the same view: seed 002's
 * AZ Hospital 2016 (V = 92.57, "Very good" / "优秀", five perspective scores) and the demo group's 2024 ranking.
 * Every /api route needs a session: one test signs in through the sign-in page; the others sign in once through
 * `POST /api/session` and give the session cookie to each browser context and to `api()`.
 * Screenshots of the main pages go to artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { RankingJson } from '../../src/core/contracts/rankings.ts';
import { DEMO, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

const AZ = '/overview?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016';
const UMG_COMPARISON = '/comparison?scorecard=UMG-BSC&orgUnit=UMG&period=2024';
const ADMIN = DEMO.admin;
const SESSION_COOKIE = 'healthbsc_session';

let e2e: E2e;
const api = <T>(path: string) => e2e.api<T>(path);
/** A fresh page preferring `locale`, signed in as the admin unless `signedIn` is false. */
const openPage = (locale: string, viewport?: { width: number; height: number }, signedIn = true) =>
  e2e.openPage(locale, { ...(viewport ? { viewport } : {}), as: signedIn ? DEMO.admin : null });

async function perspectiveScores(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('perspective-score').first().waitFor({ timeout: 15_000 });
  return page.$$eval('[data-testid="perspective-score"]', (items) =>
    Object.fromEntries(
      items.map((item) => [
        item.getAttribute('data-perspective') ?? '',
        item.querySelector('[data-testid="perspective-score-value"]')?.textContent?.trim() ?? '',
      ]),
    ),
  );
}

function expectedScores(evaluation: EvaluationJson): Record<string, string> {
  return Object.fromEntries(
    evaluation.perspectives.map((p) => [p.id, p.score === null ? '—' : p.score.toFixed(2)]),
  );
}

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

describe('serving', () => {
  it('serves index.html at / and for client routes, uncached, with a CSP that allows no inline script', async () => {
    for (const path of ['/', '/overview', '/comparison?scorecard=UMG-BSC']) {
      const response = await fetch(`${e2e.server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(response.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('caches the hashed assets for a year and leaves /api and missing files to the 404 problem', async () => {
    const html = await (await fetch(`${e2e.server.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const asset = await fetch(`${e2e.server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/api/nope', '/assets/missing-0000.js']) {
      const response = await fetch(`${e2e.server.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toEqual({
        type: 'not-found',
        title: 'Not found',
        status: 404,
        code: 'request.no-route',
        params: { method: 'GET', path },
        detail: `There is no route GET ${path}.`,
        issues: [],
      });
    }
  });
});

describe('signing in', () => {
  it('sends a visitor to the sign-in page, signs in as the demo admin through the form, goes back to the page and signs out', async () => {
    const { page, errors } = await openPage('en-US', undefined, false);
    let pageLoads = 0;
    page.on('request', (request) => {
      if (request.resourceType() === 'document') pageLoads += 1;
    });
    await page.goto(`${e2e.server.url}${AZ}`);
    await page.getByTestId('sign-in-form').waitFor({ timeout: 15_000 });
    const url = new URL(page.url());
    // The app, loaded once, shows the form itself: no second page load for the redirect.
    expect([url.pathname, url.searchParams.get('next'), pageLoads]).toEqual(['/sign-in', AZ, 1]);
    // The server is a demo: its accounts are offered, the admin first (README.md, "Accounts and demo users").
    expect(await page.getByTestId('demo-accounts').locator('code').first().textContent()).toBe(ADMIN.email);
    await page.getByTestId('sign-in-email').fill(ADMIN.email);
    await page.getByTestId('sign-in-password').fill(ADMIN.password);
    await page.getByTestId('sign-in-submit').click();
    expect(await textOf(page, 'total-score')).toBe('92.57');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(AZ);
    expect(await textOf(page, 'account-menu')).toBe(ADMIN.email);
    // Signing out is a DELETE, so it also proves the CSRF header is sent (403 without it).
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-form').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
    // The browser logs the 401s that sent it to the sign-in page, and leaving a page may abort the requests
    // still in flight; nothing else may fail.
    expect(errors.filter((error) => !error.includes('401') && !error.endsWith('net::ERR_ABORTED'))).toEqual(
      [],
    );
  });

  it('shows the server’s answer to a wrong password', async () => {
    const { page } = await openPage('en-US', undefined, false);
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill('viewer@demo.healthbsc');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('Wrong email or password.');
  });
});

describe('overview', () => {
  it('opens AZ Hospital 2016 from / and shows V = 92.57, "Very good" and the API’s five perspective scores', async () => {
    const evaluation = await api<EvaluationJson>(
      '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}/`);
    expect(await textOf(page, 'total-score')).toBe('92.57');
    expect(evaluation.total?.toFixed(2)).toBe('92.57');
    expect(await textOf(page, 'rating')).toBe('Very good');
    expect(await perspectiveScores(page)).toEqual(expectedScores(evaluation));
    expect(Object.values(expectedScores(evaluation))).toEqual(['91.93', '87.97', '98.33', '92.17', '88.62']);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(AZ);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Overview');
    await page.getByTestId('demo-banner').waitFor();
    await screenshot(page, 'overview-en.png');
    expect(errors).toEqual([]);
  });

  it('shows the data status: approval, sub-units awaiting approval and missing values, as the API has them', async () => {
    const path = '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024';
    const submitted = await e2e.request('POST', '/api/approvals/submit', {
      body: { scorecard: 'UMG-BSC', orgUnit: 'UMG-B1', period: '2024' },
    });
    expect(submitted.status).toBe(200);
    const evaluation = await api<EvaluationJson>(path);
    const units = await api<{ items: { code: string; parent: string | null }[] }>(
      '/api/org-units?limit=1000',
    );
    const children = units.items.filter((unit) => unit.parent === 'UMG').length;
    const missing = evaluation.perspectives.flatMap((p) => p.indicators).filter((i) => i.actual === null);
    const total = evaluation.perspectives.flatMap((p) => p.indicators).length;
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}/overview?scorecard=UMG-BSC&orgUnit=UMG&period=2024`);
    expect(await textOf(page, 'approval-status')).toBe('Not submitted');
    expect(evaluation.approval?.status).toBe('none');
    expect(await textOf(page, 'sub-unit-approvals')).toBe(
      `0 of ${children} approved · 1 awaiting approval · ${children - 1} not submitted`,
    );
    expect(children).toBe(5);
    expect(await textOf(page, 'missing-count')).toBe(
      `${missing.length} of ${total} indicators have no value`,
    );
    expect(errors).toEqual([]);
  });

  it('switches to Chinese: the same numbers, Chinese labels, and the choice remembered', async () => {
    const evaluation = await api<EvaluationJson>(
      '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}${AZ}`);
    expect(await textOf(page, 'total-score')).toBe('92.57');
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByRole('heading', { name: '总览' }).waitFor();
    expect(await textOf(page, 'total-score')).toBe('92.57');
    expect(await textOf(page, 'rating')).toBe('优秀');
    expect(await perspectiveScores(page)).toEqual(expectedScores(evaluation));
    expect(await page.getByText('财务维度').first().isVisible()).toBe(true);
    expect(
      await page.evaluate("[document.documentElement.lang, localStorage.getItem('healthbsc.language')]"),
    ).toEqual(['zh-CN', 'zh-CN']);
    await page.reload();
    await page.getByRole('heading', { name: '总览' }).waitFor();
    await screenshot(page, 'overview-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('starts in Chinese when the browser prefers Chinese', async () => {
    const { page, errors } = await openPage('zh-CN');
    await page.goto(`${e2e.server.url}${AZ}`);
    await page.getByRole('heading', { name: '总览' }).waitFor();
    expect(await textOf(page, 'rating')).toBe('优秀');
    expect(errors).toEqual([]);
  });

  it('fits a tablet: the menu moves above the page and nothing scrolls sideways', async () => {
    const { page, errors } = await openPage('en-US', { width: 768, height: 1024 });
    await page.goto(`${e2e.server.url}${AZ}`);
    expect(await textOf(page, 'total-score')).toBe('92.57');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Comparison' }).isVisible()).toBe(
      true,
    );
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'overview-tablet.png');
    expect(errors).toEqual([]);
  });

  it('can be used from the keyboard: the first Tab reaches the skip link, which moves focus to the page', async () => {
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}${AZ}`);
    await textOf(page, 'total-score');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    expect(errors).toEqual([]);
  });
});

describe('scorecard', () => {
  it('lists AZ Hospital’s indicators by perspective with actual, target, quantified value and status', async () => {
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}${AZ.replace('/overview', '/scorecard')}`);
    const table = page.getByTestId('indicator-table-F');
    await table.waitFor({ timeout: 15_000 });
    const firstRows = await table
      .locator('tbody tr[data-row-key]')
      .evaluateAll((rows) =>
        rows
          .slice(0, 3)
          .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')),
      );
    // Seed 002 Table 4.1x: F1 7.2 vs 6.9 (met), F2 1.80 vs 2.00 (0.9: watch), F3 16.0 % vs 20.0 % (0.8: off track).
    expect(firstRows.map((cells) => [cells[1], cells[2], cells[4], cells[7]])).toEqual([
      ['7.2', '6.9', '1.00', 'On target'],
      ['1.80', '2.00', '0.90', 'Watch'],
      ['16.0', '20.0', '0.80', 'Off track'],
    ]);
    expect(await page.locator('[data-testid^="indicator-table-"]').count()).toBe(5);
    await screenshot(page, 'scorecard-en.png');
    expect(errors).toEqual([]);
  });
});

describe('comparison', () => {
  it('ranks the demo group’s hospitals for 2024 as /api/rankings does, the head hospital highlighted', async () => {
    const ranking = await api<RankingJson>(
      '/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024',
    );
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}${UMG_COMPARISON}`);
    const rows = page.getByTestId('ranking-table').locator('tbody tr[data-row-key]');
    await rows.first().waitFor({ timeout: 15_000 });
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-row-key'),
        head: tr.classList.contains('row-head'),
        cells: [...tr.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
      })),
    );
    expect(shown).toEqual(
      ranking.items.map((item) => ({
        key: item.orgUnit,
        head: item.role === 'head',
        cells: [
          String(item.rank),
          item.name.en,
          item.role === 'head' ? 'Head hospital' : 'Branch',
          item.evaluation.total?.toFixed(2),
          item.evaluation.ratingLabel?.en,
          `${((item.evaluation.weightCoverage ?? 0) * 100).toFixed(1)}%`,
        ],
      })),
    );
    expect(ranking.items).toHaveLength(5);
    await page.getByTestId('comparison-heatmap').waitFor();
    expect(await page.getByTestId('comparison-heatmap').getAttribute('aria-label')).toBe(
      'Heatmap of 5 units by 10 indicators, coloured by status',
    );
    await screenshot(page, 'comparison-en.png');
    expect(errors).toEqual([]);
  });

  it('renders the branch comparison in Chinese: the same ranking, Chinese labels', async () => {
    const ranking = await api<RankingJson>(
      '/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024',
    );
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(`${e2e.server.url}${UMG_COMPARISON}`);
    await page.getByRole('heading', { name: '对比' }).waitFor({ timeout: 15_000 });
    const rows = page.getByTestId('ranking-table').locator('tbody tr[data-row-key]');
    await rows.first().waitFor({ timeout: 15_000 });
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
    expect(shown.map((cells) => [cells[0], cells[3], cells[4]])).toEqual(
      ranking.items.map((item) => [
        String(item.rank),
        item.evaluation.total?.toFixed(2),
        item.evaluation.ratingLabel?.zh ?? item.evaluation.ratingLabel?.en,
      ]),
    );
    expect(await page.getByTestId('comparison-heatmap').getAttribute('aria-label')).toBe(
      '5 个机构 × 10 项指标的热力图，按状态着色',
    );
    await screenshot(page, 'comparison-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('says so when the unit has no sub-units (AZ Hospital)', async () => {
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}${AZ.replace('/overview', '/comparison')}`);
    expect(await textOf(page, 'empty-text')).toBe('AZ Hospital has no sub-units to compare.');
    expect(errors).toEqual([]);
  });
});

describe('errors', () => {
  it('shows the server’s problem for an unknown scorecard, with a retry button', async () => {
    const { page, errors } = await openPage('en-US');
    await page.goto(`${e2e.server.url}/overview?scorecard=NOPE&orgUnit=AZ&period=2016`);
    const panel = page.getByTestId('error-state');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.getAttribute('role')).toBe('alert');
    expect(await panel.textContent()).toContain('Not found');
    expect(await panel.textContent()).toContain("There is no scorecard 'NOPE'.");
    expect(await panel.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    // The browser logs the 404 response itself; nothing else may fail.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
  });
});
