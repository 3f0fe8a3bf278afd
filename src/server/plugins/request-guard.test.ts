/**
 * The request guard (./request-guard.ts): control characters in every path and query parameter, the cap on
 * heavy requests, the request timeout, and PostgreSQL's statement timeout answered as 503. The guard itself
 * runs no SQL; the statement timeout is PostgreSQL's (PGlite ignores it and cannot cancel a query).
 */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { type AccessWorld, createAccessWorld } from '../../../test/fixtures/access-world.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import { controlCharacterIn } from '../../core/guard/edge-checks.ts';

describe('controlCharacterIn', () => {
  it.each([
    ['PUMCH', null],
    ['a\u0000b', 'U+0000'],
    ['tab\there', 'U+0009'],
    ['del\u007f', 'U+007F'],
    ['心内科', null],
  ])('finds the control character of %j', (text, expected) => {
    expect(controlCharacterIn(text)).toBe(expected);
  });
});

describeEachEngine(
  'control characters in parameters',
  (getDb) => {
    let w: AccessWorld;
    beforeAll(async () => {
      w = await createAccessWorld(getDb());
    });
    afterAll(() => w.server.close());

    /** Every GET route of the OpenAPI document, its path parameters filled with a NUL byte. */
    async function getRoutes(): Promise<string[]> {
      const response = await w.server.request('GET', '/api/openapi.json');
      const paths: Record<string, Record<string, unknown>> = response.json().paths;
      return Object.entries(paths)
        .filter(([, operations]) => 'get' in operations)
        .map(([path]) => `/api${path.replace(/^\/api/, '')}`.replace(/\{[^}]+\}/g, '%00'));
    }

    it('answers a NUL byte in a query parameter of every GET route with 400 guard.control-character', async () => {
      const routes = await getRoutes();
      const statuses = new Map<string, string>();
      for (const route of routes) {
        const url = `${route.includes('%00') ? route.replaceAll('%00', 'X') : route}?orgUnit=A%00B`;
        const response = await w.server.request('GET', url);
        statuses.set(route, `${response.statusCode} ${response.json().code}`);
      }
      expect([...statuses.values()].filter((s) => s !== '400 guard.control-character')).toEqual([]);
      expect(routes.length).toBeGreaterThan(40);
    });

    it('answers a NUL byte in a path parameter of every GET route with 400 guard.control-character', async () => {
      const routes = (await getRoutes()).filter((route) => route.includes('%00'));
      const bad: string[] = [];
      for (const route of routes) {
        const response = await w.server.request('GET', route);
        if (response.statusCode !== 400 || response.json().code !== 'guard.control-character')
          bad.push(route);
      }
      expect(bad).toEqual([]);
    });

    it('names the parameter and the character in the problem', async () => {
      const response = await w.server.request('GET', '/api/org-units?q=x%01y');
      expect(response.json()).toMatchObject({
        status: 400,
        code: 'guard.control-character',
        params: { part: 'query', name: 'q', char: 'U+0001' },
      });
    });

    it('answers a control character in a parameter name too', async () => {
      const response = await w.server.request('GET', '/api/org-units?q%00x=x');
      expect([response.statusCode, response.json().params.name]).toEqual([400, 'q?x']);
    });

    it('lets Chinese text and ordinary punctuation through', async () => {
      const response = await w.server.request(
        'GET',
        `/api/org-units?q=${encodeURIComponent('心内科 (A-1)')}`,
      );
      expect(response.statusCode).toBe(200);
    });
  },
  { engines: ['pglite'] },
);

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describeEachEngine(
  'heavy requests and the request timeout',
  (getDb) => {
    let server: TestServer;
    const gate = deferred();
    let entered = deferred();
    // Stand-ins for the heavy routes (same URLs): each waits until the test lets it answer.
    const routes: FastifyPluginAsync = async (app) => {
      app.get('/rankings', async () => {
        entered.resolve();
        await gate.promise;
        return { ok: true };
      });
      app.get('/slow', async () => new Promise(() => {}));
    };
    beforeAll(async () => {
      server = await createTestServer(getDb(), {
        routes: [routes],
        guard: { maxHeavy: 1, requestTimeoutMs: 200, retryAfterSeconds: 3 },
      });
      await server.adminSession();
    });
    afterAll(() => server.close());

    it('refuses a heavy request past the cap with 503 guard.busy and Retry-After', async () => {
      entered = deferred();
      const first = server.request('GET', '/api/rankings');
      await entered.promise;
      const second = await server.request('GET', '/api/rankings');
      gate.resolve();
      expect([second.statusCode, second.headers['retry-after'], second.json().code]).toEqual([
        503,
        '3',
        'guard.busy',
      ]);
      expect((await first).statusCode).toBe(200);
    });

    it('serves a heavy request again once the one before has answered', async () => {
      const response = await server.request('GET', '/api/rankings');
      expect(response.statusCode).toBe(200);
    });

    it('answers a request that takes too long with 503 guard.timed-out', async () => {
      const response = await server.request('GET', '/api/slow');
      expect([response.statusCode, response.json().code, response.json().params]).toEqual([
        503,
        'guard.timed-out',
        { seconds: 1 },
      ]);
    });
  },
  { engines: ['pglite'] },
);

describeEachEngine(
  'statement timeout',
  (getDb) => {
    let server: TestServer;
    const routes: FastifyPluginAsync = async (app) => {
      app.get('/sleepy', async () => {
        await app.ctx.db.kysely.transaction().execute(async (trx) => {
          await sql`set local statement_timeout = 50`.execute(trx);
          await sql`select pg_sleep(2)`.execute(trx);
        });
        return { ok: true };
      });
    };
    beforeAll(async () => {
      server = await createTestServer(getDb(), { routes: [routes] });
    });
    afterAll(() => server.close());

    it('answers a statement PostgreSQL cancelled with 503 guard.statement-timed-out', async () => {
      const response = await server.request('GET', '/api/sleepy');
      expect([response.statusCode, response.json().code, response.headers['retry-after']]).toEqual([
        503,
        'guard.statement-timed-out',
        '5',
      ]);
    });
  },
  { engines: ['postgres'] },
);
