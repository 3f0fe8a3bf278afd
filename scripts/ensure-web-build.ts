/**
 * Builds the web app into dist/web when it is missing or older than what it is built from. `npm start` runs it
 * first (the `prestart` script), so a fresh clone serves a working app; the end-to-end tests and the benchmark
 * call `ensureWebBuild()` too. Nothing is downloaded: Vite and the sources are already installed. A production
 * install (`npm ci --omit=dev`, no Vite) never builds: it serves the dist/web shipped with it
 * (docs/deployment.md).
 *
 * Run: `node scripts/ensure-web-build.ts` (prints whether it built), or `npm run build:web` to always build.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root directory. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the build reads, relative to the package root: a change to any of them makes the build stale. */
export const WEB_INPUTS = ['src/web', 'src/core', 'vite.config.ts', 'tsconfig.web.json', 'package-lock.json'];

/** Written last by a build (Vite's manifest): its time is the build's time. */
export const BUILD_STAMP = 'dist/web/.vite/manifest.json';

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

export interface BuildState {
  readonly stale: boolean;
  /** Why it is stale (or that it is current), for the log. */
  readonly reason: string;
}

/**
 * Whether dist/web must be (re)built: missing, or older than the newest of WEB_INPUTS.
 *
 * @example webBuildState().stale // false right after `npm run build:web`
 */
export function webBuildState(root: string = PACKAGE_ROOT): BuildState {
  const stamp = join(root, BUILD_STAMP);
  if (!existsSync(stamp) || !existsSync(join(root, 'dist/web/index.html'))) {
    return { stale: true, reason: 'the web app has not been built yet' };
  }
  const built = statSync(stamp).mtimeMs;
  const newest = Math.max(...WEB_INPUTS.map((input) => newestChange(join(root, input))));
  return newest > built
    ? { stale: true, reason: 'its sources changed since the last build' }
    : { stale: false, reason: 'the web app is up to date' };
}

/**
 * Builds with the package's vite.config.ts (the same build as `npm run build:web`), in a child process with
 * NODE_ENV=production: inside a test runner NODE_ENV is `test`, and Vite would then bundle React's
 * development build.
 */
export async function buildWeb(root: string = PACKAGE_ROOT): Promise<void> {
  let viteBin: string;
  try {
    viteBin = join(
      dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')),
      'bin/vite.js',
    );
  } catch {
    throw new Error(
      'Vite is not installed (a production install, `npm ci --omit=dev`?) and there is no web app in dist/web: ' +
        'build it where the dev dependencies are installed (`npm ci && npm run build:web`) and ship dist/web ' +
        'with the package (docs/deployment.md).',
    );
  }
  await new Promise<void>((resolveBuild, rejectBuild) => {
    execFile(
      process.execPath,
      [viteBin, 'build', '--logLevel', 'warn'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error === null) resolveBuild();
        else rejectBuild(new Error(`The web app's build failed:\n${stderr.trim() || error.message}`));
      },
    );
  });
}

/** Whether Vite (a dev dependency) is installed: not in a production install (`npm ci --omit=dev`). */
export function isViteInstalled(root: string = PACKAGE_ROOT): boolean {
  try {
    createRequire(join(root, 'package.json')).resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the web app if it is stale; says what it did through `log`. Returns whether it built. A production
 * install has no Vite: it serves the build shipped in dist/web as it is, however its files' times compare
 * (a copy or an archive may change them), and never builds at start.
 */
export async function ensureWebBuild(
  options: { readonly root?: string; readonly log?: (message: string) => void } = {},
): Promise<boolean> {
  const root = options.root ?? PACKAGE_ROOT;
  const log = options.log ?? (() => {});
  const state = webBuildState(root);
  if (!state.stale) return false;
  if (!isViteInstalled(root) && existsSync(join(root, 'dist/web/index.html'))) {
    log('A production install (no Vite): serving the web app shipped in dist/web.');
    return false;
  }
  log(`Building the web app (${state.reason}) …`);
  const started = performance.now();
  await buildWeb(root);
  log(`Built the web app into dist/web in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (import.meta.main) {
  try {
    await ensureWebBuild({ log: (message) => process.stderr.write(`${message}\n`) });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
