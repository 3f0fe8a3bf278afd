/**
 * Accounts over HTTP on PGlite and PostgreSQL: signing in and out, the cookies, session fixation, CSRF, the
 * sign-in throttle (per account and per address), session expiry, API tokens, the password policy and hashing,
 * production and demo modes, and the client address behind a trusted proxy.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openMigratedDb } from '../../../test/engines.ts';
import {
  cookieFrom,
  createTestUser,
  sessionHeaders,
  signIn,
  TEST_PASSWORD,
} from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import {
  createTestServer,
  FIXTURE_ACTOR,
  send,
  TEST_NOW,
  type TestServer,
} from '../../../test/fixtures/server.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../core/contracts/accounts.ts';
import { buildApp } from '../app.ts';
import { ChangeBus } from '../change-bus.ts';
import { sha256Hex } from './secrets.ts';
import { createUser } from './users.service.ts';

const problem = (
  type: string,
  title: string,
  status: number,
  code: string,
  params: Record<string, string | number>,
  detail: string,
) => ({ type, title, status, code, params, detail, issues: [] });

describeEachEngine('accounts', (getDb, engine) => {
  let server: TestServer;
  let tree: OrgTree;
  beforeAll(async () => {
    server = await createTestServer(getDb());
    tree = await createOrgTree(server.ctx, { prefix: 'S', hospitals: 2, departmentsPerHospital: 1 });
  });
  afterAll(() => server.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    send(server.app, 'POST', '/api/session', { email, password }, headers);

  const auditOf = async (entity: string, key: string) =>
    (
      await sql<{ action: string; actor: string; address: string | null; reason: string | null }>`
        select action, actor, address, reason from audit_log where entity = ${entity} and entity_key = ${key} order by id
      `.execute(getDb().kysely)
    ).rows;

  it('signs in with an httpOnly, SameSite=Strict session cookie, a readable CSRF cookie, and an audit row', async () => {
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: tree.group }]);
    const response = await login(email, TEST_PASSWORD);
    const cookies = [response.headers['set-cookie']].flat().map(String);
    const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    const csrf = cookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`)) ?? '';
    const body = response.json();
    expect({
      status: response.statusCode,
      session: session.replace(/=[^;]+;/, '=…;'),
      csrf: csrf.replace(/=[^;]+;/, '=…;'),
      csrfMatches: cookieFrom(cookies, CSRF_COOKIE) === body.csrfToken,
      user: body.user,
      expiresAt: body.expiresAt,
      audit: await auditOf('session', email),
    }).toEqual({
      status: 200,
      session: `${SESSION_COOKIE}=…; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict`,
      csrf: `${CSRF_COOKIE}=…; Max-Age=43200; Path=/; SameSite=Strict`,
      csrfMatches: true,
      user: {
        id: expect.any(Number),
        email,
        name: null,
        assignments: [{ role: 'viewer', orgUnit: tree.group }],
        administrator: false,
      },
      expiresAt: new Date(TEST_NOW.getTime() + 12 * 3_600_000).toISOString(),
      audit: [{ action: 'login', actor: email, address: '127.0.0.1', reason: null }],
    });
  });

  it('answers a wrong password and an unknown account alike with 401, counting both failures', async () => {
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: null }]);
    const wrong = await login(email, 'not the password at all');
    const unknown = await login('nobody@test.healthbsc', TEST_PASSWORD);
    const failed = problem(
      'unauthorized',
      'Unauthorized',
      401,
      'session.wrong-credentials',
      {},
      'Wrong email or password.',
    );
    expect({
      wrong: [wrong.statusCode, wrong.json()],
      unknown: [unknown.statusCode, unknown.json()],
      counted: await getDb()
        .kysely.selectFrom('sign_in_failure')
        .select(['kind', 'failures'])
        .where('key', 'in', [email, 'nobody@test.healthbsc'])
        .orderBy('key')
        .execute(),
    }).toEqual({
      wrong: [401, failed],
      unknown: [401, failed],
      // Audited once per account per window when the window ends (login-throttle.test.ts), not per attempt.
      counted: [
        { kind: 'account', failures: 1 },
        { kind: 'account', failures: 1 },
      ],
    });
  });

  it('stores passwords as argon2id hashes (m = 19 MiB, t = 2, p = 1), never the password', async () => {
    const email = await createTestUser(server.ctx, []);
    const { rows } = await sql<{
      hash: string;
    }>`select password_hash as hash from app_user where email = ${email}`.execute(getDb().kysely);
    const hash = rows[0]?.hash ?? '';
    expect([hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'), hash.includes(TEST_PASSWORD)]).toEqual([
      true,
      false,
    ]);
  });

  it('refuses a password that breaks the policy when a user is created, naming each reason', async () => {
    const response = await server.request('POST', '/api/users', {
      email: 'weak@test.healthbsc',
      password: 'password1234',
      assignments: [],
    });
    expect([response.statusCode, response.json()]).toEqual([
      400,
      {
        type: 'validation',
        title: 'Invalid input',
        status: 400,
        code: 'account.password-policy',
        params: {},
        detail: 'The password does not meet the policy.',
        issues: [
          {
            path: ['password'],
            code: 'account.password-common',
            params: {},
            message: 'this password is among the most commonly used; choose another',
          },
        ],
      },
    ]);
  });

  it('does not accept a session id planted before sign-in: the id rotates, and an earlier session ends', async () => {
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: null }]);
    const planted = 'attacker-chosen-session-id';
    const first = await login(email, TEST_PASSWORD, { cookie: `${SESSION_COOKIE}=${planted}` });
    const issued = cookieFrom(first.headers['set-cookie'], SESSION_COOKIE) ?? '';
    const second = await login(email, TEST_PASSWORD, { cookie: `${SESSION_COOKIE}=${issued}` });
    const rotated = cookieFrom(second.headers['set-cookie'], SESSION_COOKIE) ?? '';
    const asPlanted = await send(server.app, 'GET', '/api/session', undefined, {
      cookie: `${SESSION_COOKIE}=${planted}`,
    });
    const asFirst = await send(server.app, 'GET', '/api/session', undefined, {
      cookie: `${SESSION_COOKIE}=${issued}`,
    });
    const asRotated = await send(server.app, 'GET', '/api/session', undefined, {
      cookie: `${SESSION_COOKIE}=${rotated}`,
    });
    expect({
      issuedIsNew: issued !== planted && issued.length >= 43,
      rotatedIsNew: rotated !== issued,
      planted: asPlanted.statusCode,
      first: asFirst.statusCode,
      rotated: asRotated.statusCode,
    }).toEqual({ issuedIsNew: true, rotatedIsNew: true, planted: 401, first: 401, rotated: 200 });
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one, with 403', async () => {
    const session = await server.adminSession();
    const body = { code: 'CSRF_1', name: { en: 'Ward' }, type: 'group' };
    const cookie = { cookie: `${SESSION_COOKIE}=${session.token}` };
    const missing = await send(server.app, 'POST', '/api/org-units', body, cookie);
    const wrong = await send(server.app, 'POST', '/api/org-units', body, {
      ...cookie,
      'x-csrf-token': 'guess',
    });
    const read = await send(server.app, 'GET', '/api/org-units?limit=1', undefined, cookie);
    const right = await send(server.app, 'POST', '/api/org-units', body, session.headers);
    const refused = problem(
      'forbidden',
      'Forbidden',
      403,
      'access.csrf-token-missing',
      { header: 'x-csrf-token' },
      "A write signed in by cookie must send the session's CSRF token in the x-csrf-token header (returned at sign-in and by GET /api/session).",
    );
    expect([
      [missing.statusCode, missing.json()],
      [wrong.statusCode, wrong.json()],
      read.statusCode,
      right.statusCode,
    ]).toEqual([[403, refused], [403, refused], 200, 201]);
  });

  it('signs out: 204, the cookies cleared, the session gone, an audit row', async () => {
    const session = await signIn(server.app, await createTestUser(server.ctx, []), TEST_PASSWORD);
    const out = await send(server.app, 'DELETE', '/api/session', undefined, session.headers);
    const after = await send(server.app, 'GET', '/api/session', undefined, session.headers);
    const cleared = [out.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]);
    expect({
      status: out.statusCode,
      cleared,
      after: after.statusCode,
      audit: (await auditOf('session', session.email)).map((row) => row.action),
    }).toEqual({
      status: 204,
      cleared: [`${SESSION_COOKIE}=`, `${CSRF_COOKIE}=`],
      after: 401,
      audit: ['login', 'logout'],
    });
  });

  it('ends a session after two idle hours, and after twelve hours however active', async () => {
    let now = TEST_NOW.getTime();
    const clocked = await createTestServer(getDb(), { clock: () => new Date(now) });
    try {
      const email = await createTestUser(clocked.ctx, []);
      const idle = await clocked.signIn(email, TEST_PASSWORD);
      const active = await clocked.signIn(email, TEST_PASSWORD);
      const status = async (session: typeof idle) =>
        (await clocked.requestAs(session, 'GET', '/api/session')).statusCode;
      const seen: number[] = [];
      for (let hour = 1; hour <= 11; hour++) {
        now = TEST_NOW.getTime() + hour * 3_600_000;
        seen.push(await status(active));
      }
      const idleAfter = await status(idle);
      now = TEST_NOW.getTime() + 12 * 3_600_000 + 1000;
      expect({
        activeHours: seen,
        idleAfterEleven: idleAfter,
        activeAfterTwelve: await status(active),
      }).toEqual({
        activeHours: Array.from({ length: 11 }, () => 200),
        idleAfterEleven: 401,
        activeAfterTwelve: 401,
      });
    } finally {
      await clocked.close();
    }
  });

  it('throttles sign-ins of one account after its failures, from any address, with 429 and Retry-After', async () => {
    const throttled = await createTestServer(getDb(), {
      accounts: { throttle: { maxPerAccount: 3, maxPerAddress: 100 } },
    });
    try {
      const email = await createTestUser(throttled.ctx, []);
      const attempt = (password: string, remoteAddress: string) =>
        throttled.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email, password },
          remoteAddress,
        });
      const failures = [];
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        failures.push((await attempt('wrong guess!!', address)).statusCode);
      const blocked = await attempt(TEST_PASSWORD, '10.0.0.4');
      expect({
        failures,
        status: blocked.statusCode,
        retryAfter: blocked.headers['retry-after'],
        body: blocked.json(),
      }).toEqual({
        failures: [401, 401, 401],
        status: 429,
        retryAfter: '1',
        body: {
          ...problem(
            'too-many-requests',
            'Too many requests',
            429,
            'session.too-many-attempts',
            { seconds: 1 },
            'Too many failed sign-ins for this account or from this address; try again in 1 s.',
          ),
          retryAfter: 1,
        },
      });
    } finally {
      await throttled.close();
    }
  });

  it('throttles one address that tries many accounts, and not another address', async () => {
    const throttled = await createTestServer(getDb(), {
      accounts: { throttle: { maxPerAccount: 100, maxPerAddress: 4 } },
    });
    try {
      const attempt = (email: string, password: string, remoteAddress: string) =>
        throttled.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email, password },
          remoteAddress,
        });
      const failures = [];
      for (let i = 0; i < 4; i++)
        failures.push((await attempt(`guess${i}@test.healthbsc`, 'wrong guess!!', '10.9.9.9')).statusCode);
      const email = await createTestUser(throttled.ctx, []);
      const sameAddress = await attempt(email, TEST_PASSWORD, '10.9.9.9');
      const otherAddress = await attempt(email, TEST_PASSWORD, '10.8.8.8');
      expect([
        failures,
        sameAddress.statusCode,
        sameAddress.headers['retry-after'],
        otherAddress.statusCode,
      ]).toEqual([[401, 401, 401, 401], 429, '1', 200]);
    } finally {
      await throttled.close();
    }
  });

  it('serves an API token within its role and org units, without CSRF, until it is revoked; stored hashed', async () => {
    const [inside = '', outside = ''] = tree.hospitals;
    const created = await server.request('POST', '/api/tokens', {
      name: 'his-feed',
      role: 'entry',
      orgUnits: [inside],
      expiresInDays: 30,
    });
    const { token, id } = created.json<{ token: string; id: number }>();
    const bearer = { authorization: `Bearer ${token}` };
    const value = (orgUnit: string) => ({
      values: [{ orgUnit, dataElement: 'none', period: '2024-03', value: 1 }],
    });
    const ownUnit = await send(server.app, 'GET', `/api/org-units/${inside}`, undefined, bearer);
    const otherUnit = await send(server.app, 'GET', `/api/org-units/${outside}`, undefined, bearer);
    // A write without a CSRF header: past the token check, it fails on its data (no such element), not on CSRF.
    const write = await send(server.app, 'POST', '/api/data-values', value(inside), bearer);
    const users = await send(server.app, 'GET', '/api/users', undefined, bearer);
    const revoked = await server.request('DELETE', `/api/tokens/${id}`);
    const after = await send(server.app, 'GET', `/api/org-units/${inside}`, undefined, bearer);
    const stored = await sql<{
      hash: string;
    }>`select token_hash as hash from api_token where id = ${id}`.execute(getDb().kysely);
    expect({
      created: [created.statusCode, created.headers['cache-control'], token.startsWith('hbsc_')],
      ownUnit: ownUnit.statusCode,
      otherUnit: [otherUnit.statusCode, otherUnit.json().code, otherUnit.json().detail],
      write: [write.statusCode, write.json().code, write.json().detail],
      users: users.statusCode,
      revoked: [revoked.statusCode, revoked.json().revokedAt],
      after: [after.statusCode, after.json().code, after.json().detail],
      stored: stored.rows[0]?.hash === sha256Hex(token),
      audit: (await auditOf('api_token', 'his-feed')).map((row) => `${row.action} by ${row.actor}`),
    }).toEqual({
      created: [201, 'no-store', true],
      ownUnit: 200,
      otherUnit: [403, 'access.no-access-to-unit', `You have no access to org unit '${outside}'.`],
      write: [400, 'data-value.batch-invalid', 'Some values cannot be stored; nothing was stored.'],
      users: 403,
      revoked: [200, TEST_NOW.toISOString()],
      after: [401, 'token.invalid', 'The API token is not valid: it is unknown, revoked or expired.'],
      stored: true,
      audit: ['create by admin@test.healthbsc', 'revoke by admin@test.healthbsc'],
    });
  });

  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: null }]);
    const session = await signIn(server.app, email, TEST_PASSWORD);
    const list = await server.request('GET', '/api/users?limit=1000');
    const id = list
      .json<{ items: { id: number; email: string }[] }>()
      .items.find((u) => u.email === email)?.id;
    const disabled = await server.request('PATCH', `/api/users/${id}`, { disabled: true });
    const after = await send(server.app, 'GET', '/api/session', undefined, session.headers);
    const again = await login(email, TEST_PASSWORD);
    expect([disabled.statusCode, disabled.json().disabled, after.statusCode, again.statusCode]).toEqual([
      200,
      true,
      401,
      401,
    ]);
  });

  it('records the client address a trusted reverse proxy forwards, and ignores it from an untrusted one', async () => {
    const behindProxy = await createTestServer(getDb(), { trustProxy: true });
    try {
      const email = await createTestUser(behindProxy.ctx, []);
      await behindProxy.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.8' },
      });
      expect((await auditOf('session', email)).map((row) => row.address)).toEqual([
        '203.0.113.7',
        '127.0.0.1',
      ]);
    } finally {
      await behindProxy.close();
    }
  });

  it('serves no data in production mode until an administrator exists, and says so at /api/meta', async () => {
    const db = await openMigratedDb(engine.name);
    try {
      const ctx = { db, now: () => TEST_NOW, changes: new ChangeBus() };
      const app = await buildApp(ctx, { accounts: { mode: 'production' } });
      try {
        const before = await app.inject({ method: 'GET', url: '/api/org-units' });
        const metaBefore = await app.inject({ method: 'GET', url: '/api/meta' });
        await createUser(ctx, FIXTURE_ACTOR, {
          email: 'first@example.org',
          password: TEST_PASSWORD,
          assignments: [{ role: 'admin', orgUnit: null }],
        });
        const session = await signIn(app, 'first@example.org', TEST_PASSWORD);
        const after = await app.inject({ method: 'GET', url: '/api/org-units', headers: session.headers });
        const metaAfter = await app.inject({ method: 'GET', url: '/api/meta' });
        expect({
          before: [before.statusCode, before.json()],
          metaBefore: metaBefore.json(),
          after: after.statusCode,
          setupAfter: metaAfter.json().setupRequired,
        }).toEqual({
          before: [
            503,
            problem(
              'unavailable',
              'Service unavailable',
              503,
              'access.setup-required',
              {},
              'This HealthBSC server runs in production mode and has no administrator yet, so it serves no data. ' +
                'Stop it and run `healthbsc user create --admin --email you@example.org` (the password is read ' +
                'from the terminal or stdin), then start it again.',
            ),
          ],
          metaBefore: {
            name: 'HealthBSC',
            version: expect.any(String),
            mode: 'production',
            demo: false,
            setupRequired: true,
            signIn: { oidc: null, ldap: null },
          },
          after: 200,
          setupAfter: false,
        });
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  });

  it('tells the web app it is a demo, in /api/meta and in the session', async () => {
    const demo = await createTestServer(getDb(), { accounts: { mode: 'demo' } });
    try {
      const meta = (await demo.requestAs(null, 'GET', '/api/meta')).json();
      const session = (await demo.request('GET', '/api/session')).json();
      expect([meta.mode, meta.demo, meta.setupRequired, session.demo]).toEqual(['demo', true, false, true]);
    } finally {
      await demo.close();
    }
  });

  it('keeps one enabled installation admin: removing the last one is a 409', async () => {
    const db = await openMigratedDb(engine.name);
    try {
      const ctx = { db, now: () => TEST_NOW, changes: new ChangeBus() };
      const only = await createUser(ctx, FIXTURE_ACTOR, {
        email: 'only@example.org',
        password: TEST_PASSWORD,
        assignments: [{ role: 'admin', orgUnit: null }],
      });
      const app = await buildApp(ctx, { accounts: { mode: 'production' } });
      try {
        const session = await signIn(app, 'only@example.org', TEST_PASSWORD);
        const response = await send(
          app,
          'PATCH',
          `/api/users/${only.id}`,
          { assignments: [] },
          sessionHeaders(session.token, session.csrfToken),
        );
        expect([response.statusCode, response.json().code, response.json().detail]).toEqual([
          409,
          'account.last-admin',
          'This change would leave no enabled admin over the whole installation; nothing was changed.',
        ]);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  });
});
