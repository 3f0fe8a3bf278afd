/**
 * Cube snapshot files on their own: cubes held in several segments are written and read back cell for cell,
 * whatever segments the reader keeps them in (the file holds the cells end to end); a flipped byte, a cut file
 * and a snapshot of another revision are refused with their reasons.
 */
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValueCube } from '../../core/analytics/index.ts';
import { CubeSnapshots, type SnapshotCubes, type SnapshotKey } from './cube-snapshot.ts';

const KEY: SnapshotKey = { rootId: 4, revision: 17, metaRevision: 3, database: 'db-1' };

function cellsOf(cube: ValueCube | null): number[] | null {
  return cube === null ? null : cube.segments.flatMap((segment) => Array.from(segment));
}

/** 5 units × 3 elements × 4 months in segments of one row, and a cube of years beside it. */
function cubes(): SnapshotCubes {
  const month = new ValueCube(
    {
      units: ['G', 'H1', 'H2', 'H3', 'H4'],
      elements: ['beds', 'discharges', 'deaths'],
      months: ['2024-01', '2024-02', '2024-03', '2024-04'],
    },
    undefined,
    { segmentCells: 4 },
  );
  for (let u = 0; u < 5; u++) {
    for (let e = 0; e < 3; e++) month.set(u, e, (u + e) % 4, u * 100 + e * 10 + 0.5);
  }
  const year = new ValueCube({
    units: ['G', 'H1'],
    elements: ['staff'],
    months: ['2023', '2024'],
    periodType: 'year',
  });
  year.setByCode('H1', 'staff', '2024', 1_234);
  return { month, quarter: null, year };
}

describe('cube snapshot files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'healthbsc-snapshot-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back cubes held in several segments, into segments of any size', async () => {
    const written = cubes();
    const snapshots = new CubeSnapshots(dir);
    await snapshots.write(KEY.rootId, snapshots.encode(KEY, written));
    const asWhole = await snapshots.read(KEY);
    const asPairs = await new CubeSnapshots(dir, { segmentCells: 8 }).read(KEY);
    if (!asWhole.ok || !asPairs.ok) throw new Error('the snapshot was not read');
    expect([
      written.month?.segments.length,
      asWhole.cubes.month?.segments.length,
      asPairs.cubes.month?.segments.length,
    ]).toEqual([15, 1, 8]);
    for (const read of [asWhole, asPairs]) {
      expect([
        cellsOf(read.cubes.month),
        read.cubes.month?.count,
        cellsOf(read.cubes.year),
        read.cubes.quarter,
      ]).toEqual([cellsOf(written.month), 15, cellsOf(written.year), null]);
    }
    expect(asPairs.cubes.month?.getByCode('H4', 'deaths', '2024-03')).toBe(420.5);
  });

  it('does not carry into the file a change made to the cube after it was encoded', async () => {
    const written = cubes();
    const snapshots = new CubeSnapshots(dir);
    const encoded = snapshots.encode(KEY, written);
    written.month?.setByCode('G', 'beds', '2024-01', 999);
    await snapshots.write(KEY.rootId, encoded);
    const read = await snapshots.read(KEY);
    expect(read.ok && read.cubes.month?.getByCode('G', 'beds', '2024-01')).toBe(0.5);
  });

  it('refuses a flipped byte, a cut file and another revision, with the reason', async () => {
    const snapshots = new CubeSnapshots(dir);
    await snapshots.write(KEY.rootId, snapshots.encode(KEY, cubes()));
    const file = snapshots.fileOf(KEY.rootId);
    const stale = await snapshots.read({ ...KEY, revision: 18 });
    const bytes = await readFile(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    await writeFile(file, bytes);
    const flipped = await snapshots.read(KEY);
    await truncate(file, bytes.length - 8);
    const cut = await snapshots.read(KEY);
    const missing = await snapshots.read({ ...KEY, rootId: 99 });
    expect([stale, flipped, cut, missing]).toEqual([
      { ok: false, reason: 'stale', detail: 'revision 17 ≠ 18' },
      { ok: false, reason: 'corrupt', detail: 'checksum mismatch' },
      { ok: false, reason: 'corrupt', detail: 'checksum mismatch' },
      { ok: false, reason: 'missing', detail: 'no snapshot file' },
    ]);
  });
});
