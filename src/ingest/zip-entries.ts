/**
 * Just enough of the ZIP format (PKWARE APPNOTE.TXT 6.3.10 §4.3) to pick entries out of an .xlsx held in
 * memory and hand them to a streaming unzipper in the order we choose. No entry is recompressed: a local
 * record is rebuilt around the original compressed bytes.
 */
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { badRequest } from '../core/errors/problem.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_MARKER = 0xffffffff;

const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Lists the entries of a ZIP archive from its central directory (§4.3.12), found through the end of central
 * directory record (§4.3.16), which sits in the last 22 + 65,535 bytes.
 *
 * @example listZipEntries(xlsxBytes).map((e) => e.name) // ['[Content_Types].xml', 'xl/workbook.xml', …]
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (dv.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badRequest('file.no-zip-directory', {});
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  if (at === ZIP64_MARKER) throw badRequest('file.zip64', {});
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_HEADER) {
      throw badRequest('file.damaged-zip-directory', {});
    }
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc32: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    };
    if (entry.compressedSize === ZIP64_MARKER || entry.localHeaderOffset === ZIP64_MARKER) {
      throw badRequest('file.zip64', {});
    }
    if ((entry.flags & 1) !== 0) throw badRequest('file.encrypted', {});
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose extra field may differ (§4.3.7). */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL_HEADER) {
    throw badRequest('file.damaged-entry', { entry: entry.name });
  }
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length)
    throw badRequest('file.truncated-entry', { entry: entry.name });
  return start;
}

/** The uncompressed content of an entry (stored or deflated, the two methods .xlsx files use). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = dataStart(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) {
    try {
      // Never more than the directory says (checked against the limits before): a lying header stops here.
      return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if (error instanceof RangeError) throw badRequest('guard.inflated-size-wrong', { entry: entry.name });
      throw badRequest('file.damaged-entry', { entry: entry.name });
    }
  }
  throw badRequest('file.unsupported-compression', { method: entry.method });
}

function localHeader(
  name: string,
  fields: { method: number; crc32: number; compressedSize: number; uncompressedSize: number },
): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const header = new Uint8Array(30 + nameBytes.length);
  const dv = view(header);
  dv.setUint32(0, LOCAL_HEADER, true);
  dv.setUint16(4, 20, true);
  // Flags 0: sizes are in the header, so no data descriptor follows (§4.4.4 bit 3).
  dv.setUint16(6, 0, true);
  dv.setUint16(8, fields.method, true);
  dv.setUint32(14, fields.crc32, true);
  dv.setUint32(18, fields.compressedSize, true);
  dv.setUint32(22, fields.uncompressedSize, true);
  dv.setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  return header;
}

/**
 * A local file record for `entry` under `name`: a fresh header with the sizes and CRC from the central
 * directory, then the original compressed bytes (any data descriptor is left out).
 */
export function localRecord(bytes: Uint8Array, entry: ZipEntry, name = entry.name): Uint8Array[] {
  const start = dataStart(bytes, entry);
  return [localHeader(name, entry), bytes.subarray(start, start + entry.compressedSize)];
}

/** A stored (uncompressed) local file record holding `content`. */
export function storedRecord(name: string, content: string): Uint8Array[] {
  const data = new TextEncoder().encode(content);
  const fields = {
    method: 0,
    crc32: crc32(data),
    compressedSize: data.length,
    uncompressedSize: data.length,
  };
  return [localHeader(name, fields), data];
}

/** An empty end of central directory record, so a streaming reader sees a clean end of archive. */
export function endOfArchive(): Uint8Array {
  const out = new Uint8Array(22);
  view(out).setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  return out;
}

/**
 * Inflates an entry without keeping its bytes, and refuses it (`guard.inflated-size-wrong`) as soon as it
 * yields more than its directory entry declares; the declared size is bounded by the import limits before.
 */
export async function verifyInflatedSize(bytes: Uint8Array, entry: ZipEntry): Promise<void> {
  if (entry.method !== 8) return;
  const start = dataStart(bytes, entry);
  const inflate = createInflateRaw();
  let produced = 0;
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        inflate.destroy();
        reject(badRequest('guard.inflated-size-wrong', { entry: entry.name }));
      }
    });
    inflate.on('end', resolve);
    inflate.on('error', () => reject(badRequest('file.damaged-entry', { entry: entry.name })));
  });
  inflate.end(bytes.subarray(start, start + entry.compressedSize));
  await done;
}
