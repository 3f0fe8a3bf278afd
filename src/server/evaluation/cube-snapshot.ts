/**
 * Cube snapshots: an organisation's value cubes written to a file after a build, so that a restarted server
 * reads 60 MB from disk instead of 7 million values from the database. One file per organisation
 * (`cube-<rootId>.bin`), replaced atomically (written beside, then renamed) by each newer snapshot.
 *
 * A snapshot is used only when it is intact and current: its SHA-256 matches its content, and the database
 * (identity, organisation's revision, metadata revision) is the one it was taken of. Anything else is ignored
 * with a reason, and the cube is rebuilt from the database: a snapshot is never served in doubt.
 *
 * Layout: `HBSCUBE1` (8 bytes) · SHA-256 of the rest (32) · header length (uint32 LE) · header (JSON) ·
 * padding to a multiple of 8 · each cube's cells as little-endian float64, in the header's order.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { ValueCube } from '../../core/analytics/index.ts';
import type { PeriodType } from '../../core/periods/index.ts';

const MAGIC = Buffer.from('HBSCUBE1', 'latin1');
const HASH_BYTES = 32;
const FORMAT = 1;

/** What a snapshot must match to be used. */
export interface SnapshotKey {
  readonly rootId: number;
  /** The organisation's change counter. */
  readonly revision: number;
  /** The metadata revision (units, elements): the cube's shape follows it. */
  readonly metaRevision: number;
  /** Which database (./cube-store.ts `databaseIdentity`): a recreated database must not match. */
  readonly database: string;
}

interface CubeHeader {
  readonly type: PeriodType;
  readonly units: readonly string[];
  readonly elements: readonly string[];
  readonly months: readonly string[];
}

interface SnapshotHeader extends SnapshotKey {
  readonly format: number;
  readonly cubes: readonly CubeHeader[];
}

export type SnapshotCubes = Readonly<Record<PeriodType, ValueCube | null>>;

/** Why a snapshot was not used; `missing` is not worth a log line, the others are. */
export type SnapshotRejection = 'missing' | 'corrupt' | 'stale';

export type SnapshotRead =
  | { readonly ok: true; readonly cubes: SnapshotCubes }
  | { readonly ok: false; readonly reason: SnapshotRejection; readonly detail: string };

const LITTLE_ENDIAN = endianness() === 'LE';

export class CubeSnapshots {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  fileOf(rootId: number): string {
    return join(this.dir, `cube-${rootId}.bin`);
  }

  /**
   * The bytes of a snapshot, encoded now (synchronously), so that a cube changed in place afterwards does not
   * tear the file being written.
   */
  encode(key: SnapshotKey, cubes: SnapshotCubes): Buffer {
    const present = (['month', 'quarter', 'year'] as const).flatMap((type) => {
      const cube = cubes[type];
      return cube ? [{ type, cube }] : [];
    });
    const header: SnapshotHeader = {
      format: FORMAT,
      ...key,
      cubes: present.map(({ type, cube }) => ({
        type,
        units: cube.units,
        elements: cube.elements,
        months: cube.months,
      })),
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const headed = 4 + json.length;
    const padding = (8 - ((MAGIC.length + HASH_BYTES + headed) % 8)) % 8;
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    const body = present.map(({ cube }) => cellBytes(cube.values));
    const rest = Buffer.concat([length, json, Buffer.alloc(padding), ...body]);
    const hash = createHash('sha256').update(rest).digest();
    return Buffer.concat([MAGIC, hash, rest]);
  }

  /** Writes a snapshot beside the current one, then renames it over it (a crash leaves the old one whole). */
  async write(rootId: number, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(rootId);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** The cubes of the snapshot of `key.rootId` when it is intact and matches `key`, else why not. */
  async read(key: SnapshotKey): Promise<SnapshotRead> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.fileOf(key.rootId));
    } catch {
      return { ok: false, reason: 'missing', detail: 'no snapshot file' };
    }
    return decodeSnapshot(bytes, key);
  }
}

/** Decodes snapshot bytes (see `CubeSnapshots`), refusing them unless intact and taken of `key`. */
export function decodeSnapshot(bytes: Buffer, key: SnapshotKey): SnapshotRead {
  const corrupt = (detail: string): SnapshotRead => ({ ok: false, reason: 'corrupt', detail });
  if (!LITTLE_ENDIAN) return corrupt('this machine is big-endian; snapshots are little-endian');
  const start = MAGIC.length + HASH_BYTES;
  if (bytes.length < start + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    return corrupt('not a cube snapshot');
  }
  const rest = bytes.subarray(start);
  const hash = createHash('sha256').update(rest).digest();
  if (!hash.equals(bytes.subarray(MAGIC.length, start))) return corrupt('checksum mismatch');
  const length = rest.readUInt32LE(0);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(rest.subarray(4, 4 + length).toString('utf8')) as SnapshotHeader;
  } catch {
    return corrupt('unreadable header');
  }
  if (header.format !== FORMAT) return corrupt(`format ${String(header.format)}`);
  const mismatch = (['rootId', 'database', 'revision', 'metaRevision'] as const).find(
    (field) => header[field] !== key[field],
  );
  if (mismatch) {
    return {
      ok: false,
      reason: 'stale',
      detail: `${mismatch} ${String(header[mismatch])} ≠ ${String(key[mismatch])}`,
    };
  }
  let offset = start + 4 + length;
  offset += (8 - (offset % 8)) % 8;
  const cubes: Record<PeriodType, ValueCube | null> = { month: null, quarter: null, year: null };
  for (const shape of header.cubes) {
    const cells = shape.units.length * shape.elements.length * shape.months.length;
    const end = offset + cells * 8;
    if (end > bytes.length) return corrupt('truncated');
    // A copy: the file's buffer need not be 8-byte aligned, and the cube outlives it.
    const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + end));
    cubes[shape.type] = new ValueCube({ ...shape, periodType: shape.type }, values);
    offset = end;
  }
  if (offset !== bytes.length) return corrupt('trailing bytes');
  return { ok: true, cubes };
}

function cellBytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
