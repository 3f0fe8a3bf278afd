/**
 * `npm run bench`: every benchmark, printing its figures. Benchmarks measure; tests never time anything.
 * Options pass through: `npm run bench -- --engines postgres --scale 0.1`; `--only extracts,entry-grid` runs
 * those benchmarks only (names: platform, web, first-page, jobs, robustness, entry-grid, reports, extracts, cube-scale).
 */
import { parseArgs } from 'node:util';
import { runCubeScaleBench } from './cube-scale.bench.ts';
import { runEntryGridBench } from './entry-grid.bench.ts';
import { runExtractsBench } from './extracts.bench.ts';
import { runFirstPageBench } from './first-page.bench.ts';
import { runJobsBench } from './jobs.bench.ts';
import { runPlatformBench } from './platform.bench.ts';
import { printTable } from './report.ts';
import { runReportsBench } from './reports.bench.ts';
import { runRobustnessBench } from './robustness.bench.ts';
import { runWebBench } from './web.bench.ts';

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: 'postgres,pglite' },
    scale: { type: 'string', default: '1' },
    'extract-rows': { type: 'string', default: '20000000' },
    only: { type: 'string' },
  },
});
const BENCHES = [
  'platform',
  'web',
  'first-page',
  'jobs',
  'robustness',
  'entry-grid',
  'reports',
  'extracts',
  'cube-scale',
];
const only = values.only === undefined ? BENCHES : values.only.split(',').map((name) => name.trim());
const unknown = only.filter((name) => !BENCHES.includes(name));
if (unknown.length > 0) {
  throw new Error(`--only: no benchmark ${unknown.join(', ')} (there are ${BENCHES.join(', ')})`);
}
const runs = (name: string): boolean => only.includes(name);
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) throw new Error('--scale must be a positive number');

if (runs('platform')) {
  printTable(
    'Platform: loading, evaluation and ranking (issue: platform backbone)',
    await runPlatformBench({ engines: values.engines.split(','), scale }),
  );
}

if (runs('web')) {
  printTable(
    'Web app: first route JavaScript and the comparison heatmap (issue: web application)',
    await runWebBench(),
  );
}

if (runs('first-page')) {
  printTable('First page bytes as served, compressed (issue 11)', await runFirstPageBench());
}

if (runs('jobs')) {
  printTable(
    'Job scheduler: API queries on PGlite while 10 jobs idle (issue: groundwork, job scheduler)',
    await runJobsBench({ seconds: 30 }),
  );
}

if (runs('robustness')) {
  printTable(
    'Robustness: cached evaluations over HTTP, and beside a 100 MB import check (issue 11, part 3)',
    await runRobustnessBench({ engines: values.engines.split(','), seconds: 10 }),
  );
}

if (runs('entry-grid')) {
  printTable('Entry grid in Chromium (issue 17)', await runEntryGridBench());
}

if (runs('reports')) {
  printTable('Reports: evaluation and group reports as PDF and XLSX (issue 15)', await runReportsBench());
}

if (runs('extracts')) {
  printTable(
    'Record-level extracts: product vs DuckDB on the same file, 40 elements × 50 units × 24 months (issue 16)',
    await runExtractsBench({ rows: Number(values['extract-rows']) }),
  );
}

if (runs('cube-scale')) {
  printTable(
    'Value cube at ten years of 20,000 units × 120 elements, in segments (issue 11 §1)',
    await runCubeScaleBench({ units: 20_000 }),
  );
}
