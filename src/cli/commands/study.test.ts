/**
 * `healthbsc study --server URL --token TOKEN` asks a running server instead of opening the database: here a
 * stand-in server on loopback that records the request and answers a study result.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import type { StudyResult } from '../../core/contracts/studies.ts';
import { runStudy } from './study.ts';

const EXAMPLE = new URL('../../../examples/umg-study/', import.meta.url).pathname;

const RESULT: StudyResult = {
  study: { code: 'UMG-REFORM', name: { en: 'Reform' }, scorecard: 'UMG-BSC' },
  baseline: { from: '2021-01', to: '2021-12' },
  followUp: { from: '2024-01', to: '2024-12' },
  level: 0.95,
  rows: [
    {
      indicator: 'county_visit_rate',
      unit: 'UMG',
      unitKind: 'orgUnit',
      statistic: 'proportion',
      baseline: 50,
      followUp: 60,
      change: 10,
      changePct: 20,
      test: 'two-proportion',
      overridden: false,
      p: 0.01,
      pAdjusted: 0.02,
      ci: [2, 18],
      tests: [],
      its: null,
      series: [],
    },
  ],
  icers: [],
  names: { indicators: {}, units: {} },
};

let server: Server;
let url: string;
const seen: { path: string | undefined; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      seen.push({ path: request.url, headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(RESULT));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('healthbsc study --server', () => {
  it('posts the study file to /api/studies/evaluate with the token and prints the rows', async () => {
    const run = await capture(runStudy, [EXAMPLE, '--json', '--server', url, '--token', 'hbsc_test'], {});
    const request = seen.at(-1);
    expect([
      run.code,
      JSON.parse(run.stdout.join('\n')).rows[0].changePct,
      request?.path,
      request?.headers.authorization,
      JSON.parse(request?.body ?? '{}').code,
    ]).toEqual([0, 20, '/api/studies/evaluate', 'Bearer hbsc_test', 'UMG-REFORM']);
  });

  it('needs a token to ask a server', async () => {
    const run = await capture(runStudy, [EXAMPLE, '--server', url], {});
    expect([run.code, run.stderr]).toEqual([2, [expect.stringContaining('--token TOKEN')]]);
  });
});
