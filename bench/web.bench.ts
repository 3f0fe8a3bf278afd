/**
 * The web issue's benchmark:
 * (a) the first route's JavaScript, gzipped, from the Vite build manifest (target ≤ 350 KB): the entry chunk and
 *     its static imports, as the issue measures it; and, for the full picture, with the overview page's own
 *     chunk (what loads before its numbers show), and with the charts it loads lazily (ECharts): everything
 *     the opening page downloads;
 * (b) the comparison heatmap with 500 org units × 40 indicators in headless Chromium (target ≤ 1 s): from the
 *     ranking JSON to ECharts' `finished` event, through buildHeatmapMatrix, React and the chart; once as the
 *     page draws it (30 rows at a time, the rest scroll) and once with all 500 rows drawn at once.
 *
 * Run: `node bench/web.bench.ts` (builds dist/web if it is stale; needs /usr/bin/chromium).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, PACKAGE_ROOT } from '../scripts/ensure-web-build.ts';
import { launchChromium } from '../test/web/chromium.ts';
import { percentile, printTable, type Row, seconds } from './report.ts';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

/** A chunk and everything it imports statically (what the browser must load before running it). */
function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

function gzippedKb(dir: string, manifest: Manifest, keys: Iterable<string>): number {
  let bytes = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk !== undefined) bytes += gzipSync(readFileSync(join(dir, chunk.file)), { level: 9 }).length;
  }
  return bytes / 1024;
}

export function measureBundle(dist = join(PACKAGE_ROOT, 'dist/web')): Row[] {
  const manifest: Manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
  if (entry === undefined) throw new Error('The Vite manifest has no entry chunk.');
  const overview = Object.keys(manifest).find((key) => key.endsWith('features/overview/overview-page.tsx'));
  const first = staticClosure(manifest, [entry]);
  const pageKeys = overview === undefined ? [entry] : [entry, overview];
  const withPage = staticClosure(manifest, pageKeys);
  // The page's lazy imports (the chart component and ECharts) and their static imports.
  const lazy = [...withPage].flatMap((key) => (key === entry ? [] : (manifest[key]?.dynamicImports ?? [])));
  const withCharts = staticClosure(manifest, [...pageKeys, ...lazy]);
  const kb = (value: number) => `${value.toFixed(1)} KB`;
  return [
    {
      engine: 'vite',
      figure: 'first route JS, gzipped (entry + static imports)',
      value: kb(gzippedKb(dist, manifest, first)),
      detail: `${first.size} chunks`,
      target: '≤ 350 KB',
    },
    {
      engine: 'vite',
      figure: '+ the overview page: its numbers on screen',
      value: kb(gzippedKb(dist, manifest, withPage)),
      detail: `${withPage.size} chunks`,
      target: '',
    },
    {
      engine: 'vite',
      figure: '+ its charts (ECharts, loaded lazily)',
      value: kb(gzippedKb(dist, manifest, withCharts)),
      detail: `${withCharts.size} chunks`,
      target: '',
    },
  ];
}

/** Builds the benchmark page (src/web/bench/heatmap-bench.html) with the app's Vite config into `outDir`. */
async function buildBenchPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(PACKAGE_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: false,
      rolldownOptions: { input: join(PACKAGE_ROOT, 'src/web/bench/heatmap-bench.html') },
    },
  });
}

export async function measureHeatmap(options: { runs?: number } = {}): Promise<Row[]> {
  const runs = options.runs ?? 5;
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-heatmap-bench-'));
  const browser = await launchChromium();
  try {
    await buildBenchPage(dir);
    const origin = 'http://bench.healthbsc.invalid';
    const rows: Row[] = [];
    for (const mode of ['window', 'all'] as const) {
      const times: number[] = [];
      let cells = 0;
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        // Serve the built page from disk: no server, nothing from the network.
        await page.route(`${origin}/**`, (route) =>
          route.fulfill({ path: join(dir, new URL(route.request().url()).pathname) }),
        );
        await page.goto(`${origin}/bench/heatmap-bench.html?units=500&indicators=40&rows=${mode}`);
        await page.waitForFunction('window.heatmapBench !== undefined', undefined, { timeout: 30_000 });
        const result = (await page.evaluate('window.heatmapBench')) as { ms: number; cells: number };
        times.push(result.ms);
        cells = result.cells;
        await context.close();
      }
      times.sort((a, b) => a - b);
      rows.push({
        engine: 'chromium',
        figure:
          mode === 'window'
            ? 'heatmap 500 × 40, as the page draws it (30 rows)'
            : 'heatmap 500 × 40, all rows drawn',
        value: seconds(percentile(times, 0.5)),
        detail: `median of ${runs}, max ${seconds(times.at(-1) ?? Number.NaN)}; ${cells} cells`,
        target: mode === 'window' ? '≤ 1 s' : '',
      });
    }
    return rows;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Both figures; builds dist/web first when it is stale. */
export async function runWebBench(options: { runs?: number } = {}): Promise<Row[]> {
  await ensureWebBuild({ log: (message) => process.stderr.write(`${message}\n`) });
  return [...measureBundle(), ...(await measureHeatmap(options))];
}

if (import.meta.main) {
  printTable(
    'Web app: first route JavaScript and the comparison heatmap (issue: web application)',
    await runWebBench(),
  );
}
