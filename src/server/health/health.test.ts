/**
 * `GET /api/health/ready`: 503 with Retry-After while the server starts, 200 once ready; no session needed,
 * and answered in production mode before an administrator exists.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { buildApp } from '../app.ts';
import { ChangeBus } from '../change-bus.ts';
import { healthRoutes } from './health.routes.ts';
import { Readiness } from './readiness.ts';

describeEachEngine(
  'the readiness endpoint',
  (getDb) => {
    let app: FastifyInstance | undefined;
    afterEach(() => app?.close());

    async function serve(readiness: Readiness): Promise<FastifyInstance> {
      const ctx = { db: getDb(), now: () => new Date(), changes: new ChangeBus() };
      app = await buildApp(ctx, { accounts: { mode: 'production' }, routes: [healthRoutes(readiness)] });
      return app;
    }

    it('answers 503 with Retry-After and the step while the server starts', async () => {
      const server = await serve(new Readiness('loading the value cubes'));
      const response = await server.inject({ method: 'GET', url: '/api/health/ready' });
      expect([
        response.statusCode,
        response.headers['retry-after'],
        response.json().code,
        response.json().params,
      ]).toEqual([503, '2', 'health.starting', { step: 'loading the value cubes' }]);
    });

    it('answers 503 with how many organisations are loaded while loading the cubes, then 200', async () => {
      const readiness = new Readiness('loading the value cubes', 1_000);
      const server = await serve(readiness);
      readiness.advance(1, 3);
      const loading = await server.inject({ method: 'GET', url: '/api/health/ready' });
      readiness.advance(3, 3);
      readiness.markReady();
      const ready = await server.inject({ method: 'GET', url: '/api/health/ready' });
      expect([loading.statusCode, loading.json().code, loading.json().params, ready.statusCode]).toEqual([
        503,
        'health.loading',
        { done: 1, total: 3 },
        200,
      ]);
    });

    it('answers 200 without a session once ready, before any administrator exists', async () => {
      const readiness = new Readiness('loading the value cubes', 1_000);
      const server = await serve(readiness);
      readiness.markReady();
      const response = await server.inject({ method: 'GET', url: '/api/health/ready' });
      expect([response.statusCode, response.json().status]).toEqual([200, 'ready']);
    });
  },
  { engines: ['pglite'] },
);
