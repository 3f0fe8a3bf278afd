/**
 * `healthbsc export` while a server runs: with `--server URL --token TOKEN`, or by default when a live process
 * holds the PGlite data directory, the export comes from the server's export routes. Here a stand-in server on
 * loopback records each request and answers fixed bytes (or a problem).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import { runExport } from './export.ts';

// A CSV export as the server writes it: UTF-8 with a byte-order mark, CRLF lines.
const CSV = Buffer.from('\uFEFForg_unit,period,data_element,value\r\nICU,2024-01,BEDS,20\r\n', 'utf8');
const SCORECARD = '{\n  "format": "healthbsc/scorecard@2",\n  "code": "UMG-BSC"\n}\n';

let server: Server;
let port: number;
let url: string;
let dir: string;
const seen: { path: string | undefined; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-export-server-'));
  server = createServer((request, response) => {
    seen.push({ path: request.url, headers: request.headers });
    const path = request.url ?? '';
    if (path.startsWith('/api/exports/data-values')) {
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="data-values.csv"; filename*=UTF-8''data-values.csv`,
      });
      response.end(CSV);
    } else if (path.startsWith('/api/exports/scorecards/UMG-BSC')) {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(SCORECARD);
    } else {
      response.writeHead(403, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ status: 403, code: 'access.forbidden', detail: 'not allowed' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** A data directory whose lock a live process other than this one holds (the parent of this test worker). */
async function heldDataDir(): Promise<string> {
  const data = join(dir, 'held');
  await mkdir(data, { recursive: true });
  const holder = { pid: process.ppid, owner: 'the HealthBSC server', since: new Date().toISOString() };
  await writeFile(join(data, 'healthbsc.lock'), JSON.stringify(holder));
  return data;
}

describe('healthbsc export --server', () => {
  it('fetches data values with the filters and the token, and writes the bytes the server sent', async () => {
    const out = join(dir, 'values.csv');
    const args = ['data', '--org-unit', 'ICU', '--include-descendants', '--period', '2024-01,2024-02'];
    const run = await capture(runExport, [...args, '--out', out, '--server', url, '--token', 'hbsc_t'], {});
    const request = seen.at(-1);
    expect([
      run.code,
      request?.path,
      request?.headers.authorization,
      Buffer.compare(await readFile(out), CSV),
    ]).toEqual([
      0,
      '/api/exports/data-values?format=csv&orgUnit=ICU&includeDescendants=true&period=2024-01%2C2024-02',
      'Bearer hbsc_t',
      0,
    ]);
  });

  it('prints a scorecard file fetched from the scorecard route', async () => {
    const run = await capture(
      runExport,
      ['scorecard', 'UMG-BSC', '--format', 'json', '--server', url, '--token', 'hbsc_t'],
      {},
    );
    expect([run.code, run.stdout, seen.at(-1)?.path]).toEqual([
      0,
      ['{', '  "format": "healthbsc/scorecard@2",', '  "code": "UMG-BSC"', '}'],
      '/api/exports/scorecards/UMG-BSC?format=json',
    ]);
  });

  it('asks the server by default when it holds the data directory, with HEALTHBSC_TOKEN', async () => {
    const env = {
      HEALTHBSC_DATA_DIR: await heldDataDir(),
      HEALTHBSC_HOST: '127.0.0.1',
      HEALTHBSC_PORT: String(port),
      HEALTHBSC_TOKEN: 'hbsc_env',
    };
    const run = await capture(runExport, ['scorecard', 'UMG-BSC'], env);
    expect([run.code, seen.at(-1)?.path, seen.at(-1)?.headers.authorization]).toEqual([
      0,
      '/api/exports/scorecards/UMG-BSC?format=yaml',
      'Bearer hbsc_env',
    ]);
  });

  it('needs a token when the server holds the data directory', async () => {
    const run = await capture(runExport, ['scorecard', 'UMG-BSC'], {
      HEALTHBSC_DATA_DIR: await heldDataDir(),
    });
    expect([run.code, run.stderr]).toEqual([
      2,
      [
        `the HealthBSC server (pid ${process.ppid}) holds the data directory; give --token TOKEN (and --server URL) to ask the server`,
      ],
    ]);
  });

  it('says which export the server has no route for', async () => {
    const run = await capture(
      runExport,
      ['targets', '--scorecard', 'UMG-BSC', '--server', url, '--token', 'hbsc_t'],
      {},
    );
    expect([run.code, run.stderr]).toEqual([
      2,
      ['the server has no route for the targets export; stop the server and run the command again'],
    ]);
  });

  it('reports a refused request with the status and the problem detail', async () => {
    const run = await capture(runExport, ['scorecard', 'SECRET', '--server', url, '--token', 'hbsc_t'], {});
    expect([run.code, run.stderr]).toEqual([2, ['the server answered 403: not allowed']]);
  });

  it('reports a server it cannot reach', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const gone = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await new Promise((resolve) => closed.close(resolve));
    const run = await capture(runExport, ['data', '--server', gone, '--token', 'hbsc_t'], {});
    expect([run.code, run.stderr]).toEqual([
      2,
      [expect.stringContaining(`cannot reach the server at ${gone}`)],
    ]);
  });
});
