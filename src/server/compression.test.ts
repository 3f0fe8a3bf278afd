/**
 * Compressed answers: the API's JSON in brotli or gzip as the client accepts, and the web app's files sent
 * from the precompressed copies the build writes beside them.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { buildApp } from './app.ts';
import { ChangeBus } from './change-bus.ts';

describeEachEngine(
  'compression',
  (getDb) => {
    let app: FastifyInstance;
    let webRoot: string;
    const script = `console.log(${JSON.stringify('x'.repeat(4_000))});`;

    beforeAll(async () => {
      webRoot = await mkdtemp(join(tmpdir(), 'healthbsc-web-'));
      await mkdir(join(webRoot, 'assets'));
      await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>HealthBSC</title>');
      await writeFile(join(webRoot, 'assets', 'app-1a2b.js'), script);
      // Marked copies: the test tells them apart from a compression made per request.
      await writeFile(join(webRoot, 'assets', 'app-1a2b.js.br'), 'precompressed brotli');
      await writeFile(join(webRoot, 'assets', 'app-1a2b.js.gz'), 'precompressed gzip');
      const ctx = { db: getDb(), now: () => new Date(), changes: new ChangeBus() };
      app = await buildApp(ctx, { accounts: { mode: 'demo' }, webRoot });
    });
    afterAll(async () => {
      await app.close();
      await rm(webRoot, { recursive: true, force: true });
    });

    it('sends the API document in brotli to a client that accepts it', async () => {
      const plain = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      const response = await app.inject({
        method: 'GET',
        url: '/api/openapi.json',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect([
        response.headers['content-encoding'],
        brotliDecompressSync(response.rawPayload).toString(),
      ]).toEqual(['br', plain.body]);
    });

    it('sends gzip to a client that accepts only gzip', async () => {
      const plain = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      const response = await app.inject({
        method: 'GET',
        url: '/api/openapi.json',
        headers: { 'accept-encoding': 'gzip' },
      });
      expect([response.headers['content-encoding'], gunzipSync(response.rawPayload).toString()]).toEqual([
        'gzip',
        plain.body,
      ]);
    });

    it("sends a web app file's precompressed brotli copy as it is", async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/assets/app-1a2b.js',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect([response.headers['content-encoding'], response.body]).toEqual(['br', 'precompressed brotli']);
    });

    it('sends the file itself to a client that accepts no compression', async () => {
      const response = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
      expect([response.headers['content-encoding'], response.body]).toEqual([undefined, script]);
    });
  },
  { engines: ['pglite'] },
);
