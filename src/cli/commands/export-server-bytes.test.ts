/**
 * `healthbsc export --server` against the real server on loopback writes the very bytes the local export
 * writes from the same PGlite data directory: data values and a scorecard file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestAdmin } from '../../../test/fixtures/accounts.ts';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import { createImportWorld, type ImportWorld } from '../../../test/fixtures/imports/world.ts';
import { createApiToken } from '../../server/accounts/tokens.service.ts';
import { buildApp } from '../../server/app.ts';
import { systemActor } from '../../server/context.ts';
import { importRoutes } from '../../server/imports/import.routes.ts';
import { type DbSession, type Env, openDbSession } from '../db-session.ts';
import { runExport } from './export.ts';
import { runImport } from './import.ts';

let dir: string;
let env: Env;
let world: ImportWorld;
let session: DbSession | undefined;
let app: FastifyInstance | undefined;
let server: string[];

/** Runs one export with `args` writing to `name` in the test folder; its bytes. */
async function exported(name: string, args: readonly string[]): Promise<Buffer> {
  const out = join(dir, name);
  const run = await capture(runExport, [...args, '--out', out], env);
  expect([run.code, run.stderr.filter((line) => !line.startsWith('wrote '))]).toEqual([0, []]);
  return readFile(out);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-export-bytes-'));
  env = { HEALTHBSC_DATA_DIR: join(dir, 'data') };
  const setup = await openDbSession({ owner: 'test setup', env });
  try {
    world = await createImportWorld(setup.db, 'xs');
  } finally {
    await setup.close();
  }
  const values = join(dir, 'values.csv');
  await writeFile(
    values,
    `org_unit,period,data_element,value\n${world.units.icu},2024-01,${world.elements.beds},20\n` +
      `${world.units.er},2024-01,${world.elements.occ},7.5\n`,
  );
  expect((await capture(runImport, [values], env)).code).toBe(0);
});

afterAll(async () => {
  await app?.close();
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Starts the server on the data directory (it takes the lock), with an admin and an API token over the tree. */
async function startServer(): Promise<void> {
  session = await openDbSession({ owner: 'the HealthBSC server', env });
  // A server with no administrator serves no data (503).
  await ensureTestAdmin(session.ctx);
  const token = await createApiToken(session.ctx, systemActor('test'), {
    name: 'cli-export',
    role: 'viewer',
    orgUnits: [world.units.root],
  });
  app = await buildApp(session.ctx, { routes: [importRoutes] });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  server = ['--server', url, '--token', token.token];
}

describe('healthbsc export --server against the real server', () => {
  it('writes the same bytes as the local export, for data values and a scorecard file', async () => {
    const localData = await exported('local.csv', ['data']);
    const localScorecard = await exported('local.yaml', ['scorecard', world.scorecard]);
    await startServer();
    const remoteData = await exported('remote.csv', ['data', ...server]);
    const remoteScorecard = await exported('remote.yaml', ['scorecard', world.scorecard, ...server]);
    expect([
      localData.toString('utf8').split('\n').length,
      Buffer.compare(remoteData, localData),
      Buffer.compare(remoteScorecard, localScorecard),
    ]).toEqual([4, 0, 0]);
  });
});
