/**
 * Runs once before the end-to-end files: builds the web app and loads the demo into a template data directory,
 * which every file's `startE2e()` copies instead of loading the demo again. Loading the demo takes 25–50 s on these
 * machines; starting from a copy takes about one second, and each file still gets its own database, so a file that
 * changes data cannot disturb another.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/start-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A closed PGlite data directory holding the demo, for `startE2e()` to copy. */
    e2eDemoDataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureWebBuild();
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-e2e-template-'));
  const dataDir = join(dir, 'data');
  const server = await startServer(
    { ...loadConfig({ HEALTHBSC_DATA_DIR: dataDir }), port: 0 },
    { logRequests: false },
  );
  await server.close();
  project.provide('e2eDemoDataDir', dataDir);
  return () => rm(dir, { recursive: true, force: true });
}
