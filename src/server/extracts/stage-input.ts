/**
 * Puts an extract where the engine can read it: in a temporary directory of its own, as UTF-8 CSV (gzip kept
 * when the text is UTF-8 already), or Parquet as it is. A GB18030 (or GBK) CSV is decoded to UTF-8 in a stream
 * first: DuckDB reads only UTF-8 (STACK.md). The caller deletes the directory with `cleanup()`, whatever
 * happened, so no record outlives the run.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import type { ExtractFormat } from '../../core/contracts/extracts.ts';
import { detectEncoding } from '../../ingest/index.ts';

/** The text encodings an extract may be in; `auto` tells UTF-8 from GB18030 by the first 256 KiB. */
export type ExtractEncoding = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'windows-1252';

/** The extract's bytes, or the path of a file (the CLI, the benchmark): a path is read where it is. */
export type ExtractFile = { readonly bytes: Uint8Array } | { readonly path: string };

export interface StagedInput {
  /** The file the engine reads. */
  readonly path: string;
  readonly format: ExtractFormat;
  readonly gzip: boolean;
  /** The text encoding of the source (null for Parquet). */
  readonly encoding: 'utf-8' | 'gb18030' | 'gbk' | 'windows-1252' | null;
  /** Where DuckDB may spill. */
  readonly spillDirectory: string;
  cleanup(): Promise<void>;
}

const SAMPLE_BYTES = 256 * 1024;

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

async function headOf(file: ExtractFile, length: number): Promise<Uint8Array> {
  if ('bytes' in file) return file.bytes.subarray(0, length);
  const handle = await open(file.path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function streamOf(file: ExtractFile): Readable {
  return 'bytes' in file ? Readable.from([file.bytes]) : createReadStream(file.path);
}

/** The first bytes of the decompressed text, to tell its encoding. */
async function gunzippedHead(file: ExtractFile): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let length = 0;
  const gunzip = createGunzip();
  const source = streamOf(file);
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) {
      parts.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= SAMPLE_BYTES) break;
    }
  } catch {
    // A truncated sample is enough to tell the encoding; a broken file fails in the engine, masked.
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  return Buffer.concat(parts);
}

async function textEncoding(
  file: ExtractFile,
  gzip: boolean,
  asked: ExtractEncoding,
): Promise<NonNullable<StagedInput['encoding']>> {
  if (asked !== 'auto') return asked;
  const sample = gzip ? await gunzippedHead(file) : await headOf(file, SAMPLE_BYTES);
  const detected = detectEncoding(sample, false).encoding;
  return detected === 'gb18030' || detected === 'gbk' || detected === 'windows-1252' ? detected : 'utf-8';
}

/** Decodes the text to UTF-8 in a stream (gunzipping first), writing `target`. */
async function decodeTo(file: ExtractFile, gzip: boolean, encoding: string, target: string): Promise<void> {
  const decode = iconv.decodeStream(encoding);
  const toUtf8 = new Transform({
    transform(chunk: string, _encoding, done) {
      done(null, Buffer.from(chunk, 'utf8'));
    },
  });
  if (gzip) await pipeline(streamOf(file), createGunzip(), decode, toUtf8, createWriteStream(target));
  else await pipeline(streamOf(file), decode, toUtf8, createWriteStream(target));
}

/**
 * Stages an extract for the engine.
 *
 * @example
 * const staged = await stageExtract({ bytes }, 'auto');
 * try { run(staged.path) } finally { await staged.cleanup() }
 */
export async function stageExtract(file: ExtractFile, asked: ExtractEncoding): Promise<StagedInput> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-extract-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const spillDirectory = join(dir, 'spill');
    await mkdir(spillDirectory);
    const head = await headOf(file, 4);
    const parquet = startsWith(head, [0x50, 0x41, 0x52, 0x31]); // PAR1
    const gzip = startsWith(head, [0x1f, 0x8b]);
    const keep = async (name: string): Promise<string> => {
      if ('path' in file) return file.path;
      const target = join(dir, name);
      await writeFile(target, file.bytes);
      return target;
    };
    if (parquet) {
      const path = await keep('input.parquet');
      return { path, format: 'parquet', gzip: false, encoding: null, spillDirectory, cleanup };
    }
    const encoding = await textEncoding(file, gzip, asked);
    if (encoding === 'utf-8') {
      const path = await keep(gzip ? 'input.csv.gz' : 'input.csv');
      return { path, format: 'csv', gzip, encoding, spillDirectory, cleanup };
    }
    const path = join(dir, 'input.csv');
    await decodeTo(file, gzip, encoding, path);
    return { path, format: 'csv', gzip: false, encoding, spillDirectory, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
