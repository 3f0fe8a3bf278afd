/** The input of a reader: bytes in memory, or a stream of bytes with its size when known. */
import { badRequest } from '../core/errors/problem.ts';

/**
 * A Node `Readable` (without `setEncoding`), a web `ReadableStream` or any async iterable of byte chunks.
 * `totalBytes` feeds progress reports (e.g. the upload's Content-Length).
 */
export interface StreamSource {
  readonly stream: AsyncIterable<Uint8Array>;
  readonly totalBytes?: number;
}

export type TableSource = Uint8Array | StreamSource;

/** Chunk size used to walk a buffer, so a 100 MB file is decoded 1 MiB at a time. */
export const BUFFER_CHUNK_BYTES = 1024 * 1024;

export interface OpenedSource {
  /** The first bytes (at least 4 unless the input is shorter), for telling ZIP from text. */
  readonly head: Uint8Array;
  readonly totalBytes: number | null;
  /** All chunks from the start, the head included. Iterate once. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += BUFFER_CHUNK_BYTES)
    yield bytes.subarray(at, at + BUFFER_CHUNK_BYTES);
}

function checkChunk(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw badRequest('file.text-stream', {});
}

/** Reads the first bytes of a source without losing them. */
export async function openSource(source: TableSource): Promise<OpenedSource> {
  if (source instanceof Uint8Array) {
    return { head: source.subarray(0, 8), totalBytes: source.length, chunks: toAsync(slices(source)) };
  }
  const iterator = source.stream[Symbol.asyncIterator]();
  const early: Uint8Array[] = [];
  let earlyLength = 0;
  let done = false;
  while (earlyLength < 8) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const chunk = checkChunk(next.value);
    early.push(chunk);
    earlyLength += chunk.length;
  }
  const head = new Uint8Array(Math.min(8, earlyLength));
  let at = 0;
  for (const chunk of early) {
    if (at >= head.length) break;
    const part = chunk.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* early;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield checkChunk(next.value);
    }
  }
  return { head, totalBytes: source.totalBytes ?? null, chunks: chunks() };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Collects a stream into one buffer (for formats that need random access, like ZIP). */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    total += chunk.length;
  }
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** ZIP local file header signature `PK\x03\x04` (APPNOTE §4.3.7): an .xlsx workbook. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
