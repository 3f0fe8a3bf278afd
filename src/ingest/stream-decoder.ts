/**
 * Decodes a byte stream chunk by chunk, choosing the encoding as late as it can: ASCII reads the same in
 * every supported encoding, so under 'auto' the decision waits for the first non-ASCII byte and is then made
 * on a window of up to `windowBytes` starting there. A file with 5 MB of ASCII codes before its first Chinese
 * comment is therefore still judged on Chinese bytes.
 */
import { type ChunkDecoder, createChunkDecoder } from './decode-text.ts';
import {
  ASCII_ONLY_REASON,
  askedFor,
  detectEncoding,
  type EncodingDetection,
  type EncodingOption,
  hasUtf8Bom,
} from './detect-encoding.ts';

export const DETECTION_WINDOW_BYTES = 64 * 1024;

export interface StreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
  /** The encoding chosen so far; null until it is known (under 'auto': until the first non-ASCII byte). */
  detection(): EncodingDetection | null;
}

const ASCII_ONLY: EncodingDetection = {
  encoding: 'utf-8',
  bom: false,
  reason: ASCII_ONLY_REASON,
};

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function firstHighByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i += 1) if ((bytes[i] ?? 0) >= 0x80) return i;
  return -1;
}

function startsWithBom(bytes: Uint8Array): boolean {
  return (
    hasUtf8Bom(bytes) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  );
}

const latin1 = new TextDecoder('latin1');

/**
 * Makes a streaming decoder. With a named encoding it decodes as told (dropping a UTF-8 BOM for 'utf-8');
 * with 'auto' it follows the rule above, using {@link detectEncoding} on the window.
 *
 * @example const d = createStreamDecoder('auto'); const text = d.write(part1) + d.write(part2) + d.end();
 */
export function createStreamDecoder(
  option: EncodingOption,
  windowBytes = DETECTION_WINDOW_BYTES,
): StreamDecoder {
  let decoder: ChunkDecoder | null = null;
  let chosen: EncodingDetection | null = null;
  let held: Uint8Array[] = [];
  let heldLength = 0;
  /** Under 'auto' and 'utf-8' the first three bytes are held until a BOM is ruled in or out. */
  let bomPending = option === 'auto' || option === 'utf-8';
  /** Under 'auto': nothing but ASCII seen so far. */
  let asciiSoFar = option === 'auto';
  /** Where the ASCII seen so far ends, so the detection's reason can name the line of the first high byte. */
  let line = 1;
  let column = 1;
  let lastWasCr = false;
  const advance = (ascii: string): string => {
    for (let i = 0; i < ascii.length; i += 1) {
      const c = ascii.charCodeAt(i);
      if (c === 13 || (c === 10 && !lastWasCr)) {
        line += 1;
        column = 1;
      } else if (c !== 10) column += 1;
      lastWasCr = c === 13;
    }
    return ascii;
  };
  const detect = (bytes: Uint8Array, final: boolean): EncodingDetection =>
    detectEncoding(bytes, final, { line, column });

  const start = (detection: EncodingDetection): ChunkDecoder => {
    chosen = detection;
    const made = createChunkDecoder(detection.encoding);
    decoder = made;
    return made;
  };
  const asked = (bytes: Uint8Array): EncodingDetection =>
    option === 'auto'
      ? ASCII_ONLY
      : {
          encoding: option,
          bom: option === 'utf-8' && hasUtf8Bom(bytes),
          reason: askedFor(option),
        };
  const take = (): Uint8Array => {
    const bytes = concat(held);
    held = [];
    heldLength = 0;
    return bytes;
  };
  const hold = (bytes: Uint8Array): void => {
    held.push(bytes);
    heldLength += bytes.length;
  };

  return {
    write(bytes) {
      if (decoder !== null) return decoder.write(bytes);
      hold(bytes);
      if (bomPending) {
        if (heldLength < 3) return '';
        bomPending = false;
        const head = take();
        if (option !== 'auto') return start(asked(head)).write(head);
        if (startsWithBom(head)) return start(detectEncoding(head, false)).write(head);
        hold(head);
      }
      if (option !== 'auto') {
        const bytesHeld = take();
        return start(asked(bytesHeld)).write(bytesHeld);
      }
      let text = '';
      if (asciiSoFar) {
        const bytesHeld = take();
        const high = firstHighByte(bytesHeld);
        if (high < 0) return advance(latin1.decode(bytesHeld));
        asciiSoFar = false;
        text = advance(latin1.decode(bytesHeld.subarray(0, high)));
        hold(bytesHeld.subarray(high));
      }
      if (heldLength < windowBytes) return text;
      const window = take();
      return text + start(detect(window, false)).write(window);
    },
    end() {
      if (decoder !== null) return decoder.end();
      const bytesHeld = take();
      let prefix = '';
      let rest = bytesHeld;
      let detection: EncodingDetection;
      if (option !== 'auto') detection = asked(bytesHeld);
      else if (startsWithBom(bytesHeld)) detection = detectEncoding(bytesHeld);
      else {
        const high = firstHighByte(bytesHeld);
        if (high < 0) {
          chosen = ASCII_ONLY;
          return latin1.decode(bytesHeld);
        }
        prefix = asciiSoFar ? advance(latin1.decode(bytesHeld.subarray(0, high))) : '';
        rest = asciiSoFar ? bytesHeld.subarray(high) : bytesHeld;
        detection = detect(rest, true);
      }
      const last = start(detection);
      return prefix + last.write(rest) + last.end();
    },
    detection: () => chosen,
  };
}
