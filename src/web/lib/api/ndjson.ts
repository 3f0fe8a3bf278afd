/**
 * Newline-delimited JSON (https://github.com/ndjson/ndjson-spec), read as it arrives: a long import streams
 * progress lines, and a chunk of the response may end in the middle of a line (or of a UTF-8 character, which
 * the caller's `TextDecoder` in stream mode holds back). The parser keeps the unfinished tail until the next
 * chunk and hands out only whole lines. Pure: no I/O, so it is tested without a server.
 */

export interface NdjsonParser {
  /** Adds text; returns the values of the lines it completed, in order. */
  push(text: string): unknown[];
  /** The end of the stream: the last line, if it had no newline. */
  end(): unknown[];
}

/** Thrown for a line that is not JSON: the stream is broken, the rest cannot be trusted. */
export class NdjsonSyntaxError extends Error {
  readonly line: string;
  constructor(line: string, cause: unknown) {
    super(`A line of the stream is not JSON: ${line.slice(0, 80)}`, { cause });
    this.name = 'NdjsonSyntaxError';
    this.line = line;
  }
}

function parseLine(line: string): unknown[] {
  // Blank lines (and a CR of a CRLF) carry nothing: the spec lets a writer send them as keep-alives.
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim() === '') return [];
  try {
    return [JSON.parse(text)];
  } catch (error) {
    throw new NdjsonSyntaxError(text, error);
  }
}

/**
 * @example
 * const parser = createNdjsonParser();
 * parser.push('{"done":1}\n{"do'); // [{ done: 1 }]
 * parser.push('ne":2}\n');          // [{ done: 2 }]
 */
export function createNdjsonParser(): NdjsonParser {
  let tail = '';
  return {
    push(text) {
      const lines = (tail + text).split('\n');
      tail = lines.pop() ?? '';
      return lines.flatMap(parseLine);
    },
    end() {
      const last = tail;
      tail = '';
      return parseLine(last);
    },
  };
}
