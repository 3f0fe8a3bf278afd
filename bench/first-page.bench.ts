/**
 * The first page's bytes as the server sends them (issue 11, target ≤ 350 KB compressed): index.html, the
 * entry's JavaScript and CSS with their static imports, and the overview page's chunk (what loads before its
 * numbers show), each fetched over HTTP from a running server with `Accept-Encoding: br, gzip` (and once with
 * gzip only) and counted as they arrive: the precompressed copies the build writes (vite.config.ts).
 *
 * Run: `node bench/first-page.bench.ts` (builds dist/web if it is stale).
 */

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { ensureWebBuild, PACKAGE_ROOT } from '../scripts/ensure-web-build.ts';
import { connect } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { ChangeBus } from '../src/server/change-bus.ts';
import { printTable, type Row } from './report.ts';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The files the first page loads: the entry and the overview page, their static imports and their CSS. */
function firstPageFiles(dist: string): string[] {
  const manifest: Manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const keys = Object.keys(manifest).filter(
    (key) => manifest[key]?.isEntry === true || key.endsWith('features/overview/overview-page.tsx'),
  );
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  const files = new Set<string>();
  for (const key of seen) {
    const chunk = manifest[key];
    if (chunk === undefined) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return ['', ...files];
}

/** The bytes of `path` as they come over the wire, and the encoding they came in. */
function fetchRaw(base: URL, path: string, encoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/${path}`, base),
      { headers: { 'accept-encoding': encoding } },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('end', () =>
          resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function runFirstPageBench(): Promise<Row[]> {
  await ensureWebBuild({ log: (message) => process.stderr.write(`${message}\n`) });
  const webRoot = join(PACKAGE_ROOT, 'dist/web');
  const db = await connect({ engine: 'pglite', dataDir: null, worker: false });
  const app = await buildApp({ db, now: () => new Date(), changes: new ChangeBus() }, { webRoot });
  try {
    const base = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
    const files = firstPageFiles(webRoot);
    const rows: Row[] = [];
    for (const [label, encoding] of [
      ['brotli', 'br, gzip'],
      ['gzip', 'gzip'],
      ['uncompressed', 'identity'],
    ] as const) {
      let total = 0;
      const encodings = new Set<string>();
      for (const file of files) {
        const { bytes, encoding: sent } = await fetchRaw(base, file, encoding);
        total += bytes;
        encodings.add(sent);
      }
      rows.push({
        engine: 'http',
        figure: `first page as served (${label}): HTML, JS, CSS`,
        value: `${(total / 1024).toFixed(1)} KB`,
        detail: `${files.length} files, sent as ${[...encodings].join('/')}`,
        // Every browser in use sends `br`; gzip is the fallback of older clients and proxies.
        target: label === 'brotli' ? '≤ 350 KB' : '',
      });
    }
    return rows;
  } finally {
    await app.close();
    await db.close();
  }
}

if (import.meta.main) {
  printTable('First page bytes as served (issue 11)', await runFirstPageBench());
}
