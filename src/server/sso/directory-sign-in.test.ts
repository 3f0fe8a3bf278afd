/**
 * Issue 17 §4 over HTTP against a throwaway slapd: a directory user signs in with `POST /api/session/directory`,
 * is created the first time with no password, gets the roles the group mapping gives (and loses them when they
 * leave the group), and a user in no mapped group gets no data. Wrong passwords change nothing; a local
 * account with the same e-mail is linked, not duplicated.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  cookieFrom,
  createTestUser,
  sessionHeaders,
  TEST_PASSWORD,
} from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import {
  DIRECTORY_ROOT_DN,
  DIRECTORY_ROOT_PASSWORD,
  type SlapdServer,
  startSlapd,
} from '../../../test/slapd-server.ts';
import { SESSION_COOKIE } from '../../core/contracts/accounts.ts';
import { GroupMapError, readGroupMap } from './group-map.ts';
import { ssoRoutes } from './sso.routes.ts';
import { NO_SSO, type SsoSettings, signInMethodsOf } from './sso-settings.ts';

let slapd: SlapdServer;
let run = 0;

beforeAll(async () => {
  slapd = await startSlapd(
    [
      { uid: 'li.na', name: '李娜', mail: 'li.na@dir.test', password: 'nurse-pass-1' },
      { uid: 'zhao.lei', name: 'Zhao Lei', mail: 'zhao.lei@dir.test', password: 'visitor-pass-2' },
      { uid: 'nomail', name: 'No Mail', password: 'nomail-pass-3' },
      { uid: 'pg.li.na', name: '李娜', mail: 'pg.li.na@dir.test', password: 'nurse-pass-1' },
      { uid: 'pg.zhao.lei', name: 'Zhao Lei', mail: 'pg.zhao.lei@dir.test', password: 'visitor-pass-2' },
    ],
    [{ cn: 'Surgery Nurses', members: ['li.na', 'pg.li.na'] }],
  );
}, 60_000);

afterAll(() => slapd?.stop());

describeEachEngine('signing in with a directory account', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let department: string;
  // The two engines share the directory: each signs in its own people (pg.* on the second).
  let prefix = '';

  beforeAll(async () => {
    prefix = run === 0 ? '' : 'pg.';
    run += 1;
    server = await createTestServer(getDb());
    tree = await createOrgTree(server.ctx, { prefix: 'SSO', hospitals: 1, departmentsPerHospital: 1 });
    department = tree.departments[0]?.[0] ?? '';
    const settings: SsoSettings = {
      ...NO_SSO,
      ldap: {
        url: slapd.url,
        bindDn: DIRECTORY_ROOT_DN,
        bindPassword: DIRECTORY_ROOT_PASSWORD,
        searchBase: slapd.peopleBase,
        loginAttributes: ['uid', 'mail'],
        groupBase: slapd.groupBase,
        name: '医院目录',
      },
    };
    const mapFile = join(tmpdir(), `healthbsc-group-map-${process.pid}-${run}.yaml`);
    await writeFile(mapFile, `- group: Surgery Nurses\n  role: entry\n  unit: ${department}\n`);
    const mapping = await readGroupMap(getDb().kysely, mapFile);
    await server.close();
    server = await createTestServer(getDb(), {
      accounts: { mode: 'demo', signInMethods: signInMethodsOf(settings) },
      routes: [ssoRoutes(settings, mapping)],
    });
  }, 60_000);
  afterAll(() => server.close());

  const signInDirectory = (login: string, password: string) =>
    server.app.inject({ method: 'POST', url: '/api/session/directory', payload: { login, password } });

  const userRow = async (email: string) =>
    (
      await sql<{ id: number; password_hash: string | null }>`
        select id, password_hash from app_user where email = ${email}`.execute(getDb().kysely)
    ).rows;

  it('tells the sign-in page that a directory sign-in is offered, with its name', async () => {
    const meta = await server.app.inject({ method: 'GET', url: '/api/meta' });
    expect(meta.json().signIn).toEqual({ oidc: null, ldap: { name: '医院目录' } });
  });

  it('creates a directory user on first sign-in with no password and the role its group maps to', async () => {
    const response = await signInDirectory(`${prefix}li.na`, 'nurse-pass-1');
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      email: `${prefix}li.na@dir.test`,
      name: '李娜',
      assignments: [{ role: 'entry', orgUnit: department }],
      administrator: false,
    });
    expect(await userRow(`${prefix}li.na@dir.test`)).toEqual([
      { id: expect.any(Number), password_hash: null },
    ]);
    const identities = await sql<{ provider: string; subject: string }>`
      select i.provider, i.subject from user_identity i join app_user u on u.id = i.user_id
      where u.email = ${`${prefix}li.na@dir.test`}`.execute(getDb().kysely);
    expect(identities.rows).toEqual([
      { provider: 'ldap', subject: `uid=${prefix}li.na,ou=people,dc=hospital,dc=test` },
    ]);
    const audit = await sql<{ action: string; entity: string }>`
      select action, entity from audit_log where entity_key = ${`${prefix}li.na@dir.test`} order by id`.execute(
      getDb().kysely,
    );
    expect(audit.rows).toEqual([
      { action: 'create', entity: 'app_user' },
      { action: 'create', entity: 'user-identity' },
      { action: 'update', entity: 'app_user' },
      { action: 'login', entity: 'session' },
    ]);
  });

  it('signs the same person in again by e-mail without a second account', async () => {
    const again = await signInDirectory(`${prefix}li.na@dir.test`, 'nurse-pass-1');
    expect(again.statusCode).toBe(200);
    expect(await userRow(`${prefix}li.na@dir.test`)).toHaveLength(1);
  });

  it('gives a directory user in no mapped group no role and no data', async () => {
    const response = await signInDirectory(`${prefix}zhao.lei`, 'visitor-pass-2');
    expect(response.statusCode).toBe(200);
    expect(response.json().user.assignments).toEqual([]);
    const token = cookieFrom(response.headers['set-cookie'], SESSION_COOKIE) ?? '';
    const headers = sessionHeaders(token, response.json().csrfToken);
    const units = await server.requestAs(
      { email: '', token, csrfToken: '', headers },
      'GET',
      `/api/org-units/${department}`,
    );
    expect(units.statusCode).toBe(403);
  });

  it('refuses the password sign-in of a directory user (no local password)', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: `${prefix}li.na@dir.test`, password: 'nurse-pass-1' },
    });
    expect([response.statusCode, response.json().code]).toEqual([401, 'session.wrong-credentials']);
  });

  it('answers 401 for a wrong password or an unknown login and creates nobody', async () => {
    const wrong = await signInDirectory(`${prefix}zhao.lei`, 'not-the-password');
    const unknown = await signInDirectory(`${prefix}nobody`, 'visitor-pass-2');
    expect([wrong.statusCode, wrong.json().code, unknown.statusCode]).toEqual([
      401,
      'session.wrong-credentials',
      401,
    ]);
    expect(await userRow(`${prefix}nobody@dir.test`)).toEqual([]);
  });

  it('refuses a directory entry without an e-mail address with a worded problem', async () => {
    const response = await signInDirectory('nomail', 'nomail-pass-3');
    expect([response.statusCode, response.json().code]).toEqual([401, 'sso.no-email']);
  });

  it('links a local account with the same e-mail, keeping its password and its roles', async () => {
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: tree.group }], 'dirlink');
    const uid = email.split('@')[0] ?? '';
    const client = new Client({ url: slapd.url });
    await client.bind(DIRECTORY_ROOT_DN, DIRECTORY_ROOT_PASSWORD);
    await client.add(`uid=${uid},${slapd.peopleBase}`, {
      objectClass: 'inetOrgPerson',
      uid,
      cn: 'Linked',
      sn: 'Linked',
      mail: email,
      userPassword: 'linked-pass-4',
    });
    await client.unbind();
    const response = await signInDirectory(uid, 'linked-pass-4');
    expect(response.statusCode).toBe(200);
    expect(response.json().user.assignments).toEqual([{ role: 'viewer', orgUnit: tree.group }]);
    const rows = await userRow(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    const local = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(local.statusCode).toBe(200);
  });

  it('takes the mapped role away at the next sign-in once the person has left the group', async () => {
    const dn = `uid=${prefix}li.na,${slapd.peopleBase}`;
    const client = new Client({ url: slapd.url });
    await client.bind(DIRECTORY_ROOT_DN, DIRECTORY_ROOT_PASSWORD);
    const group = `cn=Surgery Nurses,${slapd.groupBase}`;
    await client.modify(
      group,
      new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [dn] }) }),
    );
    try {
      const response = await signInDirectory(`${prefix}li.na`, 'nurse-pass-1');
      expect(response.json().user.assignments).toEqual([]);
    } finally {
      await client.modify(
        group,
        new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [dn] }) }),
      );
      await client.unbind();
    }
  });

  it('answers 503 with a worded problem when the directory cannot be reached', async () => {
    const settings: SsoSettings = {
      ...NO_SSO,
      ldap: {
        url: 'ldap://127.0.0.1:1',
        bindDn: null,
        bindPassword: null,
        searchBase: slapd.peopleBase,
        loginAttributes: ['uid'],
        groupBase: null,
        name: null,
      },
    };
    const down = await createTestServer(getDb(), { routes: [ssoRoutes(settings, [])] });
    try {
      const response = await down.app.inject({
        method: 'POST',
        url: '/api/session/directory',
        payload: { login: 'li.na', password: 'nurse-pass-1' },
      });
      expect([response.statusCode, response.json().code]).toEqual([503, 'sso.directory-unreachable']);
    } finally {
      await down.close();
    }
  });

  it('answers 404 when no directory is configured', async () => {
    const off = await createTestServer(getDb(), { routes: [ssoRoutes(NO_SSO, [])] });
    try {
      const response = await off.app.inject({
        method: 'POST',
        url: '/api/session/directory',
        payload: { login: 'li.na', password: 'nurse-pass-1' },
      });
      const callback = await off.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
      expect([response.statusCode, response.json().code, callback.statusCode]).toEqual([
        404,
        'sso.ldap-off',
        404,
      ]);
    } finally {
      await off.close();
    }
  });

  it('stops reading a group mapping that names a unit that does not exist or a role that does not', async () => {
    const file = join(tmpdir(), `healthbsc-group-map-bad-${process.pid}-${run}.yaml`);
    await writeFile(file, '- group: Nurses\n  role: entry\n  unit: NO-SUCH-UNIT\n');
    await expect(readGroupMap(getDb().kysely, file)).rejects.toThrow(/NO-SUCH-UNIT/);
    await writeFile(file, '- group: Nurses\n  role: nurse\n');
    const error = await readGroupMap(getDb().kysely, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupMapError);
    expect(String(error)).toMatch(/entry 1 .*role/);
  });
});
