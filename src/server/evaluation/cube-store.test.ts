/**
 * The value cubes built in bulk and kept as snapshots, on PGlite and PostgreSQL: a bulk build places every
 * stored value in its cell; a snapshot read back equals a fresh build cell for cell; a stale or corrupt
 * snapshot is ignored with a reason and the cube rebuilt from the database.
 *
 *   G ─ H1, H2 (monthly beds and discharges, quarterly deaths, yearly visits)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createUnits, setValues } from '../../../test/fixtures/evaluation-fixtures.ts';
import type { ValueCube } from '../../core/analytics/index.ts';
import type { Db } from '../../db/connect.ts';
import {
  bumpRevision,
  META_SCOPE,
  readRevisions,
  rootScope,
} from '../../db/repositories/change-counter.repository.ts';
import { CubeSnapshots } from './cube-snapshot.ts';
import { CubeStore, type RootCube } from './cube-store.ts';
import { MetadataSnapshot } from './metadata-snapshot.ts';

function cells(cube: ValueCube | null) {
  return (
    cube && {
      units: cube.units,
      elements: cube.elements,
      months: cube.months,
      values: cube.segments.flatMap((segment) => [...segment]),
    }
  );
}

describeEachEngine('value cubes in bulk and as snapshots', (getDb) => {
  let db: Db;
  let dir: string;
  let rootId: number;
  let units: Awaited<ReturnType<typeof createUnits>>;
  const g = uniqueCode('G');
  const codes = {
    beds: uniqueCode('beds'),
    discharges: uniqueCode('disch'),
    deaths: uniqueCode('deaths'),
    visits: uniqueCode('visits'),
  };

  beforeAll(async () => {
    db = getDb();
    dir = await mkdtemp(join(tmpdir(), 'healthbsc-cubes-'));
    units = await createUnits(db, [
      { code: g },
      { code: `${g}H1`, parent: g, type: 'hospital' },
      { code: `${g}H2`, parent: g, type: 'hospital' },
    ]);
    rootId = units.get(g)?.rootId ?? -1;
    for (const [code, periodType] of [
      [codes.beds, 'month'],
      [codes.discharges, 'month'],
      [codes.deaths, 'quarter'],
      [codes.visits, 'year'],
    ] as const) {
      await db.kysely
        .insertInto('data_element')
        .values({ code, name_en: code, period_type: periodType, missing_values: null })
        .execute();
    }
    await bumpRevision(db.kysely, META_SCOPE);
    await setValues(db, units, [
      { unit: `${g}H1`, element: codes.beds, period: '2024-01', value: 120 },
      { unit: `${g}H1`, element: codes.discharges, period: '2024-03', value: 0.1 + 0.2 },
      { unit: `${g}H2`, element: codes.beds, period: '2024-03', value: -7.5 },
      { unit: `${g}H2`, element: codes.deaths, period: '2024Q2', value: 3 },
      { unit: `${g}H1`, element: codes.visits, period: '2023', value: 1e15 },
      { unit: `${g}H2`, element: codes.visits, period: '2024', value: 5e-324 },
    ]);
  });
  // A store that rebuilt a cube writes its snapshot in the background: each test's writes are waited for, so
  // that the next test and the removal of the directory never race one.
  const withSnapshots: CubeStore[] = [];
  function storeWith(options: ConstructorParameters<typeof CubeStore>[1]): CubeStore {
    const store = new CubeStore(db, options);
    withSnapshots.push(store);
    return store;
  }
  afterEach(async () => {
    await Promise.all(withSnapshots.splice(0).map((store) => store.flush()));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function load(store: CubeStore): Promise<RootCube> {
    const revisions = await readRevisions(db.kysely, [META_SCOPE, rootScope(rootId)]);
    const meta = await MetadataSnapshot.load(db, revisions.get(META_SCOPE) ?? 0);
    return store.get(rootId, revisions.get(rootScope(rootId)) ?? 0, meta);
  }

  it('builds in bulk: every value in its cell, each cube holding the elements of its period type', async () => {
    const { cubes, source } = await load(new CubeStore(db));
    const month = cubes.month;
    expect([
      source,
      month?.elements.filter((e) => Object.values(codes).includes(e)),
      month?.months,
      month?.getByCode(`${g}H1`, codes.beds, '2024-01'),
      month?.getByCode(`${g}H1`, codes.discharges, '2024-03'),
      month?.getByCode(`${g}H2`, codes.beds, '2024-03'),
      month?.getByCode(`${g}H2`, codes.beds, '2024-02'),
      cubes.quarter?.getByCode(`${g}H2`, codes.deaths, '2024Q2'),
      cubes.year?.months,
      cubes.year?.getByCode(`${g}H1`, codes.visits, '2023'),
      cubes.year?.getByCode(`${g}H2`, codes.visits, '2024'),
      cubes.year?.getByCode(`${g}H2`, codes.visits, '2023'),
    ]).toEqual([
      'database',
      [codes.beds, codes.discharges],
      ['2024-01', '2024-02', '2024-03'],
      120,
      0.1 + 0.2,
      -7.5,
      null,
      3,
      ['2023', '2024'],
      1e15,
      5e-324,
      null,
    ]);
  });

  it('reads a snapshot back into cubes equal, cell for cell, to a fresh build', async () => {
    const snapshots = new CubeSnapshots(dir);
    const writer = storeWith({ snapshots });
    await load(writer);
    await writer.flush();
    const read = await load(storeWith({ snapshots }));
    const fresh = await load(new CubeStore(db));
    expect([
      read.source,
      cells(read.cubes.month),
      cells(read.cubes.quarter),
      cells(read.cubes.year),
      read.cubes.month?.count,
    ]).toEqual([
      'snapshot',
      cells(fresh.cubes.month),
      cells(fresh.cubes.quarter),
      cells(fresh.cubes.year),
      3,
    ]);
  });

  it('ignores a snapshot of an earlier revision, says why, and rebuilds with the new value', async () => {
    const snapshots = new CubeSnapshots(dir);
    const writer = storeWith({ snapshots });
    await load(writer);
    await writer.flush();
    await setValues(db, units, [{ unit: `${g}H1`, element: codes.beds, period: '2024-01', value: 121 }]);
    const log: string[] = [];
    const read = await load(storeWith({ snapshots, log: (message) => log.push(message) }));
    expect([read.source, read.cubes.month?.getByCode(`${g}H1`, codes.beds, '2024-01'), log]).toEqual([
      'database',
      121,
      [expect.stringMatching(/ignored \(stale: revision \d+ ≠ \d+\)/)],
    ]);
  });

  it('ignores a corrupt snapshot, says why, and rebuilds from the database', async () => {
    const snapshots = new CubeSnapshots(dir);
    const writer = storeWith({ snapshots });
    await load(writer);
    await writer.flush();
    const bytes = await readFile(snapshots.fileOf(rootId));
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    await writeFile(snapshots.fileOf(rootId), bytes);
    const log: string[] = [];
    const read = await load(storeWith({ snapshots, log: (message) => log.push(message) }));
    expect([read.source, read.cubes.month?.getByCode(`${g}H2`, codes.beds, '2024-03'), log]).toEqual([
      'database',
      -7.5,
      [expect.stringContaining('ignored (corrupt: checksum mismatch)')],
    ]);
  });
});
