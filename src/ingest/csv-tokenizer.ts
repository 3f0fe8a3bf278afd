/**
 * A streaming CSV tokenizer (RFC 4180 §2, relaxed): fields separated by one delimiter character; a field that
 * starts with `"` is quoted, `""` inside it is one `"`, and it may hold delimiters and line breaks; records end
 * at CRLF, LF or CR, mixed freely. Each record carries the 1-based line it starts on, counting CRLF as one line
 * end, so an error report can point at the line a text editor shows.
 *
 * Written here rather than taken from csv-parse because csv-parse 6's `info.lines` counts a CRLF inside a quoted
 * field as two lines and its record-delimiter auto-detection rejects files that mix line ends; both would give
 * wrong line numbers in the import report.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
  /** The file ended inside a quoted field: the last cell holds everything after its opening quote. */
  readonly unterminatedQuote?: true;
}

export interface CsvTokenizer {
  /** Feeds text; returns the records completed by it. */
  push(text: string): CsvRecord[];
  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted';

/**
 * Makes a tokenizer. Lines that are completely empty produce no record (they still count for line numbers).
 * Lenient where RFC 4180 is strict, as spreadsheet exports need: a `"` inside an unquoted field is kept as
 * text, and text after a closing quote is appended to the field.
 *
 * @example createCsvTokenizer(',').push('a,"b\r\nc"\r\nd\n') // [{ line: 1, cells: ['a', 'b\r\nc'] }, { line: 3, cells: ['d'] }]
 */
export function createCsvTokenizer(delimiter: CsvDelimiter): CsvTokenizer {
  const delim = delimiter.charCodeAt(0);
  let state: State = 'field-start';
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to the same line end. */
  let afterCr = false;

  const endRecord = (out: CsvRecord[]): void => {
    cells.push(field);
    field = '';
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: recordLine, cells });
    cells = [];
    state = 'field-start';
  };

  const push = (text: string): CsvRecord[] => {
    const out: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    if (afterCr && n > 0) {
      afterCr = false;
      if (text.charCodeAt(0) === LF) {
        if (state === 'quoted') field += '\n';
        i = 1;
      }
    }
    // `from` marks the start of a run of plain characters not yet copied into `field`.
    let from = i;
    for (; i < n; i += 1) {
      const c = text.charCodeAt(i);
      switch (state) {
        case 'field-start':
          if (c === QUOTE) {
            state = 'quoted';
            from = i + 1;
            break;
          }
          // The character is the first of an unquoted field: read it again in that state.
          state = 'unquoted';
          from = i;
          i -= 1;
          break;
        case 'unquoted':
          if (c === delim) {
            field += text.slice(from, i);
            cells.push(field);
            field = '';
            state = 'field-start';
          } else if (c === CR || c === LF) {
            field += text.slice(from, i);
            endRecord(out);
            line += 1;
            if (c === CR) {
              if (i + 1 < n) {
                if (text.charCodeAt(i + 1) === LF) i += 1;
              } else afterCr = true;
            }
            recordLine = line;
          }
          break;
        case 'quoted':
          if (c === QUOTE) {
            field += text.slice(from, i);
            state = 'quote-in-quoted';
          } else if (c === CR || c === LF) {
            line += 1;
            if (c === CR) {
              if (i + 1 < n) {
                if (text.charCodeAt(i + 1) === LF) i += 1;
              } else afterCr = true;
            }
          }
          break;
        case 'quote-in-quoted':
          if (c === QUOTE) {
            // An escaped quote: keep one, stay inside the quotes.
            state = 'quoted';
            from = i;
          } else if (c === delim) {
            cells.push(field);
            field = '';
            state = 'field-start';
          } else if (c === CR || c === LF) {
            endRecord(out);
            line += 1;
            if (c === CR) {
              if (i + 1 < n) {
                if (text.charCodeAt(i + 1) === LF) i += 1;
              } else afterCr = true;
            }
            recordLine = line;
          } else {
            // Text after a closing quote: keep it, as spreadsheets do.
            state = 'unquoted';
            from = i;
          }
          break;
      }
    }
    if (state === 'unquoted' || state === 'quoted') field += text.slice(from, n);
    return out;
  };

  return {
    push,
    end() {
      const out: CsvRecord[] = [];
      if (state === 'quoted') {
        cells.push(field);
        out.push({ line: recordLine, cells, unterminatedQuote: true });
      } else if (state !== 'field-start' || cells.length > 0) {
        endRecord(out);
      }
      cells = [];
      field = '';
      state = 'field-start';
      return out;
    },
  };
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Counts each candidate delimiter outside quotes on each of the first `maxLines` lines of `text`. */
function countPerLine(text: string, maxLines: number): Map<CsvDelimiter, number[]> {
  const counts = new Map<CsvDelimiter, number[]>(CANDIDATES.map((d) => [d, [0]]));
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < maxLines; i += 1) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      lines += 1;
      for (const list of counts.values()) list.push(0);
    } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) {
      const list = counts.get(ch);
      if (list !== undefined) list[list.length - 1] = (list[list.length - 1] ?? 0) + 1;
    }
  }
  // Drop the last (possibly partial or empty) line when there are complete ones.
  for (const list of counts.values()) if (list.length > 1) list.pop();
  return counts;
}

/**
 * Picks the delimiter of a CSV from its first lines: the candidate (`,` `;` tab) that appears on every line
 * the same number of times and most often; failing that, the one most frequent on the header line; `,` when
 * none appears. Counting ignores quoted text, so `"1,5";"2,5"` (decimal commas) picks `;`.
 *
 * @example detectDelimiter('a;b;c\r\n1,5;2;3\r\n') // ';'
 */
export function detectDelimiter(text: string, maxLines = 20): CsvDelimiter {
  const counts = countPerLine(text, maxLines);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const list = counts.get(d) ?? [0];
    const first = list[0] ?? 0;
    const consistent = first > 0 && list.every((c) => c === first);
    // Consistent counts win over any inconsistent one; among equals, more columns win.
    const score = consistent ? 1_000_000 + first : first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
