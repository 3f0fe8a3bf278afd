/**
 * The platform issue's benchmark, on PostgreSQL 15 and on PGlite: a synthetic group of 2,000 departments
 * (20 hospitals × 100) with a 40-indicator scorecard over 60 data elements and 60 months (7.2 million values).
 *
 * Prints, per engine:
 * - loading speed of the bulk value writer the imports use, in values per second (target ≥ 200,000/s on PostgreSQL);
 * - the data-values API's batch write (10,000 values a request, each checked, versioned and audited), values per second;
 * - the cubes ready at start-up (what /api/health/ready waits for): built in bulk, and read from a snapshot;
 * - `healthbsc serve` as its own process, from spawn to ready (target ≤ 5 s on PostgreSQL, ≤ 15 s on PGlite), on a
 *   first start and on a restart, without a snapshot and with one;
 * - building the in-memory cube from the database (once per process, then kept current by change events);
 * - one org unit's yearly scorecard, warm, p50 and p95 over distinct units and years (target p95 ≤ 50 ms);
 * - the ranking of all 2,020 units under the group for one year (target ≤ 1 s);
 * - the SQL statements of a 12-month series over HTTP (target ≤ 5; series-statements.ts);
 * - over HTTP, the first page of that ranking (target p95 ≤ 100 ms, ≤ 100 KB) and a page of 1,000 full
 *   evaluations (rankings-http.ts).
 *
 * Run: `npm run bench` (all benchmarks) or `node bench/platform.bench.ts [--engines postgres,pglite] [--scale 0.1]`.
 */

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DataValueInput } from '../src/core/contracts/data-values.ts';
import { tryParsePeriod } from '../src/core/periods/index.ts';
import { connect, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { bumpRevision, META_SCOPE, rootScope } from '../src/db/repositories/change-counter.repository.ts';
import { analyzeDataValues } from '../src/db/repositories/cube.repository.ts';
import { SHARED_TARGET_ROOT_ID } from '../src/db/repositories/target.repository.ts';
import { type RowValues, upsertRows } from '../src/db/repositories/value-store.repository.ts';
import { ChangeBus } from '../src/server/change-bus.ts';
import { systemActor } from '../src/server/context.ts';
import { CubeSnapshots } from '../src/server/evaluation/cube-snapshot.ts';
import { EvaluationEngine } from '../src/server/evaluation/evaluation-engine.ts';
import { writeDataValues } from '../src/server/services/data-values.service.ts';
import { importScorecard } from '../src/server/services/scorecards.service.ts';
import { startPostgresCluster } from '../test/postgres-cluster.ts';
import { freePort } from './free-port.ts';
import { measureRankingsOverHttp } from './rankings-http.ts';
import { formatRate, percentile, printTable, type Row, seconds } from './report.ts';
import { measureSeriesStatements } from './series-statements.ts';
import { makeSyntheticGroup } from './synthetic-group.ts';

const ACTOR = systemActor('bench');

async function setUp(db: Db, group: ReturnType<typeof makeSyntheticGroup>): Promise<{ rootId: number }> {
  await migrateToLatest(db);
  const ids = new Map<string, number>();
  let rootId = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const unit of group.units) {
      const row = await trx
        .insertInto('org_unit')
        .values({
          code: unit.code,
          name_en: unit.code,
          name_zh: null,
          type: unit.type,
          role: null,
          parent_id: unit.parent === null ? null : (ids.get(unit.parent) ?? null),
        })
        .returning(['id', 'root_id'])
        .executeTakeFirstOrThrow();
      ids.set(unit.code, row.id);
      rootId = row.root_id;
    }
    const years = [...new Set(group.months.map((m) => m.slice(0, 4)))];
    const periods = [
      ...group.months,
      ...years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`)),
      ...years,
    ];
    for (const id of periods) {
      const p = tryParsePeriod(id);
      if (!p) continue;
      await trx
        .insertInto('period')
        .values({ id: p.id, type: p.type, start_date: p.startDate, end_date: p.endDate })
        .execute();
    }
    await bumpRevision(trx, META_SCOPE);
  });
  const ctx = { db, now: () => new Date(), changes: new ChangeBus() };
  await importScorecard(ctx, ACTOR, { file: group.scorecard, mode: 'create' });
  const scorecard = await db.kysely
    .selectFrom('scorecard')
    .select('id')
    .where('code', '=', 'SYN-BSC')
    .executeTakeFirstOrThrow();
  // One target per indicator and year for every unit: the usual way a group sets its rates' aims.
  const years = [...new Set(group.months.map((m) => m.slice(0, 4)))];
  const indicators = group.scorecard.perspectives.flatMap((p) => p.indicators.map((i) => i.id));
  await db.kysely
    .insertInto('target')
    .values(
      indicators.flatMap((indicator) =>
        years.map((year) => ({
          root_id: SHARED_TARGET_ROOT_ID,
          scorecard_id: scorecard.id,
          indicator_code: indicator,
          org_unit_id: null,
          org_unit_group_id: null,
          level: null,
          period_id: year,
          target: 70,
          lower: null,
          upper: null,
          reference: null,
          source: 'bench',
          set_by: 'bench',
        })),
      ),
    )
    .execute();
  await bumpRevision(db.kysely, META_SCOPE);
  return { rootId };
}

async function loadValues(
  db: Db,
  group: ReturnType<typeof makeSyntheticGroup>,
  rootId: number,
): Promise<number> {
  const units = new Map(
    (await db.kysely.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  );
  const elements = new Map(
    (await db.kysely.selectFrom('data_element').select(['id', 'code']).execute()).map((e) => [e.code, e.id]),
  );
  const provenance = { by: 'bench', at: new Date(), batchId: null };
  let batch: RowValues[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    // PostgreSQL: COPY into a staging table and one merge, as large imports do.
    const via = db.engine === 'postgres' ? 'copy' : 'statements';
    await db.kysely
      .transaction()
      .execute((trx) => upsertRows(trx, 'data_value', rows, provenance, undefined, via));
  };
  const started = performance.now();
  const pending: { unit: string; elements: string[]; periods: string[]; values: number[] }[] = [];
  group.forEachDepartmentValues((chunk) => pending.push(chunk));
  for (const chunk of pending) {
    const unitId = units.get(chunk.unit) ?? 0;
    for (let i = 0; i < chunk.values.length; i++) {
      batch.push({
        root_id: rootId,
        org_unit_id: unitId,
        data_element_id: elements.get(chunk.elements[i] ?? '') ?? 0,
        period_id: chunk.periods[i] ?? '',
        value: chunk.values[i] ?? 0,
        comment: null,
      });
    }
    if (batch.length >= 100_000) await flush();
  }
  if (batch.length > 0) await flush();
  // As after a large import: fresh planner statistics, or the cube build reads every row per batch of units.
  await analyzeDataValues(db.kysely);
  const elapsed = performance.now() - started;
  await bumpRevision(db.kysely, rootScope(rootId));
  return elapsed;
}

/** Values written through the data-values service in batches of 10,000: each an update of a loaded value. */
const API_BATCH = 10_000;
const API_VALUES = 100_000;

async function writeThroughApi(db: Db, group: ReturnType<typeof makeSyntheticGroup>): Promise<number> {
  const ctx = { db, now: () => new Date(), changes: new ChangeBus() };
  const items: DataValueInput[] = [];
  group.forEachDepartmentValues((chunk) => {
    for (let i = 0; i < chunk.values.length && items.length < API_VALUES; i++) {
      items.push({
        orgUnit: chunk.unit,
        dataElement: chunk.elements[i] ?? '',
        period: chunk.periods[i] ?? '',
        value: (chunk.values[i] ?? 0) + 1,
      });
    }
  });
  const started = performance.now();
  for (let start = 0; start < items.length; start += API_BATCH) {
    await writeDataValues(ctx, ACTOR, { values: items.slice(start, start + API_BATCH) });
  }
  return items.length / ((performance.now() - started) / 1000);
}

/**
 * The start-up work behind /api/health/ready (every organisation's cube loaded): built in bulk from the
 * database, then read from the snapshot written after that build, each by a fresh engine as a restarted server.
 */
async function measureWarmUp(db: Db, engineName: string): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-bench-cubes-'));
  try {
    const snapshots = new CubeSnapshots(dir);
    const timed = async (label: string, detail: string) => {
      const engine = new EvaluationEngine(db, new ChangeBus(), { cubes: { snapshots } });
      const started = performance.now();
      const { fromSnapshots } = await engine.warmUp();
      const ms = performance.now() - started;
      await engine.flushCubes();
      return {
        engine: engineName,
        figure: label,
        value: seconds(ms),
        detail: `${detail}; ${fromSnapshots} organisation(s) from a snapshot`,
        target: engineName === 'postgres' ? '≤ 5 s to ready' : '≤ 15 s to ready',
      };
    };
    return [
      await timed('cubes ready at start-up, no snapshot', 'bulk build from the database'),
      await timed('cubes ready at start-up, with snapshot', 'read from the snapshot file'),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 11's "time from process start to ready": `healthbsc serve` started as its own process on the stored
 * group, timed from the spawn to the first 200 of `/api/health/ready` (polled every 50 ms), then stopped with
 * SIGTERM (it writes its cube snapshots as it stops). Three times, with Node's compile cache (bin/healthbsc) in a
 * directory of its own: without a snapshot on a first start (that cache empty), without a snapshot again (the
 * cache filled by the first start, as on any restart of an installed server), and with the snapshot the second
 * start left.
 */
async function measureProcessStart(engineName: string, database: Record<string, string>): Promise<Row[]> {
  const snapshotDir = await mkdtemp(join(tmpdir(), 'healthbsc-bench-start-'));
  const compileCacheDir = await mkdtemp(join(tmpdir(), 'healthbsc-bench-compile-cache-'));
  const start = async (label: string): Promise<Row> => {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/healthbsc', 'serve', '--production', '--no-demo'], {
      env: {
        ...process.env,
        ...database,
        HEALTHBSC_PORT: String(port),
        HEALTHBSC_HOST: '127.0.0.1',
        HEALTHBSC_JOBS: 'off',
        HEALTHBSC_LOG_LEVEL: 'silent',
        HEALTHBSC_CUBE_SNAPSHOT_DIR: snapshotDir,
        NODE_COMPILE_CACHE: compileCacheDir,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    let ms = Number.NaN;
    try {
      for (let waited = 0; waited < 600_000 && child.exitCode === null; waited += 50) {
        const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
          (response) => response.status === 200,
          () => false,
        );
        if (ready) {
          ms = performance.now() - started;
          break;
        }
        await new Promise((resolveWait) => setTimeout(resolveWait, 50));
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    if (Number.isNaN(ms)) throw new Error(`healthbsc serve never became ready: ${stderr.slice(-2000)}`);
    return {
      engine: engineName,
      figure: `process start to ready, ${label}`,
      value: seconds(ms),
      detail: 'healthbsc serve spawned until /api/health/ready answers 200',
      target: engineName === 'postgres' ? '≤ 5 s' : '≤ 15 s',
    };
  };
  try {
    const first = await start('no snapshot, first start (compile cache empty)');
    await rm(snapshotDir, { recursive: true, force: true });
    await mkdir(snapshotDir);
    return [first, await start('no snapshot (cubes built in bulk)'), await start('from the snapshot')];
  } finally {
    await rm(snapshotDir, { recursive: true, force: true });
    await rm(compileCacheDir, { recursive: true, force: true });
  }
}

async function measure(
  db: Db,
  group: ReturnType<typeof makeSyntheticGroup>,
  engineName: string,
): Promise<Row[]> {
  const { rootId } = await setUp(db, group);
  const loadMs = await loadValues(db, group, rootId);
  const rows: Row[] = [
    {
      engine: engineName,
      figure: 'bulk load',
      value: `${formatRate(group.valueCount / (loadMs / 1000))} values/s`,
      detail: `${group.valueCount.toLocaleString('en')} values in ${seconds(loadMs)}`,
      target: engineName === 'postgres' ? '≥ 200,000 values/s' : '',
    },
  ];

  const apiRate = await writeThroughApi(db, group);
  rows.push({
    engine: engineName,
    figure: 'API batch write (10,000 a request)',
    value: `${formatRate(apiRate)} values/s`,
    detail: `${API_VALUES.toLocaleString('en')} updates, checked, versioned and audited`,
    target: '',
  });

  rows.push(...(await measureWarmUp(db, engineName)));

  const engine = new EvaluationEngine(db, new ChangeBus());
  const years = [...new Set(group.months.map((m) => m.slice(0, 4)))];
  const hospitals = group.units.filter((u) => u.type === 'hospital').map((u) => u.code);
  let started = performance.now();
  await engine.evaluate({ scorecard: 'SYN-BSC', orgUnit: hospitals[0] ?? 'SYN', period: years[0] ?? '2020' });
  rows.push({
    engine: engineName,
    figure: 'first evaluation (loads the cube)',
    value: seconds(performance.now() - started),
    detail: '',
    target: '',
  });

  // Warm: every query a distinct unit and year, so no result comes from the result cache.
  const samples: number[] = [];
  const departments = group.departments.filter((_, i) => i % 20 === 7);
  for (const year of years) {
    for (const unit of [...hospitals, ...departments]) {
      started = performance.now();
      await engine.evaluate({ scorecard: 'SYN-BSC', orgUnit: unit, period: year });
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  rows.push({
    engine: engineName,
    figure: "one unit's yearly scorecard, warm",
    value: `p95 ${percentile(samples, 0.95).toFixed(1)} ms`,
    detail: `p50 ${percentile(samples, 0.5).toFixed(1)} ms over ${samples.length} distinct unit × year`,
    target: 'p95 ≤ 50 ms',
  });

  const rankings: number[] = [];
  for (const year of years) {
    started = performance.now();
    const ranking = await engine.rank({
      scorecard: 'SYN-BSC',
      period: year,
      parent: 'SYN',
      depth: 'descendants',
    });
    rankings.push(performance.now() - started);
    if (ranking.length !== group.units.length - 1) throw new Error(`ranked ${ranking.length} units`);
  }
  rankings.sort((a, b) => a - b);
  rows.push({
    engine: engineName,
    figure: `ranking of all ${group.units.length - 1} units, one year`,
    value: `${(percentile(rankings, 0.5) / 1000).toFixed(2)} s`,
    detail: `median of ${rankings.length}; slowest ${(Math.max(...rankings) / 1000).toFixed(2)} s`,
    target: '≤ 1 s',
  });

  rows.push(
    ...(await measureSeriesStatements(db, engineName, {
      scorecard: 'SYN-BSC',
      warmUnit: hospitals[0] ?? 'SYN',
      unit: group.departments[3] ?? 'SYN',
      year: years[years.length - 1] ?? '2020',
    })),
  );

  rows.push(
    ...(await measureRankingsOverHttp(db, engine, engineName, {
      parent: 'SYN',
      period: years[years.length - 1] ?? '2020',
      units: group.units.length - 1,
      seconds: 10,
    })),
  );
  return rows;
}

export async function runPlatformBench(options: {
  engines: readonly string[];
  scale: number;
}): Promise<Row[]> {
  const departments = Math.max(1, Math.round(100 * options.scale));
  const group = makeSyntheticGroup({ departmentsPerHospital: departments });
  const rows: Row[] = [];
  for (const engineName of options.engines) {
    if (engineName === 'postgres') {
      const cluster = await startPostgresCluster();
      const db = await connect({ engine: 'postgres', url: cluster.url, poolSize: 4 });
      try {
        rows.push(...(await measure(db, group, 'postgres')));
        await db.close();
        rows.push(...(await measureProcessStart('postgres', { HEALTHBSC_DATABASE_URL: cluster.url })));
      } finally {
        await db.close();
        await cluster.stop();
      }
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'healthbsc-bench-'));
      const db = await connect({ engine: 'pglite', dataDir: join(dir, 'data'), worker: true });
      try {
        rows.push(...(await measure(db, group, 'pglite')));
        // The server takes the data directory's lock: this process lets go of it first.
        await db.close();
        rows.push(...(await measureProcessStart('pglite', { HEALTHBSC_DATA_DIR: join(dir, 'data') })));
      } finally {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  return rows;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      engines: { type: 'string', default: 'postgres,pglite' },
      scale: { type: 'string', default: '1' },
    },
  });
  const rows = await runPlatformBench({ engines: values.engines.split(','), scale: Number(values.scale) });
  printTable('Platform: loading, evaluation and ranking (issue: platform backbone)', rows);
}
