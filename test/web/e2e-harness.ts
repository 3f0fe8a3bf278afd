/**
 * What every end-to-end test file of the web app shares: the real server (startServer, PGlite in a temporary
 * directory, the demo, the built app on port 0), Debian's Chromium, sign-in over HTTP as any demo user
 * (README.md, "Accounts and demo users"), pages that fail the test on console errors, calls to the API as a
 * user, and screenshots in artifacts/screenshots/.
 *
 * Each test file starts its own server and browser (`startE2e()` in beforeAll, `close()` in afterAll), so a
 * file that changes data (enters a value, imports a file) cannot disturb another. The server starts on a copy of
 * the demo database that `e2e-global-setup.ts` loads once for the whole run.
 *
 * @example
 * let e2e: E2e;
 * beforeAll(async () => { e2e = await startE2e(); }, 180_000);
 * afterAll(() => e2e?.close());
 * it('…', async () => {
 *   const { page, errors } = await e2e.openPage('en-US', { as: DEMO.entry });
 *   await page.goto(e2e.url('/data-entry'));
 * });
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ensureWebBuild, PACKAGE_ROOT } from '../../scripts/ensure-web-build.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/core/contracts/accounts.ts';
import { loadConfig } from '../../src/server/config.ts';
import { DEFAULT_WEB_ROOT, type RunningServer, startServer } from '../../src/server/start-server.ts';
import { launchChromium } from './chromium.ts';

export const SCREENSHOTS = join(PACKAGE_ROOT, 'artifacts/screenshots');

export interface DemoUser {
  readonly email: string;
  readonly password: string;
}

/** The demo accounts (src/server/accounts/demo-users.ts; README.md lists them). */
export const DEMO = {
  admin: { email: 'admin@demo.healthbsc', password: 'demo-admin-2026' },
  strategist: { email: 'strategist@demo.healthbsc', password: 'demo-strategist-2026' },
  steward: { email: 'steward@demo.healthbsc', password: 'demo-steward-2026' },
  entry: { email: 'entry@demo.healthbsc', password: 'demo-entry-2026' },
  approver: { email: 'approver@demo.healthbsc', password: 'demo-approver-2026' },
  viewer: { email: 'viewer@demo.healthbsc', password: 'demo-viewer-2026' },
} as const satisfies Record<string, DemoUser>;

/** A signed-in user: the cookies a browser would hold. */
export interface Session {
  readonly session: string;
  readonly csrf: string;
}

export interface OpenPageOptions {
  readonly viewport?: { width: number; height: number };
  /** Whom the page is signed in as; null: signed out. Default: the admin. */
  readonly as?: DemoUser | null;
}

export interface E2e {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** `server.url` + path. */
  url(path: string): string;
  /** Signs in over `POST /api/session` (once per user; remembered). */
  signIn(user: DemoUser): Promise<Session>;
  /**
   * A fresh page in a browser that prefers `locale`, signed in as `options.as` (default: the admin). `errors`
   * collects console errors, uncaught exceptions and failed requests: most tests end with
   * `expect(errors).toEqual([])`.
   */
  openPage(locale: string, options?: OpenPageOptions): Promise<{ page: Page; errors: string[] }>;
  /** Calls the API as `as` (default: the admin); writes carry the CSRF header. Returns status and JSON body. */
  request<T = unknown>(
    method: string,
    path: string,
    options?: { as?: DemoUser; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  /** GET as `as` (default: the admin), expecting 200. */
  api<T>(path: string, as?: DemoUser): Promise<T>;
  close(): Promise<void>;
}

function cookieValue(response: Response, name: string): string {
  const pair = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((cookie) => cookie.startsWith(`${name}=`));
  return pair?.slice(name.length + 1) ?? '';
}

export interface StartE2eOptions {
  /** More `HEALTHBSC_*` settings for the server (an SMTP server on loopback, say). */
  readonly env?: Readonly<Record<string, string>>;
  /** The port to listen on (a test that must name its address beforehand, for an OIDC provider); default: any free one. */
  readonly port?: number;
}

export async function startE2e(options: StartE2eOptions = {}): Promise<E2e> {
  await ensureWebBuild();
  await mkdir(SCREENSHOTS, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-web-e2e-'));
  // The demo loaded once for the run (e2e-global-setup.ts); without it (a file run outside the e2e project) the
  // server loads the demo itself on its first start.
  const template = inject('e2eDemoDataDir');
  if (template) await cp(template, join(dir, 'data'), { recursive: true });
  // Port 0: the OS picks a free port, so files never collide.
  const server = await startServer(
    { ...loadConfig({ ...options.env, HEALTHBSC_DATA_DIR: join(dir, 'data') }), port: options.port ?? 0 },
    { logRequests: false, webRoot: DEFAULT_WEB_ROOT },
  );
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const sessions = new Map<string, Session>();
  const url = (path: string) => `${server.url}${path}`;

  async function signIn(user: DemoUser): Promise<Session> {
    const known = sessions.get(user.email);
    if (known) return known;
    const response = await fetch(url('/api/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    expect(response.status, `signing in as ${user.email}`).toBe(200);
    const session = {
      session: cookieValue(response, SESSION_COOKIE),
      csrf: cookieValue(response, CSRF_COOKIE),
    };
    expect(session.session).not.toBe('');
    sessions.set(user.email, session);
    return session;
  }

  async function request<T>(
    method: string,
    path: string,
    options: { as?: DemoUser; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> {
    const { session, csrf } = await signIn(options.as ?? DEMO.admin);
    const headers: Record<string, string> = {
      cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`,
      [CSRF_HEADER]: csrf,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url(path), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  return {
    server,
    browser,
    url,
    signIn,
    request,
    async api<T>(path: string, as?: DemoUser): Promise<T> {
      const { status, body } = await request<T>('GET', path, as ? { as } : {});
      expect(status, `GET ${path}`).toBe(200);
      return body;
    },
    async openPage(locale, options = {}) {
      const context = await browser.newContext({
        locale,
        viewport: options.viewport ?? { width: 1366, height: 900 },
        // The app turns Ant Design's animations off for users who ask for less motion (providers.tsx): a click
        // on a dialog's button while it still zoomed in was sometimes lost on a loaded machine.
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const user = options.as === undefined ? DEMO.admin : options.as;
      if (user !== null) {
        const { session, csrf } = await signIn(user);
        await context.addCookies([
          { name: SESSION_COOKIE, value: session, url: server.url, httpOnly: true, sameSite: 'Strict' },
          { name: CSRF_COOKIE, value: csrf, url: server.url, sameSite: 'Strict' },
        ]);
      }
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      // A request the page cancels itself (net::ERR_ABORTED: leaving a page, or a query superseded while it
      // loads) is not a fault; a refused or failed answer still shows as a console error, a lost one as below.
      page.on('requestfailed', (failed) => {
        const reason = failed.failure()?.errorText ?? 'failed';
        if (reason !== 'net::ERR_ABORTED') errors.push(`${failed.url()}: ${reason}`);
      });
      return { page, errors };
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The trimmed text of the first element with this test id, once visible. */
export async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
  return (await locator.textContent())?.trim() ?? '';
}

/** The open dropdowns of Ant Design's Selects, which it renders at the end of the body. */
export const openDropdowns = (page: Page): Locator =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/**
 * Picks the option `title` of the single Select `select` (its root element), and returns once the Select shows
 * it and no dropdown is open. A pick that did not take (seen while dialogs still zoomed in, before the pages ran
 * with reduced motion) would leave the old value for a form to save, or a dropdown open over the next click:
 * such a miss is clicked again, at most three times, and a Select that never shows `title` fails here.
 */
export async function chooseOption(page: Page, select: Locator, title: string): Promise<void> {
  const shown = select.locator('.ant-select-content');
  for (let attempt = 1; ; attempt++) {
    if ((await openDropdowns(page).count()) === 0) await select.click();
    await openDropdowns(page).locator(`.ant-select-item-option[title="${title}"]`).first().click();
    try {
      await expect
        .poll(async () => [await shown.getAttribute('title'), await openDropdowns(page).count()], {
          timeout: 5_000,
        })
        .toEqual([title, 0]);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Resolves once every chart on the page has stopped drawing: its canvases unchanged over two polls 100 ms apart
 * (ECharts' entry animation lasts about a second). A page without charts resolves at once. A chart that never
 * rests (a looping effect) is given up on after 3 s: the picture is taken as it is.
 */
async function chartsAtRest(page: Page): Promise<void> {
  // Evaluated in the page (a string: this project's types have no DOM); the last frame is kept on window.
  const settled = page.waitForFunction(
    `(() => {
      const canvases = document.querySelectorAll('[_echarts_instance_] canvas');
      if (canvases.length === 0) return true;
      const frame = Array.from(canvases, (canvas) => canvas.toDataURL()).join('|');
      window.__chartFrameSeen = frame === window.__chartFrame ? (window.__chartFrameSeen ?? 0) + 1 : 0;
      window.__chartFrame = frame;
      return window.__chartFrameSeen >= 2;
    })()`,
    undefined,
    { polling: 100, timeout: 3000 },
  );
  await settled.catch(() => undefined);
}

/** A full-page screenshot in artifacts/screenshots/, after the charts' entry animation (no fixed wait). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await chartsAtRest(page);
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}
