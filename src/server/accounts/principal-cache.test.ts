/**
 * Sessions, API tokens and their principals kept in memory (principal-cache.ts): a signed-in request asked
 * again reads none of the accounts' tables, on PGlite and on PostgreSQL with the change relay; and every way a
 * session or token ends or shrinks still takes effect at the next request: a sign-out, a role taken away, a
 * disabled user, a revoked token, idle and absolute expiry (on a clock the test moves).
 */

import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createTestUser, TEST_PASSWORD } from '../../../test/fixtures/accounts.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import { createTestServer, TEST_NOW, type TestServer } from '../../../test/fixtures/server.ts';
import { statementRecorder } from '../../../test/fixtures/statements.ts';
import type { Db } from '../../db/connect.ts';
import { touchSession } from '../../db/repositories/session.repository.ts';
import { findUserByEmail } from '../../db/repositories/user.repository.ts';
import { ChangeBus, type ChangeEvent } from '../change-bus.ts';
import { type ChangeRelay, relayChanges } from '../cluster/change-relay.ts';
import { ALWAYS_HEARD, type HearingEpoch } from '../evaluation/known-revisions.ts';
import { PrincipalCache } from './principal-cache.ts';
import { sha256Hex } from './secrets.ts';

const ACCOUNT_TABLES = new Set(['user_session', 'app_user', 'role_assignment', 'api_token']);

const HOUR = 3_600_000;

describeEachEngine('principals kept in memory', (getDb, engineContext) => {
  let recording: Set<string> | null = null;
  let recorded: Db;
  const relays: ChangeRelay[] = [];
  let now = TEST_NOW.getTime();
  const servers: TestServer[] = [];

  /** A server whose principals are kept while it hears every write (the relay's epoch on PostgreSQL). */
  async function heardServer(): Promise<TestServer> {
    let relay: ChangeRelay | null = null;
    const hearing: HearingEpoch =
      engineContext.name === 'postgres' ? () => relay?.epoch() ?? null : ALWAYS_HEARD;
    const server = await createTestServer(recorded, { clock: () => new Date(now), accounts: { hearing } });
    servers.push(server);
    relay = await relayChanges(getDb(), server.ctx.changes, (error) => {
      throw error;
    });
    if (relay !== null) relays.push(relay);
    for (let i = 0; i < 100 && relay !== null && relay.epoch() === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return server;
  }

  /** Creates an API token over a new hospital, as the test admin. */
  async function createToken(server: TestServer, name: string): Promise<{ token: string; id: number }> {
    const tree = await createOrgTree(server.ctx, { prefix: name.toUpperCase(), hospitals: 1 });
    const created = await server.request('POST', '/api/tokens', {
      name,
      role: 'viewer',
      orgUnits: tree.hospitals,
    });
    return created.json<{ token: string; id: number }>();
  }

  /** The accounts' tables that `send` reads or writes. */
  async function accountTablesOf(send: () => Promise<unknown>): Promise<string[]> {
    recording = new Set();
    await send();
    const read = [...recording].filter((table) => ACCOUNT_TABLES.has(table)).sort();
    recording = null;
    return read;
  }

  beforeAll(() => {
    const recorder = statementRecorder((tables) => {
      for (const table of tables) recording?.add(table);
    });
    recorded = { ...getDb(), kysely: getDb().kysely.withPlugin(recorder) };
  });
  afterEach(() => {
    now = TEST_NOW.getTime();
  });
  afterAll(async () => {
    for (const relay of relays) await relay.close();
    for (const server of servers) await server.close();
  });

  it('reads none of the accounts’ tables for a second request with the same cookie', async () => {
    const server = await heardServer();
    const tree = await createOrgTree(server.ctx, { prefix: 'C', hospitals: 1 });
    const email = await createTestUser(server.ctx, [{ role: 'viewer', orgUnit: tree.group }]);
    const session = await server.signIn(email, TEST_PASSWORD);
    // GET /api/session would read the user for its answer; the org units are outside the accounts' tables.
    const first = await server.requestAs(session, 'GET', '/api/org-units');
    const read = await accountTablesOf(() => server.requestAs(session, 'GET', '/api/org-units'));
    expect([first.statusCode, read]).toEqual([200, []]);
  });

  it('reads none of the accounts’ tables for a second request with the same API token', async () => {
    const server = await heardServer();
    const bearer = { authorization: `Bearer ${(await createToken(server, 'cached')).token}` };
    const first = await server.requestAs(null, 'GET', '/api/org-units', undefined, bearer);
    const read = await accountTablesOf(() =>
      server.requestAs(null, 'GET', '/api/org-units', undefined, bearer),
    );
    expect([first.statusCode, read]).toEqual([200, []]);
  });

  it('refuses a cookie at once after its sign-out', async () => {
    const server = await heardServer();
    const session = await server.signIn(await createTestUser(server.ctx, []), TEST_PASSWORD);
    const before = await server.requestAs(session, 'GET', '/api/session');
    const out = await server.requestAs(session, 'DELETE', '/api/session');
    const after = await server.requestAs(session, 'GET', '/api/session');
    expect([before.statusCode, out.statusCode, after.statusCode]).toEqual([200, 204, 401]);
  });

  it('refuses the next request of a user whose role an administrator took away', async () => {
    const server = await heardServer();
    const email = await createTestUser(server.ctx, [{ role: 'admin', orgUnit: null }]);
    const session = await server.signIn(email, TEST_PASSWORD);
    const before = await server.requestAs(session, 'GET', '/api/users');
    const user = await findUserByEmail(getDb().kysely, email);
    const taken = await server.request('PATCH', `/api/users/${user?.id}`, { assignments: [] });
    const after = await server.requestAs(session, 'GET', '/api/users');
    expect([before.statusCode, taken.statusCode, after.statusCode]).toEqual([200, 200, 403]);
  });

  it('refuses the session of a user an administrator disabled', async () => {
    const server = await heardServer();
    const email = await createTestUser(server.ctx, []);
    const session = await server.signIn(email, TEST_PASSWORD);
    const before = await server.requestAs(session, 'GET', '/api/session');
    const user = await findUserByEmail(getDb().kysely, email);
    const disabled = await server.request('PATCH', `/api/users/${user?.id}`, { disabled: true });
    const after = await server.requestAs(session, 'GET', '/api/session');
    expect([before.statusCode, disabled.statusCode, after.statusCode]).toEqual([200, 200, 401]);
  });

  it('refuses a revoked API token at its next request', async () => {
    const server = await heardServer();
    const { token, id } = await createToken(server, 'revoked');
    const bearer = { authorization: `Bearer ${token}` };
    const before = await server.requestAs(null, 'GET', '/api/org-units', undefined, bearer);
    const revoked = await server.request('DELETE', `/api/tokens/${id}`);
    const after = await server.requestAs(null, 'GET', '/api/org-units', undefined, bearer);
    expect([before.statusCode, revoked.statusCode, after.statusCode]).toEqual([200, 200, 401]);
  });

  it('ends a kept session after two idle hours', async () => {
    const server = await heardServer();
    const session = await server.signIn(await createTestUser(server.ctx, []), TEST_PASSWORD);
    const before = await server.requestAs(session, 'GET', '/api/session');
    now += 2 * HOUR + 1000;
    const after = await server.requestAs(session, 'GET', '/api/session');
    expect([before.statusCode, after.statusCode]).toEqual([200, 401]);
  });

  it('ends a kept session twelve hours after sign-in however active', async () => {
    const server = await heardServer();
    const session = await server.signIn(await createTestUser(server.ctx, []), TEST_PASSWORD);
    const seen: number[] = [];
    for (let hour = 0; hour <= 11; hour += 1) {
      now = TEST_NOW.getTime() + hour * HOUR;
      seen.push((await server.requestAs(session, 'GET', '/api/session')).statusCode);
    }
    now = TEST_NOW.getTime() + 12 * HOUR + 1000;
    const after = await server.requestAs(session, 'GET', '/api/session');
    expect([seen, after.statusCode]).toEqual([Array.from({ length: 12 }, () => 200), 401]);
  });

  it('keeps a session that another server kept active, though this one last saw it two hours ago', async () => {
    const server = await heardServer();
    const session = await server.signIn(await createTestUser(server.ctx, []), TEST_PASSWORD);
    const before = await server.requestAs(session, 'GET', '/api/session');
    // Another server's touch of last_seen_at: a write no one is told of.
    await touchSession(getDb().kysely, sha256Hex(session.token), new Date(now + HOUR));
    now += 2 * HOUR + 1000;
    const after = await server.requestAs(session, 'GET', '/api/session');
    expect([before.statusCode, after.statusCode]).toEqual([200, 200]);
  });
});

describeEachEngine(
  'the principal cache on its own',
  (getDb) => {
    let server: TestServer;
    let hashes: string[];
    /** Set to publish on `bus` while the next statement runs: a write heard during a read. */
    let duringRead: (() => void) | null = null;
    let db: Db;

    beforeAll(async () => {
      server = await createTestServer(getDb());
      const email = await createTestUser(server.ctx, []);
      hashes = [];
      for (let i = 0; i < 3; i += 1)
        hashes.push(sha256Hex((await server.signIn(email, TEST_PASSWORD)).token));
      // Runs `duringRead` as the next statement starts: a drop that lands while a read is under way.
      const interrupter = statementRecorder(() => {
        const run = duringRead;
        duringRead = null;
        run?.();
      });
      db = { ...getDb(), kysely: getDb().kysely.withPlugin(interrupter) };
    });
    afterAll(async () => {
      await server.close();
    });

    /** How many times `cache` read the database to answer `hashes` in order. */
    async function readsFor(cache: PrincipalCache, order: readonly number[]): Promise<number> {
      const before = cache.databaseReads;
      for (const i of order) await cache.session(hashes[i] ?? '');
      return cache.databaseReads - before;
    }

    it('reads the database for every request while writes may go unheard', async () => {
      const cache = new PrincipalCache(db.kysely, new ChangeBus(), () => null);
      expect(await readsFor(cache, [0, 0, 0])).toBe(3);
    });

    it('drops what it kept when the epoch of hearing changes', async () => {
      let epoch = 1;
      const cache = new PrincipalCache(db.kysely, new ChangeBus(), () => epoch);
      const first = await readsFor(cache, [0, 0]);
      epoch = 2;
      expect([first, await readsFor(cache, [0, 0])]).toEqual([1, 1]);
    });

    it('does not keep a session read while an accounts change was heard', async () => {
      const bus = new ChangeBus();
      const cache = new PrincipalCache(db.kysely, bus, ALWAYS_HEARD);
      duringRead = () => bus.publish({ kind: 'accounts' });
      expect(await readsFor(cache, [0, 0, 0])).toBe(2);
    });

    it.each([
      { kind: 'accounts' },
      { kind: 'metadata', revision: 1 },
      { kind: 'stale', rootId: null },
    ] satisfies ChangeEvent[])('drops everything on $kind', async (event) => {
      const bus = new ChangeBus();
      const cache = new PrincipalCache(db.kysely, bus, ALWAYS_HEARD);
      const first = await readsFor(cache, [0, 1, 0, 1]);
      bus.publish(event);
      expect([first, await readsFor(cache, [0, 1])]).toEqual([2, 2]);
    });

    it('keeps at most its bound, dropping the least recently used', async () => {
      const cache = new PrincipalCache(db.kysely, new ChangeBus(), ALWAYS_HEARD, 2);
      // 0 and 1 kept; 0 used again; 2 pushes out 1 (least recently used); 0 is still kept, 1 is read again.
      expect(await readsFor(cache, [0, 1, 0, 2, 0, 1])).toBe(4);
    });
  },
  { engines: ['pglite'] },
);
