/**
 * The public source files the real-data examples import, in `../shared/data` beside the repository's clone
 * (its README.md describes each); `HEALTHBSC_SHARED_DATA` names another folder.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT =
  process.env.HEALTHBSC_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data/', import.meta.url));

/** The path of a file in the shared data folder. */
export function sharedData(relative: string): string {
  return join(ROOT, relative);
}

/**
 * Reads a published CSV naively, for tests to compare with (RFC 4180 quotes, no line breaks inside fields):
 * one record per line, keyed by the header.
 */
export function readSourceCsv(text: string): Record<string, string>[] {
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i];
      if (c === '"' && quoted && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    return cells;
  };
  const [header = [], ...rows] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map(split);
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}
