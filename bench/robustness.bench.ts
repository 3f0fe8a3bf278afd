/**
 * Issue 11, part 3 ("no request freezes the others"): over HTTP on loopback, with autocannon in this process.
 * Prints, per engine:
 * - cached evaluations (the demo's AZ Hospital, 2016) with 50 connections for `seconds`: requests/s and p95
 *   (issue 11's target: ≥ 2,000 req/s and p95 ≤ 50 ms on PostgreSQL on 2 cores, load generator included);
 * - while a 100 MB CSV is checked (a dry run), evaluations with 10 connections: requests/s, p95 and the
 *   longest wait, and how long the check took.
 *
 * Each server is started as `healthbsc serve` starts it (startServer, demo mode) in a temporary directory or on
 * a throwaway PostgreSQL 15 cluster, listening on 127.0.0.1 only.
 *
 * Run: `npm run bench` (all benchmarks) or `node bench/robustness.bench.ts [--engines postgres,pglite] [--seconds 10]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { loadConfig } from '../src/server/config.ts';
import { type RunningServer, startServer } from '../src/server/start-server.ts';
import { startPostgresCluster } from '../test/postgres-cluster.ts';
import { freePort } from './free-port.ts';
import { formatRate, printTable, type Row, seconds } from './report.ts';

const EVALUATION = '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016';
const ADMIN = { email: 'admin@demo.healthbsc', password: 'demo-admin-2026' };

async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookies.join('; '), 'x-csrf-token': body.csrfToken };
}

/** A long-format CSV of about `bytes` bytes over one unit and data element. */
function largeCsv(unit: string, element: string, bytes: number): Uint8Array {
  const comment = 'checked against the ward census and the HIS export of the same month'.padEnd(80, '.');
  const lines = ['org_unit,period,data_element,value,comment'];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const line = `${unit},${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')},${element},${i % 997},${comment}`;
    lines.push(line);
    size += line.length + 2;
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

async function measure(engine: string, server: RunningServer, duration: number): Promise<Row[]> {
  const url = server.url;
  const headers = await signIn(url);
  await fetch(`${url}${EVALUATION}`, { headers }); // builds the cube: what follows is cached
  const cached = await autocannon({ url: `${url}${EVALUATION}`, connections: 50, duration, headers });
  const element = await server.ctx.db.kysely
    .selectFrom('data_element')
    .select('code')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const bytes = largeCsv('UMG-B1-INTM', element.code, 100_000_000);
  const started = performance.now();
  const checking = fetch(`${url}/api/imports?kind=data&fileName=large.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: bytes,
  }).then(async (response) => {
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  });
  const beside = await autocannon({ url: `${url}${EVALUATION}`, connections: 10, duration, headers });
  const check = await checking;
  const p95 = (r: Result) => `${r.latency.p90}–${r.latency.p97_5} ms (p90–p97.5)`;
  return [
    {
      engine,
      figure: 'cached evaluation, 50 connections',
      value: `${formatRate(cached.requests.average)} req/s`,
      detail: `p95 between ${p95(cached)}, ${cached.non2xx} non-2xx of ${cached.requests.total}`,
      target: engine === 'postgres' ? '≥ 2,000 req/s, p95 ≤ 50 ms' : '',
    },
    {
      engine,
      figure: 'evaluations while a 100 MB CSV is checked',
      value: `${formatRate(beside.requests.average)} req/s`,
      detail: `10 connections, p95 between ${p95(beside)}, longest ${beside.latency.max} ms, ${beside.non2xx} non-2xx`,
      target: 'all answered',
    },
    {
      engine,
      figure: 'checking the 100 MB CSV (dry run)',
      value: seconds(check.ms),
      detail: `status ${check.status}, beside the evaluations above`,
      target: '',
    },
  ];
}

export async function runRobustnessBench(options: {
  readonly engines: readonly string[];
  readonly seconds: number;
}): Promise<Row[]> {
  const rows: Row[] = [];
  for (const engine of options.engines) {
    const dir = await mkdtemp(join(tmpdir(), 'healthbsc-robust-'));
    const cluster = engine === 'postgres' ? await startPostgresCluster() : null;
    const env = {
      HEALTHBSC_PORT: String(await freePort()),
      HEALTHBSC_DATA_DIR: join(dir, 'data'),
      HEALTHBSC_LOG_LEVEL: 'silent',
      HEALTHBSC_JOBS: 'off',
      HEALTHBSC_MAX_HEAVY_REQUESTS: '8',
      ...(cluster === null ? {} : { HEALTHBSC_DATABASE_URL: cluster.url }),
    };
    const server = await startServer(loadConfig(env), { webRoot: null, logRequests: false });
    try {
      rows.push(...(await measure(engine, server, options.seconds)));
    } finally {
      await server.close();
      await cluster?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      engines: { type: 'string', default: 'postgres,pglite' },
      seconds: { type: 'string', default: '10' },
    },
  });
  const duration = Number(values.seconds);
  if (!Number.isFinite(duration) || duration <= 0) throw new Error('--seconds must be a positive number');
  printTable(
    'Robustness: cached evaluations over HTTP, and beside a 100 MB import check (issue 11, part 3)',
    await runRobustnessBench({ engines: values.engines.split(','), seconds: duration }),
  );
}
