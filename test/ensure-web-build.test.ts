/**
 * `npm start`'s prestart in a production install (`npm ci --omit=dev`: no Vite): the shipped dist/web is
 * served as it is, and without one the start stops saying how to build and ship it (docs/deployment.md).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ensureWebBuild } from '../scripts/ensure-web-build.ts';

let root: string | undefined;
afterEach(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

/** A package without node_modules (so no Vite), with sources newer than any build. */
async function productionInstall(withBuild: boolean): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'healthbsc-install-'));
  await writeFile(join(root, 'package.json'), '{"name":"healthbsc","type":"module"}');
  if (withBuild) {
    await mkdir(join(root, 'dist/web'), { recursive: true });
    await writeFile(join(root, 'dist/web/index.html'), '<!doctype html>');
  }
  await mkdir(join(root, 'src/web'), { recursive: true });
  await writeFile(join(root, 'src/web/main.tsx'), '// newer than the build');
  return root;
}

it('serves the shipped web app without building it when Vite is not installed', async () => {
  const log: string[] = [];
  const built = await ensureWebBuild({ root: await productionInstall(true), log: (line) => log.push(line) });
  expect([built, log]).toEqual([
    false,
    ['A production install (no Vite): serving the web app shipped in dist/web.'],
  ]);
});

it('stops, saying how to build and ship the web app, when there is neither Vite nor a build', async () => {
  await expect(ensureWebBuild({ root: await productionInstall(false) })).rejects.toThrow(
    /`npm ci && npm run build:web`\) and ship dist\/web/,
  );
});
