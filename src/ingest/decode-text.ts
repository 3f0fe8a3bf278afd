/**
 * Turns the bytes of an export into text, without silently losing characters: every position where the
 * decoder had to substitute U+FFFD (the WHATWG Encoding "replacement character") is reported.
 */
import iconv from 'iconv-lite';
import type { ProblemNote } from '../core/errors/problem.ts';
import {
  askedFor,
  type DetectedEncodingName,
  detectEncoding,
  type EncodingDetection,
  type EncodingOption,
  hasUtf8Bom,
} from './detect-encoding.ts';

/** A place in decoded text: 1-based line (CRLF, LF and CR each end one) and 1-based column in characters. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: DetectedEncodingName;
  /** The input started with a byte-order mark, which is not part of `text`. */
  readonly bom: boolean;
  /** Why this encoding: the detection's reason under 'auto', else `encoding.asked-for`. */
  readonly reason: ProblemNote;
  /** Positions of U+FFFD in `text`, at most {@link MAX_LISTED_UNDECODABLE}. */
  readonly undecodable: readonly TextPosition[];
  /** How many U+FFFD there are in all. */
  readonly undecodableCount: number;
}

export const MAX_LISTED_UNDECODABLE = 1000;

export const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Finds every U+FFFD in `text` and gives its line and column. A U+FFFD that was already in the source
 * (valid UTF-8 EF BF BD) is reported too: it means an earlier conversion lost the original character.
 *
 * @example findUndecodable('ab\r\nc\uFFFD') // { positions: [{ line: 2, column: 2 }], count: 1 }
 */
export function findUndecodable(
  text: string,
  limit = MAX_LISTED_UNDECODABLE,
): { positions: TextPosition[]; count: number } {
  const positions: TextPosition[] = [];
  let count = 0;
  let from = text.indexOf(REPLACEMENT_CHARACTER);
  if (from < 0) return { positions, count };
  let line = 1;
  let column = 1;
  let i = 0;
  for (const ch of text) {
    if (i >= from && ch === REPLACEMENT_CHARACTER) {
      count += 1;
      if (positions.length < limit) positions.push({ line, column });
      from = text.indexOf(REPLACEMENT_CHARACTER, i + 1);
      if (from < 0) break;
    }
    i += ch.length;
    if (ch === '\r' || (ch === '\n' && text[i - 2] !== '\r')) {
      line += 1;
      column = 1;
    } else if (ch !== '\n') {
      column += 1;
    }
  }
  return { positions, count };
}

/** A decoder that can be fed chunk by chunk; multi-byte sequences split across chunks are kept whole. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * Makes a streaming decoder for a known encoding. UTF-8 and UTF-16 use the WHATWG TextDecoder; GB18030, GBK
 * and Windows-1252 use iconv-lite, which (unlike WHATWG windows-1252) gives U+FFFD for the five bytes that
 * Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D), so they are reported instead of becoming
 * invisible control characters. A leading UTF-8 BOM is dropped.
 */
export function createChunkDecoder(encoding: DetectedEncodingName): ChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const decoder = new TextDecoder(encoding);
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/**
 * Decodes a whole buffer. With `'auto'` the encoding comes from {@link detectEncoding}; with a named encoding
 * the bytes are decoded as told and any byte that is invalid in it is listed in `undecodable`.
 * CRLF, LF and CR are kept as they are in `text`; line numbers count each of them as one line end.
 *
 * @example decodeText(iconv.encode('机构\r\n协和', 'gbk'), 'auto') // { text: '机构\r\n协和', encoding: 'gb18030', … }
 * @example decodeText(iconv.encode('协和', 'gbk'), 'utf-8').undecodable // [{ line: 1, column: 1 }, …]
 */
export function decodeText(bytes: Uint8Array, encoding: EncodingOption = 'auto'): DecodedText {
  const detection: EncodingDetection =
    encoding === 'auto'
      ? detectEncoding(bytes)
      : { encoding, bom: encoding === 'utf-8' && hasUtf8Bom(bytes), reason: askedFor(encoding) };
  const decoder = createChunkDecoder(detection.encoding);
  // TextDecoder drops a UTF-8/UTF-16 BOM itself; iconv-lite is never given one under 'auto'.
  const text = decoder.write(bytes) + decoder.end();
  const { positions, count } = findUndecodable(text);
  return {
    text,
    encoding: detection.encoding,
    bom: detection.bom,
    reason: detection.reason,
    undecodable: positions,
    undecodableCount: count,
  };
}
