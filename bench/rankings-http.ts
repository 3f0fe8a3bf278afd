/**
 * Rankings over HTTP on the synthetic group (issue 11, "fast per request"): the server is built as the tests
 * build it (createTestServer: the app, the admin signed in) on the database platform.bench.ts loaded, listening
 * on 127.0.0.1. Figures:
 * - the first page of the ranking of every unit under the group (summary rows, 100 a page), the first request
 *   (which computes the ranking) and then autocannon for `seconds` with 10 connections (each page a slice of
 *   the cached ranking): p95 and the page's bytes, as JSON and brotli-compressed as the server sends it
 *   (targets: p95 ≤ 100 ms, ≤ 100 KB);
 * - a page of 1,000 full evaluations (`view=full`, cached), serialised by the compiled serialiser.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import autocannon from 'autocannon';
import type { Db } from '../src/db/connect.ts';
import { evaluationRoutes } from '../src/server/evaluation/evaluation.routes.ts';
import type { EvaluationEngine } from '../src/server/evaluation/evaluation-engine.ts';
import { createTestServer } from '../test/fixtures/server.ts';
import { type Row, seconds } from './report.ts';

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function measureRankingsOverHttp(
  db: Db,
  evaluations: EvaluationEngine,
  engineName: string,
  options: {
    readonly parent: string;
    readonly period: string;
    readonly units: number;
    readonly seconds: number;
  },
): Promise<Row[]> {
  const server = await createTestServer(db, {
    // The engine platform.bench.ts warmed: its cube is built, so the first request computes only the ranking.
    routesFor: () => [evaluationRoutes(evaluations)],
  });
  try {
    const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { headers } = await server.adminSession();
    const base = `${address}/api/rankings?scorecard=SYN-BSC&parent=${options.parent}&depth=descendants&period=${options.period}`;
    let started = performance.now();
    const first = await fetch(base, { headers });
    const body = new Uint8Array(await first.arrayBuffer());
    const firstMs = performance.now() - started;
    if (first.status !== 200) throw new Error(`ranking answered ${first.status}`);
    const compressed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
    const load = await autocannon({
      url: base,
      // The request guard answers 503 beyond 8 heavy requests at once (DEFAULT_MAX_HEAVY); rankings are heavy.
      connections: 8,
      duration: options.seconds,
      headers: { ...headers },
    });
    started = performance.now();
    const full = await fetch(`${base}&view=full&limit=1000`, { headers });
    const fullBytes = (await full.arrayBuffer()).byteLength;
    const fullFirst = performance.now() - started;
    started = performance.now();
    await (await fetch(`${base}&view=full&limit=1000`, { headers })).arrayBuffer();
    const fullCached = performance.now() - started;
    return [
      {
        engine: engineName,
        figure: `ranking of ${options.units} units over HTTP, first page (100 summary rows)`,
        value: `p95 ${load.latency.p97_5 <= 0 ? '-' : `${load.latency.p90}–${load.latency.p97_5} ms`}`,
        detail: `p90–p97.5 under 8 connections, ${Math.round(load.requests.average)} req/s, ${load.non2xx} non-2xx; ${kilobytes(body.length)} JSON, ${kilobytes(compressed)} brotli; first request ${seconds(firstMs)}`,
        target: '≤ 100 ms p95, ≤ 100 KB',
      },
      {
        engine: engineName,
        figure: 'a page of 1,000 full evaluations over HTTP (view=full)',
        value: seconds(fullCached),
        detail: `${kilobytes(fullBytes)} JSON (uncompressed); first ${seconds(fullFirst)}, then cached`,
        target: '',
      },
    ];
  } finally {
    await server.close();
  }
}
