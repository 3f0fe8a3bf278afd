/**
 * Sign-in with the hospital's accounts end to end (issue 17 §4), in English and Chinese: a local OpenID Connect
 * provider (oidc-provider) and a throwaway slapd on loopback, the server configured for both and for a group
 * mapping that makes the directory's "Internal Medicine Nurses" data-entry users of the demo's Internal
 * Medicine department (UMG-B1-INTM).
 * - OIDC: the sign-in page's button goes to the provider, the person signs in there and comes back signed in,
 *   created with the role their group maps to, and sees their department's data entry.
 * - LDAP: the directory tab signs a nurse in with her directory password; a directory user in no mapped group
 *   is signed in with no role, told to ask the administrator, and gets no data from the API.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../free-port.ts';
import { type OidcTestProvider, offlineProviderPages, startOidcProvider } from '../oidc-provider.ts';
import { DIRECTORY_ROOT_DN, DIRECTORY_ROOT_PASSWORD, type SlapdServer, startSlapd } from '../slapd-server.ts';
import { type E2e, screenshot, startE2e } from './e2e-harness.ts';

const UNIT = 'UMG-B1-INTM';
const VIEWPORT = { width: 1366, height: 768 };
const GROUP = 'Internal Medicine Nurses';

let e2e: E2e;
let provider: OidcTestProvider;
let slapd: SlapdServer;

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider(`${publicUrl}/api/auth/oidc/callback`, {
    'chen.jing': { email: 'chen.jing@idp.test', name: '陈静', groups: [GROUP] },
    'amy.reed': { email: 'amy.reed@idp.test', name: 'Amy Reed', groups: [GROUP] },
  });
  slapd = await startSlapd(
    [
      { uid: 'li.na', name: '李娜', mail: 'li.na@dir.test', password: 'nurse-pass-1' },
      { uid: 'tom.ward', name: 'Tom Ward', mail: 'tom.ward@dir.test', password: 'nurse-pass-2' },
      { uid: 'zhao.lei', name: '赵磊', mail: 'zhao.lei@dir.test', password: 'visitor-pass-3' },
    ],
    [{ cn: GROUP, members: ['li.na', 'tom.ward'] }],
  );
  const groupMap = join(tmpdir(), `healthbsc-sso-e2e-${process.pid}.yaml`);
  await writeFile(groupMap, `- group: ${GROUP}\n  role: entry\n  unit: ${UNIT}\n`);
  e2e = await startE2e({
    port,
    env: {
      HEALTHBSC_PUBLIC_URL: publicUrl,
      HEALTHBSC_OIDC_ISSUER: provider.issuer,
      HEALTHBSC_OIDC_CLIENT_ID: provider.clientId,
      HEALTHBSC_OIDC_CLIENT_SECRET: provider.clientSecret,
      HEALTHBSC_OIDC_NAME: 'Hospital ID',
      HEALTHBSC_LDAP_URL: slapd.url,
      HEALTHBSC_LDAP_BIND_DN: DIRECTORY_ROOT_DN,
      HEALTHBSC_LDAP_BIND_PASSWORD: DIRECTORY_ROOT_PASSWORD,
      HEALTHBSC_LDAP_SEARCH_BASE: slapd.peopleBase,
      HEALTHBSC_LDAP_GROUP_BASE: slapd.groupBase,
      HEALTHBSC_SSO_GROUP_MAP: groupMap,
    },
  });
}, 180_000);

afterAll(async () => {
  await e2e?.close();
  await provider?.stop();
  await slapd?.stop();
});

interface SessionAnswer {
  readonly user?: { readonly email: string; readonly assignments: unknown[] };
}

/** The signed-in user as the page's own session sees it (the cookies the browser holds). */
async function sessionOf(page: Page): Promise<{ status: number; body: SessionAnswer }> {
  const response = await page.request.get(e2e.url('/api/session'));
  return { status: response.status(), body: (await response.json()) as SessionAnswer };
}

describe.each([
  { locale: 'en-US', login: 'amy.reed', email: 'amy.reed@idp.test', button: 'Sign in with Hospital ID' },
  { locale: 'zh-CN', login: 'chen.jing', email: 'chen.jing@idp.test', button: '使用Hospital ID登录' },
])('OIDC sign-in ($locale)', ({ locale, login, email, button }) => {
  it('goes to the provider and comes back signed in with the role the group maps to', async () => {
    const { page, errors } = await e2e.openPage(locale, { as: null, viewport: VIEWPORT });
    await offlineProviderPages(page);
    await page.goto(e2e.url('/sign-in?next=%2Fdata-entry'));
    await page.getByTestId('sign-in-oidc').waitFor();
    expect(await page.getByTestId('sign-in-oidc').innerText()).toBe(button);
    await page.getByTestId('sign-in-oidc').click();
    // The provider's own (development) pages: any login, then consent.
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').first().click();
    await page.locator('button[autofocus]').click();
    await page.waitForURL((url) => url.pathname === '/data-entry', { timeout: 30_000 });
    // Leaving for the provider aborts the sign-in page's requests: what counts is the app once back.
    errors.length = 0;
    const session = await sessionOf(page);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ email, assignments: [{ role: 'entry', orgUnit: UNIT }] });
    await page.getByTestId('account-menu').waitFor();
    await screenshot(page, `sso-oidc-${locale}.png`);
    expect(errors).toEqual([]);
  });
});

describe.each([
  { locale: 'zh-CN', login: 'li.na', password: 'nurse-pass-1', noRole: '请联系管理员' },
  { locale: 'en-US', login: 'tom.ward', password: 'nurse-pass-2', noRole: 'Ask your administrator' },
])('LDAP sign-in ($locale)', ({ locale, login, password, noRole }) => {
  it('signs a mapped nurse in with her directory password', async () => {
    const { page, errors } = await e2e.openPage(locale, { as: null, viewport: VIEWPORT });
    await page.goto(e2e.url('/sign-in'));
    await page.getByTestId('sign-in-login').fill(login);
    await page.getByTestId('sign-in-directory-password').fill(password);
    await page.getByTestId('sign-in-directory-submit').click();
    await page.getByTestId('account-menu').waitFor();
    const session = await sessionOf(page);
    expect(session.body.user?.assignments).toEqual([{ role: 'entry', orgUnit: UNIT }]);
    expect(errors).toEqual([]);
  });

  it('signs a directory user in no mapped group in with no role: told to ask, and no data', async () => {
    const { page } = await e2e.openPage(locale, { as: null, viewport: VIEWPORT });
    await page.goto(e2e.url('/sign-in'));
    await page.getByTestId('sign-in-login').fill('zhao.lei');
    await page.getByTestId('sign-in-directory-password').fill('visitor-pass-3');
    await page.getByTestId('sign-in-directory-submit').click();
    await page.getByText(noRole).first().waitFor();
    const answer = await page.evaluate(async (unit) => {
      const response = await fetch(`/api/org-units/${unit}`);
      return response.status;
    }, UNIT);
    expect(answer).toBe(403);
    await screenshot(page, `sso-ldap-no-role-${locale}.png`);
  });

  it('words a wrong directory password in the user language', async () => {
    const { page } = await e2e.openPage(locale, { as: null, viewport: VIEWPORT });
    await page.goto(e2e.url('/sign-in'));
    await page.getByTestId('sign-in-login').fill(login);
    await page.getByTestId('sign-in-directory-password').fill('not-my-password');
    await page.getByTestId('sign-in-directory-submit').click();
    const error = await page.getByTestId('sign-in-error').innerText();
    expect(error).toContain(locale === 'zh-CN' ? '密码' : 'password');
  });
});
