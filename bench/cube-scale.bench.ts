/**
 * Issue 11 §1: "the cube's cell limit must hold ten years of monthly history for 20,000 units × 120 elements".
 * In this process, without a database: a cube of that shape (288 million cells, 2.3 GB) is allocated in its
 * segments, a third of its cells are filled, one year of every element is aggregated for every unit of a
 * three-level tree (what a ranking reads), and its snapshot is written and read back in a temporary directory.
 * Prints the segment count and the largest single allocation (the decided bound: a few hundred MB), the times
 * and the process's peak resident memory.
 *
 * Run: `npm run bench -- --only cube-scale` or `node bench/cube-scale.bench.ts [--units 20000]`.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  aggregateAllUnits,
  buildOrgTree,
  type OrgUnitLink,
  SEGMENT_CELLS,
  ValueCube,
} from '../src/core/analytics/index.ts';
import { periodRange } from '../src/core/periods/index.ts';
import { CubeSnapshots } from '../src/server/evaluation/cube-snapshot.ts';
import { printTable, type Row, seconds } from './report.ts';

const ELEMENTS = 120;
const MONTHS = periodRange('2016-01', '2025-12'); // ten years

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

export async function runCubeScaleBench(options: { readonly units: number }): Promise<Row[]> {
  // A group → 100 hospitals → departments, the rest of the units spread over the hospitals.
  const links: OrgUnitLink[] = [{ code: 'G', parent: null }];
  const hospitals = Math.min(100, options.units - 1);
  for (let h = 0; h < hospitals; h++) links.push({ code: `H${h}`, parent: 'G' });
  for (let d = 0; links.length < options.units; d++)
    links.push({ code: `D${d}`, parent: `H${d % hospitals}` });
  const tree = buildOrgTree(links);
  const elements = Array.from({ length: ELEMENTS }, (_, e) => `e${e}`);
  const shape = { units: links.map((link) => link.code), elements, months: MONTHS };
  const built = timed(() => new ValueCube(shape));
  const cube = built.result;
  const largest = Math.max(...cube.segments.map((segment) => segment.byteLength));
  // Departments report; a third of their cells hold a value (deterministic, no generator needed). Written into
  // the segments in place, as the bulk load does, so the cube's own count does not follow: counted here.
  const filled = timed(() => {
    let values = 0;
    for (let u = 1 + hospitals; u < cube.units.length; u++) {
      for (let e = 0; e < ELEMENTS; e++) {
        const { segment, start } = cube.rowAt(u, e);
        for (let m = (u + e) % 3; m < MONTHS.length; m += 3) {
          segment[start + m] = (u * 31 + e * 7 + m) % 997;
          values += 1;
        }
      }
    }
    return values;
  });
  const year = cube.monthIndicesOf('2025');
  const rules = elements.map(() => ({ units: 'sum' as const, time: 'sum' as const }));
  const ranked = timed(() =>
    aggregateAllUnits(cube, tree, rules, { elements: elements.map((_, e) => e), months: year }),
  );
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-cube-scale-'));
  const rows: Row[] = [];
  try {
    const snapshots = new CubeSnapshots(dir);
    const key = { rootId: 1, revision: 1, metaRevision: 1, database: 'bench' };
    const written = performance.now();
    await snapshots.write(1, snapshots.encode(key, { month: cube, quarter: null, year: null }));
    const writeMs = performance.now() - written;
    const bytes = (await stat(snapshots.fileOf(1))).size;
    const reading = performance.now();
    const read = await snapshots.read(key);
    const readMs = performance.now() - reading;
    const cells = cube.units.length * ELEMENTS * MONTHS.length;
    const gb = (n: number) => `${(n / 1e9).toFixed(2)} GB`;
    const target = '';
    rows.push(
      {
        engine: 'in process',
        figure: `cube of ${cube.units.length.toLocaleString('en')} units × ${ELEMENTS} elements × ${MONTHS.length} months`,
        value: `${cells.toLocaleString('en')} cells`,
        detail: `${cube.segments.length} segments of at most ${SEGMENT_CELLS.toLocaleString('en')} cells; allocated in ${seconds(built.ms)}`,
        target: 'holds ten years for 20,000 units × 120 elements',
      },
      {
        engine: 'in process',
        figure: 'largest single allocation',
        value: `${(largest / 2 ** 20).toFixed(0)} MiB`,
        detail: `of ${gb(cells * 8)} in all`,
        target: 'a few hundred MB',
      },
      {
        engine: 'in process',
        figure: 'filling a third of the departments’ cells',
        value: seconds(filled.ms),
        detail: `${filled.result.toLocaleString('en')} values`,
        target,
      },
      {
        engine: 'in process',
        figure: 'one year of every element for every unit (a ranking’s aggregation)',
        value: seconds(ranked.ms),
        detail: `${(ranked.result.length / ELEMENTS).toLocaleString('en')} units × ${ELEMENTS} elements × 12 months`,
        target,
      },
      {
        engine: 'in process',
        figure: 'snapshot written, then read back',
        value: `${seconds(writeMs)}, ${seconds(readMs)}`,
        detail: `${gb(bytes)} file; read back ${read.ok ? `intact (${read.cubes.month?.count.toLocaleString('en')} values)` : `refused: ${read.detail}`}; peak RSS ${gb(process.resourceUsage().maxRSS * 1024)}`,
        target,
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { units: { type: 'string', default: '20000' } } });
  const units = Number(values.units);
  if (!Number.isInteger(units) || units < 2) throw new Error('--units must be a whole number of at least 2');
  printTable('Value cube at ten years of a large group (issue 11 §1)', await runCubeScaleBench({ units }));
}
