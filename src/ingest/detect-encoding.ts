/**
 * Guesses the text encoding of a hospital export: UTF-8 (with or without BOM), GB18030/GBK (Chinese HIS
 * systems) or Windows-1252 (Western spreadsheets). The heuristic is explained in README.md ("Encoding
 * detection"); every decision carries a `reason`, a note worded by code (`encoding.*`) with the counts that decided.
 */
import { note, type ProblemNote } from '../core/errors/problem.ts';

/** Encodings a caller may ask for by name. GBK is a subset of GB18030 (GB 18030-2005 §4). */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'gbk' | 'windows-1252';
export type EncodingOption = 'auto' | TextEncodingName;
/** Detection can also find UTF-16, by its byte-order mark only (Excel's "Unicode text" export). */
export type DetectedEncodingName = TextEncodingName | 'utf-16le' | 'utf-16be';

export interface EncodingDetection {
  readonly encoding: DetectedEncodingName;
  /** A byte-order mark was found (and is not part of the text). */
  readonly bom: boolean;
  /** Why this encoding was chosen: an `encoding.*` note with the counts that decided it as parameters. */
  readonly reason: ProblemNote;
}

/** Byte-sequence counts of a buffer read as GB18030 (GB 18030-2005 §5: one, two and four byte forms). */
export interface Gb18030Scan {
  /** Two-byte sequences: lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE. */
  readonly pairs: number;
  /** Of those, pairs in the GB 2312 area (both bytes 0xA1–0xFE), where nearly all everyday Chinese text lies. */
  readonly commonPairs: number;
  /** Four-byte sequences: 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39. */
  readonly fourByte: number;
  /** High bytes that start no valid sequence (a lead byte followed by a byte that cannot follow it). */
  readonly invalid: number;
}

/** At most this share of the high-byte sequences may be invalid for GB18030 to stay plausible (corruption). */
export const MAX_INVALID_SHARE = 0.02;
/**
 * At least this share of the multi-byte sequences must lie in the GB 2312 area. Chinese text is almost entirely
 * GB 2312 (6,763 hanzi cover over 99.9 % of modern usage, GB 2312-80 foreword); Windows-1252 text read as
 * GB18030 gives pairs like `é` + ASCII letter, whose trail byte is below 0xA1.
 */
export const MIN_COMMON_SHARE = 0.6;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function isUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Counts the byte sequences of `bytes` read as GB18030. With `final` false an incomplete sequence at the
 * very end is not counted as invalid (the next chunk may complete it).
 *
 * @example scanGb18030(iconv.encode('北京', 'gbk')) // { pairs: 2, commonPairs: 2, fourByte: 0, invalid: 0 }
 */
export function scanGb18030(bytes: Uint8Array, final = true): Gb18030Scan {
  let pairs = 0;
  let commonPairs = 0;
  let fourByte = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      invalid += 1;
      i += 1;
      continue;
    }
    if (i + 1 >= n) {
      if (final) invalid += 1;
      break;
    }
    const t = bytes[i + 1] ?? 0;
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      pairs += 1;
      if (b >= 0xa1 && t >= 0xa1) commonPairs += 1;
      i += 2;
      continue;
    }
    if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= n) {
        if (final) invalid += 1;
        break;
      }
      const t2 = bytes[i + 2] ?? 0;
      const t3 = bytes[i + 3] ?? 0;
      if (t2 >= 0x81 && t2 <= 0xfe && t3 >= 0x30 && t3 <= 0x39) {
        fourByte += 1;
        i += 4;
        continue;
      }
    }
    invalid += 1;
    i += 1;
  }
  return { pairs, commonPairs, fourByte, invalid };
}

/** Length of the valid UTF-8 sequence at `i`, or 0 if invalid (RFC 3629 §4, the well-formed byte table). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** A place in the input: 1-based line and 1-based byte column. */
export interface BytePosition {
  readonly line: number;
  readonly column: number;
}

/** Where the UTF-8 check failed, for the reason text. */
function firstInvalidUtf8(bytes: Uint8Array, start: BytePosition): BytePosition | null {
  let line = start.line;
  let lineStart = 1 - start.column;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      if (b === 0x0d && bytes[i + 1] === 0x0a) i += 1;
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return { line, column: i - lineStart + 1 };
    i += length;
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array, final: boolean): boolean {
  try {
    // With stream: true an incomplete sequence at the end is held back rather than rejected.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 1000) / 10}%`;
}

/**
 * Chooses an encoding for `bytes` (a whole file, or with `final` false its first part; `start` is where
 * `bytes` begin in the file, for the reason text):
 * 1. a UTF-8 BOM → utf-8; a UTF-16 BOM → utf-16le/be;
 * 2. bytes that decode as UTF-8 with `fatal: true` (WHATWG Encoding §10.2) → utf-8;
 * 3. otherwise GB18030 if at most {@link MAX_INVALID_SHARE} of the high-byte sequences are invalid GB18030
 *    and at least {@link MIN_COMMON_SHARE} of the multi-byte sequences lie in the GB 2312 area; else
 *    Windows-1252, which decodes any byte.
 *
 * @example detectEncoding(iconv.encode('机构,值\r\n北京协和医院,1\r\n', 'gbk')).encoding // 'gb18030'
 * @example detectEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a])).encoding // 'windows-1252' (Café)
 */
export function detectEncoding(
  bytes: Uint8Array,
  final = true,
  start: BytePosition = { line: 1, column: 1 },
): EncodingDetection {
  if (hasUtf8Bom(bytes)) return { encoding: 'utf-8', bom: true, reason: note('encoding.utf8-bom', {}) };
  const utf16 = isUtf16Bom(bytes);
  if (utf16 !== null)
    return { encoding: utf16, bom: true, reason: note('encoding.utf16-bom', { encoding: utf16 }) };
  if (isValidUtf8(bytes, final)) {
    const ascii = bytes.every((b) => b < 0x80);
    return {
      encoding: 'utf-8',
      bom: false,
      reason: ascii ? ASCII_ONLY_REASON : note('encoding.valid-utf8', {}),
    };
  }
  // Bytes that fail the UTF-8 check have a first invalid sequence; the start is only a fallback for the type.
  const where = firstInvalidUtf8(bytes, start) ?? start;
  const scan = scanGb18030(bytes, final);
  const sequences = scan.pairs + scan.fourByte;
  const invalidShare = scan.invalid / Math.max(1, sequences + scan.invalid);
  const commonShare = scan.commonPairs / Math.max(1, sequences);
  const counts = {
    line: where.line,
    byte: where.column,
    invalid: scan.invalid,
    sequences: sequences + scan.invalid,
    invalidShare: percent(scan.invalid, sequences + scan.invalid),
    commonShare: percent(scan.commonPairs, sequences),
  };
  if (sequences > 0 && invalidShare <= MAX_INVALID_SHARE && commonShare >= MIN_COMMON_SHARE) {
    return { encoding: 'gb18030', bom: false, reason: note('encoding.read-as-gb18030', counts) };
  }
  return { encoding: 'windows-1252', bom: false, reason: note('encoding.read-as-windows-1252', counts) };
}

/** The reason of a text with no byte above 0x7F, which every supported encoding reads alike. */
export const ASCII_ONLY_REASON: ProblemNote = note('encoding.ascii-only', {});

/** The reason of an encoding the caller named. */
export function askedFor(encoding: TextEncodingName): ProblemNote {
  return note('encoding.asked-for', { encoding });
}
