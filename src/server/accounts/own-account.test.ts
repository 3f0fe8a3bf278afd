/**
 * Issue 11's account items over HTTP: changing one's own password (current password required, the policy, the
 * other sessions ended), API tokens refused without org units, and refused requests (403) audited once per
 * principal × route.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createTestUser, signIn, TEST_PASSWORD } from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';

const NEW_PASSWORD = 'a brand new passphrase 2026';

describeEachEngine('own account and refusals', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  beforeAll(async () => {
    server = await createTestServer(getDb());
    tree = await createOrgTree(server.ctx, { prefix: 'OWN', hospitals: 1, departmentsPerHospital: 1 });
  });
  afterAll(() => server.close());

  const hashOf = async (email: string) =>
    (
      await sql<{ hash: string }>`select password_hash as hash from app_user where email = ${email}`.execute(
        getDb().kysely,
      )
    ).rows[0]?.hash;

  it('changes the own password with the current one, keeps this session and ends the others', async () => {
    const email = await createTestUser(server.ctx, []);
    const here = await signIn(server.app, email, TEST_PASSWORD);
    const elsewhere = await signIn(server.app, email, TEST_PASSWORD);
    const changed = await server.requestAs(here, 'POST', '/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    const [stillHere, goneElsewhere] = [
      await server.requestAs(here, 'GET', '/api/session'),
      await server.requestAs(elsewhere, 'GET', '/api/session'),
    ];
    const withNew = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password: NEW_PASSWORD },
    });
    expect([changed.statusCode, stillHere.statusCode, goneElsewhere.statusCode, withNew.statusCode]).toEqual([
      204, 200, 401, 200,
    ]);
  });

  it('refuses a wrong current password with 400 and keeps the password', async () => {
    const email = await createTestUser(server.ctx, []);
    const session = await signIn(server.app, email, TEST_PASSWORD);
    const before = await hashOf(email);
    const response = await server.requestAs(session, 'POST', '/api/session/password', {
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    });
    expect([response.statusCode, response.json().code, response.json().issues[0].path]).toEqual([
      400,
      'guard.current-password-wrong',
      ['currentPassword'],
    ]);
    expect(await hashOf(email)).toBe(before);
  });

  it('refuses a new password that breaks the policy with 400 and keeps the password', async () => {
    const email = await createTestUser(server.ctx, []);
    const session = await signIn(server.app, email, TEST_PASSWORD);
    const before = await hashOf(email);
    const response = await server.requestAs(session, 'POST', '/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect([response.statusCode, response.json().code]).toEqual([400, 'account.password-policy']);
    expect(await hashOf(email)).toBe(before);
  });

  it('refuses a password change without the CSRF header with 403', async () => {
    const email = await createTestUser(server.ctx, []);
    const session = await signIn(server.app, email, TEST_PASSWORD);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: { cookie: session.headers.cookie ?? '' },
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect([response.statusCode, response.json().code]).toEqual([403, 'access.csrf-token-missing']);
  });

  it('refuses an API token without org units with 400 and creates none', async () => {
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from api_token`.execute(getDb().kysely)).rows[0]?.n;
    const before = await count();
    const response = await server.request('POST', '/api/tokens', { name: 'everywhere', role: 'viewer' });
    expect([response.statusCode, response.json().code, response.json().issues[0].path]).toEqual([
      400,
      'guard.token-needs-org-units',
      ['orgUnits'],
    ]);
    expect(await count()).toBe(before);
  });

  it('creates an API token over named org units', async () => {
    const response = await server.request('POST', '/api/tokens', {
      name: 'one-hospital',
      role: 'viewer',
      orgUnits: [tree.group],
    });
    expect([response.statusCode, response.json().orgUnits]).toEqual([201, [tree.group]]);
  });

  it('audits refused requests once per principal and route, with their count', async () => {
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: tree.group }]);
    const viewer = await signIn(server.app, email, TEST_PASSWORD);
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await server.requestAs(viewer, 'GET', '/api/users')).statusCode);
    await server.app.refusals.flush();
    const rows = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'entity', 'entity_key', 'new_value'])
      .where('actor', '=', email)
      .where('action', '=', 'forbidden')
      .execute();
    expect([statuses, rows]).toEqual([
      [403, 403, 403],
      [
        {
          action: 'forbidden',
          entity: 'route',
          entity_key: 'GET /api/users',
          new_value: expect.objectContaining({ count: 3, code: 'access.needs-installation-admin' }),
        },
      ],
    ]);
  });
});
