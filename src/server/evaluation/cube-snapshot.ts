/**
 * Cube snapshots: an organisation's value cubes written to a file after a build, so that a restarted server
 * reads 60 MB from disk instead of 7 million values from the database (and 2.3 GB, in pieces, for ten years of
 * a 20,000-unit group). One file per organisation
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
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { type CubeOptions, SEGMENT_CELLS, segmentLengths, ValueCube } from '../../core/analytics/index.ts';
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

/**
 * A snapshot taken at one moment: the bytes before the cells (header length, header, padding), a copy of every
 * segment of cells (so that a cube changed in place afterwards does not tear the file), and the SHA-256 of it all.
 * The cells stay in their segments (core/analytics/value-cube.ts): a large group's cube is never copied into one
 * buffer of gigabytes.
 */
export interface EncodedSnapshot {
  readonly head: Buffer;
  readonly cells: readonly Float64Array[];
  readonly hash: Buffer;
}

/** Bytes read from a snapshot file at a time while its checksum is verified. */
const READ_CHUNK = 8 * 1024 * 1024;

export class CubeSnapshots {
  readonly dir: string;
  /** The segment size of the cubes read back (the file holds the cells end to end, whatever their segments). */
  readonly #segmentCells: number;

  constructor(dir: string, options: CubeOptions = {}) {
    this.dir = dir;
    this.#segmentCells = options.segmentCells ?? SEGMENT_CELLS;
  }

  fileOf(rootId: number): string {
    return join(this.dir, `cube-${rootId}.bin`);
  }

  /** A snapshot of `cubes` as they are now (synchronously: see EncodedSnapshot). */
  encode(key: SnapshotKey, cubes: SnapshotCubes): EncodedSnapshot {
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
    const head = Buffer.concat([length, json, Buffer.alloc(padding)]);
    const cells = present.flatMap(({ cube }) => cube.segments.map((segment) => segment.slice()));
    const hash = createHash('sha256').update(head);
    for (const segment of cells) hash.update(cellBytes(segment));
    return { head, cells, hash: hash.digest() };
  }

  /** Writes a snapshot beside the current one, then renames it over it (a crash leaves the old one whole). */
  async write(rootId: number, snapshot: EncodedSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(rootId);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      const handle = await open(temporary, 'w');
      try {
        // Each writeFile on an open handle continues where the previous one ended.
        await handle.writeFile(Buffer.concat([MAGIC, snapshot.hash, snapshot.head]));
        for (const segment of snapshot.cells) await handle.writeFile(cellBytes(segment));
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * The cubes of the snapshot of `key.rootId` when it is intact and matches `key`, else why not. The file is read
   * in pieces: once to verify its checksum, then its header, then its cells straight into the cubes' segments.
   */
  async read(key: SnapshotKey): Promise<SnapshotRead> {
    let handle: FileHandle;
    try {
      handle = await open(this.fileOf(key.rootId), 'r');
    } catch {
      return { ok: false, reason: 'missing', detail: 'no snapshot file' };
    }
    try {
      return await readSnapshot(handle, key, this.#segmentCells);
    } finally {
      await handle.close();
    }
  }
}

const corrupt = (detail: string): SnapshotRead => ({ ok: false, reason: 'corrupt', detail });

/** Reads `length` bytes at `position` into `into` (from its start); false when the file ends first. */
async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

/** Decodes a snapshot file (see `CubeSnapshots`), refusing it unless intact and taken of `key`. */
async function readSnapshot(
  handle: FileHandle,
  key: SnapshotKey,
  segmentCells: number,
): Promise<SnapshotRead> {
  if (!LITTLE_ENDIAN) return corrupt('this machine is big-endian; snapshots are little-endian');
  const size = (await handle.stat()).size;
  const start = MAGIC.length + HASH_BYTES;
  const front = Buffer.alloc(start + 4);
  if (size < front.length || !(await readFully(handle, front, 0))) return corrupt('not a cube snapshot');
  if (!front.subarray(0, MAGIC.length).equals(MAGIC)) return corrupt('not a cube snapshot');
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(Math.min(READ_CHUNK, Math.max(1, size - start)));
  for (let position = start; position < size; position += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - position));
    if (!(await readFully(handle, piece, position))) return corrupt('truncated');
    hash.update(piece);
  }
  if (!hash.digest().equals(front.subarray(MAGIC.length, start))) return corrupt('checksum mismatch');
  const length = front.readUInt32LE(start);
  const json = Buffer.alloc(length);
  if (!(await readFully(handle, json, start + 4))) return corrupt('truncated');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(json.toString('utf8')) as SnapshotHeader;
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
    const rows = shape.units.length * shape.elements.length;
    const segments: Float64Array[] = [];
    for (const cells of segmentLengths(rows, shape.months.length, segmentCells)) {
      const segment = new Float64Array(cells);
      if (offset + segment.byteLength > size) return corrupt('truncated');
      if (!(await readFully(handle, cellBytes(segment), offset))) return corrupt('truncated');
      segments.push(segment);
      offset += segment.byteLength;
    }
    cubes[shape.type] = new ValueCube({ ...shape, periodType: shape.type }, segments, { segmentCells });
  }
  if (offset !== size) return corrupt('trailing bytes');
  return { ok: true, cubes };
}

function cellBytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
